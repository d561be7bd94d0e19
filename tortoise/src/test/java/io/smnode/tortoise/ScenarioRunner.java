package io.smnode.tortoise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.BallotId;
import io.smnode.core.types.BlockId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.NodeId;
import io.smnode.tortoise.trace.Tracer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Runs the explicit action lists of tortoise-scenarios.json against a {@link Tortoise}. */
final class ScenarioRunner {
    final Tortoise tortoise;

    ScenarioRunner(JsonNode config, Tracer tracer) {
        this.tortoise = new Tortoise(config(config), tracer);
    }

    static TortoiseConfig config(JsonNode c) {
        return new TortoiseConfig(c.get("Hdist").asInt(), c.get("Zdist").asInt(), c.get("WindowSize").asInt(),
                c.get("MaxExceptions").asInt(), c.get("BadBeaconVoteDelayLayers").asInt(), c.get("LayerSize").asInt(),
                c.get("layers_per_epoch").asInt(), c.get("effective_genesis").asLong());
    }

    void run(Iterable<JsonNode> actions) {
        int i = 0;
        for (JsonNode a : actions) {
            String where = "action " + i++ + " " + a.get("action").asText();
            apply(a, where);
        }
    }

    private void apply(JsonNode a, String where) {
        switch (a.get("action").asText()) {
            case "atx" -> tortoise.onAtx(EpochId.of(a.get("target_epoch").asLong()), AtxId.ofHex(a.get("id").asText()),
                    new AtxInfo(NodeId.ofHex(a.get("node_id").asText()), a.get("weight").asLong(),
                            a.get("height").asLong(), false));
            case "beacon" -> tortoise.onBeacon(EpochId.of(a.get("epoch").asLong()), Bytes.ofHex(a.get("beacon").asText()));
            case "malfeasance" -> tortoise.onMalfeasance(NodeId.ofHex(a.get("node_id").asText()));
            case "block" -> tortoise.onBlock(header(a));
            case "hare_output" -> tortoise.onHareOutput(LayerId.of(a.get("layer").asLong()),
                    BlockId.ofHex(a.get("block_id").asText()));
            case "tally_votes" -> tortoise.tallyVotes(LayerId.of(a.get("layer").asLong()));
            case "ballot" -> ballot(a, where);
            case "expect_mode" -> assertEquals(a.get("mode").asText(), tortoise.mode().name().toLowerCase(), where);
            case "expect_updates" -> expectUpdates(a.get("layers"), where);
            default -> throw new IllegalArgumentException("unknown action " + a);
        }
    }

    private void ballot(JsonNode a, String where) {
        BallotInput ballot = ballotInput(a);
        DecodeResult decoded = tortoise.decodeBallot(ballot);
        assertInstanceOf(DecodeResult.Decoded.class, decoded, where + ": " + decoded);
        Optional<Rejection> stored = tortoise.storeBallot(((DecodeResult.Decoded) decoded).ballot());
        if (a.has("expect_store_error")) {
            assertTrue(stored.isPresent(), where + ": store should fail");
            assertEquals(Rejection.Reason.BALLOT_EXISTS, stored.get().reason());
            assertTrue(stored.get().detail().startsWith(a.get("expect_store_error").asText()), stored.get().detail());
        } else {
            assertEquals(Optional.empty(), stored, where);
        }
    }

    static BallotInput ballotInput(JsonNode a) {
        JsonNode v = a.get("votes");
        List<LayerId> abstain = new ArrayList<>();
        v.get("abstain").forEach(l -> abstain.add(LayerId.of(l.asLong())));
        Votes votes = new Votes(BallotId.ofHex(v.get("base").asText()), headers(v.get("support")),
                headers(v.get("against")), abstain);
        JsonNode ed = a.get("epoch_data");
        Optional<EpochData> epochData = ed == null || ed.isNull() ? Optional.empty()
                : Optional.of(new EpochData(Bytes.ofHex(ed.get("beacon").asText()), ed.get("eligibilities").asLong()));
        JsonNode ref = a.get("ref");
        return new BallotInput(BallotId.ofHex(a.get("id").asText()), LayerId.of(a.get("layer").asLong()),
                NodeId.ofHex(a.get("smesher").asText()), AtxId.ofHex(a.get("atx_id").asText()),
                a.get("eligibilities").asLong(), new Opinion(Hash32.ofHex(a.get("opinion_hash").asText()), votes),
                epochData, ref == null || ref.isNull() ? Optional.empty() : Optional.of(BallotId.ofHex(ref.asText())),
                false);
    }

    static List<BlockHeader> headers(JsonNode list) {
        List<BlockHeader> out = new ArrayList<>();
        list.forEach(h -> out.add(header(h)));
        return out;
    }

    static BlockHeader header(JsonNode h) {
        return new BlockHeader(BlockId.ofHex(h.get("id").asText()), LayerId.of(h.get("layer").asLong()),
                h.get("height").asLong());
    }

    /** Updates() then OnApplied for each layer; the layers must equal the expected ones, opinions aside. */
    private void expectUpdates(JsonNode expected, String where) {
        List<LayerUpdate> updates = tortoise.updates();
        for (LayerUpdate u : updates) {
            tortoise.onApplied(u.layer(), u.opinion());
        }
        List<String> actual = new ArrayList<>();
        for (LayerUpdate u : updates) {
            actual.add(render(u));
        }
        List<String> wanted = new ArrayList<>();
        for (JsonNode l : expected) {
            StringBuilder b = new StringBuilder("layer " + l.get("layer").asLong() + " verified=" + l.get("verified").asBoolean());
            for (JsonNode blk : l.get("blocks")) {
                b.append(" [").append(blk.get("id").asText()).append('@').append(blk.get("layer").asLong())
                        .append(" h=").append(blk.get("height").asLong())
                        .append(" valid=").append(blk.get("valid").asBoolean())
                        .append(" invalid=").append(blk.get("invalid").asBoolean())
                        .append(" hare=").append(blk.get("hare").asBoolean())
                        .append(" data=").append(blk.get("data").asBoolean())
                        .append(" local=").append(blk.get("local").asBoolean()).append(']');
            }
            wanted.add(b.toString());
        }
        assertEquals(wanted, actual, where);
    }

    static String render(LayerUpdate u) {
        StringBuilder b = new StringBuilder("layer " + u.layer().value() + " verified=" + u.verified());
        for (BlockResult r : u.blocks()) {
            b.append(" [").append(r.header().id().hex()).append('@').append(r.header().layer().value())
                    .append(" h=").append(r.header().height())
                    .append(" valid=").append(r.valid()).append(" invalid=").append(r.invalid())
                    .append(" hare=").append(r.hare()).append(" data=").append(r.data())
                    .append(" local=").append(r.local()).append(']');
        }
        return b.toString();
    }
}
