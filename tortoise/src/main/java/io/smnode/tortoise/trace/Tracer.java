package io.smnode.tortoise.trace;

import io.smnode.core.types.AtxId;
import io.smnode.core.types.BallotId;
import io.smnode.core.types.BlockId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.NodeId;
import io.smnode.tortoise.AtxInfo;
import io.smnode.tortoise.BallotInput;
import io.smnode.tortoise.BlockHeader;
import io.smnode.tortoise.BlockResult;
import io.smnode.tortoise.DecodeResult;
import io.smnode.tortoise.EncodeResult;
import io.smnode.tortoise.EpochData;
import io.smnode.tortoise.LayerUpdate;
import io.smnode.tortoise.Mode;
import io.smnode.tortoise.Opinion;
import io.smnode.tortoise.Rejection;
import io.smnode.tortoise.TortoiseConfig;
import io.smnode.tortoise.Votes;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes each tortoise call, with what it returned, as one JSON line (field "t" names the call). Inputs are enough
 * to replay a run; the recorded outputs let {@link TraceReplayer} check the replay is byte-identical.
 */
public final class Tracer {
    private final TraceSink sink;

    public Tracer(TraceSink sink) {
        this.sink = sink;
    }

    public void config(TortoiseConfig c) {
        JsonWriter w = start("config").name("hdist").value(c.hdist()).name("zdist").value(c.zdist())
                .name("window_size").value(c.windowSize()).name("max_exceptions").value(c.maxExceptions())
                .name("bad_beacon_vote_delay_layers").value(c.badBeaconVoteDelayLayers())
                .name("layer_size").value(c.layerSize()).name("layers_per_epoch").value(c.layersPerEpoch())
                .name("effective_genesis").value(c.effectiveGenesis()).name("historical_windows").beginArray();
        for (TortoiseConfig.WindowInterval i : c.historicalWindows()) {
            w.beginObject().name("start").value(i.start()).name("end").value(i.end()).name("window").value(i.window())
                    .endObject();
        }
        emit(w.endArray());
    }

    public void atx(long epoch, AtxId id, AtxInfo atx) {
        emit(start("atx").name("epoch").value(epoch).name("id").value(id.hex()).name("node").value(atx.node().hex())
                .name("weight").value(atx.weight()).name("height").unsigned(atx.height())
                .name("malicious").value(atx.malicious()));
    }

    public void beacon(long epoch, Bytes beacon) {
        emit(start("beacon").name("epoch").value(epoch).name("beacon").value(beacon.hex()));
    }

    public void malfeasance(NodeId node) {
        emit(start("malfeasance").name("node").value(node.hex()));
    }

    public void weakCoin(LayerId layer, boolean coin) {
        emit(start("weak_coin").name("layer").value(layer.value()).name("coin").value(coin));
    }

    public void block(BlockHeader h) {
        emit(header(start("block"), h));
    }

    public void recoveredBlocks(LayerId layer, List<BlockHeader> valid, List<BlockHeader> invalid,
            Optional<BlockId> hare) {
        JsonWriter w = start("recovered_blocks").name("layer").value(layer.value());
        headers(w.name("valid"), valid);
        headers(w.name("invalid"), invalid);
        emit(w.name("hare").value(hare.map(BlockId::hex).orElse(null)));
    }

    public void hare(LayerId layer, BlockId block) {
        emit(start("hare").name("layer").value(layer.value()).name("block").value(block.hex()));
    }

    public void decodeBallot(BallotInput b, DecodeResult result) {
        JsonWriter w = start("decode_ballot").name("id").value(b.id().hex()).name("layer").value(b.layer().value())
                .name("smesher").value(b.smesher().hex()).name("atx").value(b.atxId().hex())
                .name("eligibilities").value(b.eligibilities()).name("malicious").value(b.malicious())
                .name("epoch_data");
        if (b.epochData().isPresent()) {
            EpochData e = b.epochData().get();
            w.beginObject().name("beacon").value(e.beacon().hex()).name("eligibilities").value(e.eligibilities())
                    .endObject();
        } else {
            w.nullValue();
        }
        w.name("ref").value(b.ref().map(BallotId::hex).orElse(null)).name("opinion");
        opinion(w, b.opinion());
        rejection(w, result instanceof DecodeResult.Rejected r ? Optional.of(r.rejection()) : Optional.empty());
        emit(w);
    }

