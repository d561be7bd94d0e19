package io.smnode.tortoise.trace;

import com.fasterxml.jackson.core.JsonGenerator;
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
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes each tortoise call, with what it returned, as one JSON line (field "t" names the call; {@link TraceJson}).
 * Inputs are enough to replay a run; the recorded outputs let {@link TraceReplayer} check the replay is
 * byte-identical.
 */
public final class Tracer {
    private final TraceSink sink;

    public Tracer(TraceSink sink) {
        this.sink = sink;
    }

    public void config(TortoiseConfig c) {
        emit("config", g -> {
            g.writeNumberField("hdist", c.hdist());
            g.writeNumberField("zdist", c.zdist());
            g.writeNumberField("window_size", c.windowSize());
            g.writeNumberField("max_exceptions", c.maxExceptions());
            g.writeNumberField("bad_beacon_vote_delay_layers", c.badBeaconVoteDelayLayers());
            g.writeNumberField("layer_size", c.layerSize());
            g.writeNumberField("layers_per_epoch", c.layersPerEpoch());
            g.writeNumberField("effective_genesis", c.effectiveGenesis());
            g.writeArrayFieldStart("historical_windows");
            for (TortoiseConfig.WindowInterval i : c.historicalWindows()) {
                g.writeStartObject();
                g.writeNumberField("start", i.start());
                g.writeNumberField("end", i.end());
                g.writeNumberField("window", i.window());
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    public void atx(long epoch, AtxId id, AtxInfo atx) {
        emit("atx", g -> {
            g.writeNumberField("epoch", epoch);
            g.writeStringField("id", id.hex());
            g.writeStringField("node", atx.node().hex());
            g.writeNumberField("weight", atx.weight());
            unsigned(g, "height", atx.height());
            g.writeBooleanField("malicious", atx.malicious());
        });
    }

    public void beacon(long epoch, Bytes beacon) {
        emit("beacon", g -> {
            g.writeNumberField("epoch", epoch);
            g.writeStringField("beacon", beacon.hex());
        });
    }

    public void malfeasance(NodeId node) {
        emit("malfeasance", g -> g.writeStringField("node", node.hex()));
    }

    public void weakCoin(LayerId layer, boolean coin) {
        emit("weak_coin", g -> {
            g.writeNumberField("layer", layer.value());
            g.writeBooleanField("coin", coin);
        });
    }

    public void block(BlockHeader h) {
        emit("block", g -> header(g, h));
    }

    public void recoveredBlocks(LayerId layer, List<BlockHeader> valid, List<BlockHeader> invalid,
            Optional<BlockId> hare) {
        emit("recovered_blocks", g -> {
            g.writeNumberField("layer", layer.value());
            headers(g, "valid", valid);
            headers(g, "invalid", invalid);
            g.writeStringField("hare", hare.map(BlockId::hex).orElse(null));
        });
    }

    public void hare(LayerId layer, BlockId block) {
        emit("hare", g -> {
            g.writeNumberField("layer", layer.value());
            g.writeStringField("block", block.hex());
        });
    }

    public void decodeBallot(BallotInput b, DecodeResult result) {
        emit("decode_ballot", g -> {
            g.writeStringField("id", b.id().hex());
            g.writeNumberField("layer", b.layer().value());
            g.writeStringField("smesher", b.smesher().hex());
            g.writeStringField("atx", b.atxId().hex());
            g.writeNumberField("eligibilities", b.eligibilities());
            g.writeBooleanField("malicious", b.malicious());
            g.writeFieldName("epoch_data");
            if (b.epochData().isPresent()) {
                EpochData e = b.epochData().get();
                g.writeStartObject();
                g.writeStringField("beacon", e.beacon().hex());
                g.writeNumberField("eligibilities", e.eligibilities());
                g.writeEndObject();
            } else {
                g.writeNull();
            }
            g.writeStringField("ref", b.ref().map(BallotId::hex).orElse(null));
            g.writeFieldName("opinion");
            opinion(g, b.opinion());
            rejection(g, result instanceof DecodeResult.Rejected r ? Optional.of(r.rejection()) : Optional.empty());
        });
    }

    public void storeBallot(BallotId id, boolean malicious, Optional<Rejection> result) {
        emit("store_ballot", g -> {
            g.writeStringField("id", id.hex());
            g.writeBooleanField("malicious", malicious);
            rejection(g, result);
        });
    }

    public void tally(LayerId layer) {
        emit("tally", g -> g.writeNumberField("layer", layer.value()));
    }

    public void encodeVotes(LayerId current, EncodeResult result) {
        emit("encode_votes", g -> {
            g.writeNumberField("layer", current.value());
            g.writeFieldName("opinion");
            if (result instanceof EncodeResult.Encoded e) {
                opinion(g, e.opinion());
                rejection(g, Optional.empty());
            } else {
                g.writeNull();
                rejection(g, Optional.of(((EncodeResult.Failed) result).rejection()));
            }
        });
    }

    public void updates(List<LayerUpdate> updates) {
        emit("updates", g -> {
            g.writeArrayFieldStart("result");
            for (LayerUpdate u : updates) {
                g.writeStartObject();
                g.writeNumberField("layer", u.layer().value());
                g.writeBooleanField("verified", u.verified());
                g.writeStringField("opinion", u.opinion().hex());
                g.writeArrayFieldStart("blocks");
                for (BlockResult b : u.blocks()) {
                    g.writeStartObject();
                    header(g, b.header());
                    g.writeBooleanField("data", b.data());
                    g.writeBooleanField("hare", b.hare());
                    g.writeBooleanField("valid", b.valid());
                    g.writeBooleanField("invalid", b.invalid());
                    g.writeBooleanField("local", b.local());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    public void applied(LayerId layer, Hash32 opinion, boolean result) {
        emit("applied", g -> {
            g.writeNumberField("layer", layer.value());
            g.writeStringField("opinion", opinion.hex());
            g.writeBooleanField("result", result);
        });
    }

    public void mode(Mode mode) {
        emit("mode", g -> g.writeStringField("result", mode.name().toLowerCase(Locale.ROOT)));
    }

    public void latestComplete(LayerId layer) {
        emit("latest_complete", g -> g.writeNumberField("result", layer.value()));
    }

    public void recoverFrom(LayerId layer, Hash32 opinion, Hash32 prev) {
        emit("recover", g -> {
            g.writeNumberField("layer", layer.value());
            g.writeStringField("opinion", opinion.hex());
            g.writeStringField("prev", prev.hex());
        });
    }

    private static void header(JsonGenerator g, BlockHeader h) throws IOException {
        g.writeStringField("id", h.id().hex());
        g.writeNumberField("layer", h.layer().value());
        unsigned(g, "height", h.height());
    }

    /** An unsigned 64-bit integer (heights), as its decimal digits. */
    private static void unsigned(JsonGenerator g, String name, long value) throws IOException {
        g.writeFieldName(name);
        g.writeNumber(Long.toUnsignedString(value));
    }

    private static void opinion(JsonGenerator g, Opinion o) throws IOException {
        Votes v = o.votes();
        g.writeStartObject();
        g.writeStringField("hash", o.hash().hex());
        g.writeStringField("base", v.base().hex());
        headers(g, "support", v.support());
        headers(g, "against", v.against());
        g.writeArrayFieldStart("abstain");
        for (LayerId l : v.abstain()) {
            g.writeNumber(l.value());
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void headers(JsonGenerator g, String name, List<BlockHeader> hs) throws IOException {
        g.writeArrayFieldStart(name);
        for (BlockHeader h : hs) {
            g.writeStartObject();
            header(g, h);
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void rejection(JsonGenerator g, Optional<Rejection> r) throws IOException {
        g.writeFieldName("error");
        if (r.isPresent()) {
            g.writeStartObject();
            g.writeStringField("reason", r.get().reason().name());
            g.writeStringField("detail", r.get().detail());
            g.writeEndObject();
        } else {
            g.writeNull();
        }
    }

    private void emit(String type, TraceJson.Body body) {
        sink.accept(TraceJson.line(type, body));
    }
}