    public void storeBallot(BallotId id, boolean malicious, Optional<Rejection> result) {
        emit(rejection(start("store_ballot").name("id").value(id.hex()).name("malicious").value(malicious), result));
    }

    public void tally(LayerId layer) {
        emit(start("tally").name("layer").value(layer.value()));
    }

    public void encodeVotes(LayerId current, EncodeResult result) {
        JsonWriter w = start("encode_votes").name("layer").value(current.value()).name("opinion");
        if (result instanceof EncodeResult.Encoded e) {
            opinion(w, e.opinion());
            rejection(w, Optional.empty());
        } else {
            w.nullValue();
            rejection(w, Optional.of(((EncodeResult.Failed) result).rejection()));
        }
        emit(w);
    }

    public void updates(List<LayerUpdate> updates) {
        JsonWriter w = start("updates").name("result").beginArray();
        for (LayerUpdate u : updates) {
            w.beginObject().name("layer").value(u.layer().value()).name("verified").value(u.verified())
                    .name("opinion").value(u.opinion().hex()).name("blocks").beginArray();
            for (BlockResult b : u.blocks()) {
                header(w.beginObject(), b.header()).name("data").value(b.data()).name("hare").value(b.hare())
                        .name("valid").value(b.valid()).name("invalid").value(b.invalid())
                        .name("local").value(b.local()).endObject();
            }
            w.endArray().endObject();
        }
        emit(w.endArray());
    }

    public void applied(LayerId layer, Hash32 opinion, boolean result) {
        emit(start("applied").name("layer").value(layer.value()).name("opinion").value(opinion.hex())
                .name("result").value(result));
    }

    public void mode(Mode mode) {
        emit(start("mode").name("result").value(mode.name().toLowerCase(Locale.ROOT)));
    }

    public void latestComplete(LayerId layer) {
        emit(start("latest_complete").name("result").value(layer.value()));
    }

    public void recoverFrom(LayerId layer, Hash32 opinion, Hash32 prev) {
        emit(start("recover").name("layer").value(layer.value()).name("opinion").value(opinion.hex())
                .name("prev").value(prev.hex()));
    }

    private static JsonWriter start(String type) {
        return new JsonWriter().beginObject().name("t").value(type);
    }

    private static JsonWriter header(JsonWriter w, BlockHeader h) {
        return w.name("id").value(h.id().hex()).name("layer").value(h.layer().value())
                .name("height").unsigned(h.height());
    }

    private static void opinion(JsonWriter w, Opinion o) {
        Votes v = o.votes();
        w.beginObject().name("hash").value(o.hash().hex()).name("base").value(v.base().hex());
        headers(w.name("support"), v.support());
        headers(w.name("against"), v.against());
        w.name("abstain").beginArray();
        for (LayerId l : v.abstain()) {
            w.value(l.value());
        }
        w.endArray().endObject();
    }

    private static void headers(JsonWriter w, List<BlockHeader> hs) {
        w.beginArray();
        for (BlockHeader h : hs) {
            header(w.beginObject(), h).endObject();
        }
        w.endArray();
    }

    private static JsonWriter rejection(JsonWriter w, Optional<Rejection> r) {
        w.name("error");
        if (r.isPresent()) {
            w.beginObject().name("reason").value(r.get().reason().name()).name("detail").value(r.get().detail())
                    .endObject();
        } else {
            w.nullValue();
        }
        return w;
    }

    private void emit(JsonWriter w) {
        sink.accept(w.endObject().toString());
    }
}
