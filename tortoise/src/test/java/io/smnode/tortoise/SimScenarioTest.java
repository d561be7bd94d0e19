package io.smnode.tortoise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.smnode.core.testing.Vectors;
import io.smnode.core.types.BlockId;
import io.smnode.core.types.LayerId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sim-driven scenarios of tortoise-scenarios.json (text descriptions) and of spec 05 §11, rebuilt on {@link Sim}.
 * Configs come from the vector file where it has the case.
 */
class SimScenarioTest {
    private static TortoiseConfig vectorConfig(String id) {
        JsonNode c = Vectors.casesWhere("tortoise-scenarios.json", "id", id).get(0);
        return ScenarioRunner.config(c.get("config"));
    }

    private static Sim sim(TortoiseConfig config, int miners) {
        return new Sim(config, new Tortoise(config), miners, 100, 10);
    }

    private static long latest(Sim sim) {
        return sim.tortoise.latestComplete().value();
    }

    @Test
    void layerPatternsGood() {
        Sim sim = sim(Sim.config(10, 10, 8), 30);
        for (int i = 0; i < 5; i++) {
            sim.layer(Sim.Layer.good(10));
        }
        assertEquals(sim.last().value() - 1, latest(sim));
        assertEquals(Mode.VERIFYING, sim.tortoise.mode());
    }

    @Test
    void healAfterBad() {
        TortoiseConfig config = vectorConfig("sim/TestLayerPatterns/HealAfterBad");
        Sim sim = sim(config, 30);
        for (int i = 0; i < 5; i++) {
            sim.layer(Sim.Layer.good(10));
        }
        for (int i = 0; i < 2; i++) {
            sim.layer(Sim.Layer.good(10).withEmptyHare());
        }
        assertEquals(config.effectiveGenesis() + 4, latest(sim));
        for (int i = 0; i < 2; i++) {
            sim.layer(Sim.Layer.good(10));
        }
        assertEquals(sim.last().value() - 1, latest(sim));
    }

    @Test
    void healAfterBadGoodBadGoodBad() {
        TortoiseConfig config = vectorConfig("sim/TestLayerPatterns/HealAfterBadGoodBadGoodBad");
        Sim sim = sim(config, 30);
        int[][] pattern = {{5, 0}, {1, 1}, {2, 0}, {2, 1}, {30, 0}};
        for (int[] p : pattern) {
            for (int i = 0; i < p[0]; i++) {
                Sim.Layer l = Sim.Layer.good(10);
                sim.layer(p[1] == 1 ? l.withEmptyHare() : l);
            }
        }
        assertEquals(sim.last().value() - 1, latest(sim));
    }

    @Test
    void abstainsInMiddle() {
        TortoiseConfig config = vectorConfig("sim/TestAbstainsInMiddle");
        Sim sim = sim(config, 4);
        Sim.Layer good = Sim.Layer.good(4).withVoting(Sim.Voting.TORTOISE);
        for (int i = 0; i < 5; i++) {
            sim.layer(good);
        }
        assertEquals(sim.last().value() - 1, latest(sim));
        // As the reference test reads (expected := last), not as the vector's prose has it (last - 1).
        long expected = sim.last().value();
        for (int i = 0; i < 2; i++) {
            sim.layer(good.withFailHare());
        }
        for (int i = 0; i < config.zdist(); i++) {
            sim.layer(good);
        }
        // The abstained layers are decided only after zdist: nothing beyond the last good layer is verified yet.
        assertEquals(expected, latest(sim));
    }

    @Test
    void outOfOrderLayersAreVerified() {
        TortoiseConfig config = vectorConfig("sim/TestOutOfOrderLayersAreVerified");
        Sim sim = sim(config, 30);
        sim.layer(Sim.Layer.good(10));
        // The next layer's data arrives, but it is tallied only after the one after it was generated.
        sim.generate(Sim.Layer.good(10));
        LayerId third = sim.generate(Sim.Layer.good(10));
        sim.tortoise.tallyVotes(third);
        for (int i = 0; i < 3; i++) {
            sim.layer(Sim.Layer.good(10));
        }
        assertEquals(sim.last().value() - 1, latest(sim));
    }

    @Test
    void verifyLayerByWeightNotSize() {
        TortoiseConfig config = vectorConfig("sim/TestVerifyLayerByWeightNotSize");
        Sim sim = sim(config, 8);
        sim.layer(Sim.Layer.good(8));
        sim.layer(Sim.Layer.good(8));
        sim.layer(Sim.Layer.good(8).withSize(8 / 3));
        assertEquals(sim.last().value() - 3, latest(sim));
        assertEquals(config.effectiveGenesis(), latest(sim));
    }

    @Test
    void abstainVotingVerifyingMode() {
        Sim sim = sim(Sim.config(10, 10, 8), 30);
        sim.layer(Sim.Layer.good(10));
        for (int i = 0; i < 10; i++) {
            sim.layer(Sim.Layer.good(10).withVoting(Sim.Voting.FIRST_PERFECT_REST_ABSTAIN));
        }
        // Most ballots abstain on the layer before theirs: that layer waits for the next layer's votes.
        assertEquals(sim.last().value() - 2, latest(sim));
        sim.layer(Sim.Layer.good(10).withVoting(Sim.Voting.PERFECT_FIRST_BASE));
        assertEquals(sim.last().value() - 1, latest(sim));
    }

    @Test
    void switchModeOnTemporaryInconsistency() {
        TortoiseConfig config = Sim.config(4, 2, 2);
        Sim sim = sim(config, 4);
        sim.layer(Sim.Layer.good(4));
        for (int i = 0; i <= config.hdist(); i++) {
            sim.layer(Sim.Layer.good(4).withEmptyHare());
        }
        assertEquals(Mode.FULL, sim.tortoise.mode());
        for (int i = 0; i <= config.hdist(); i++) {
            sim.layer(Sim.Layer.good(4));
        }
        assertEquals(Mode.VERIFYING, sim.tortoise.mode());
        assertEquals(sim.last().value() - 1, latest(sim));
    }

    /** The reference's TestLongTermination: one layer (position 1) is tallied late, with three kinds of hare result. */
    private static Sim longTermination(int size, int miners, int steps, Sim.Layer skipped, Mesh mesh) {
        int zdist = 2;
        Sim sim = sim(Sim.config(size, zdist + 3, zdist), miners);
        for (int i = 0; i < steps; i++) {
            LayerId last = sim.generate(i == 1 ? skipped : Sim.Layer.good(size));
            if (i != 1) {
                sim.tortoise.tallyVotes(last);
            }
        }
        return sim;
    }

    @Test
    void longTerminationWithHareOutput() {
        Mesh mesh = new Mesh();
        Sim sim = longTermination(10, 30, 5, Sim.Layer.good(10), mesh);
        assertEquals(sim.last().value() - 1, latest(sim));
        assertEquals(Mode.VERIFYING, sim.tortoise.mode());
        mesh.apply(sim.tortoise);
        for (long l = sim.config.effectiveGenesis() + 1; l < sim.last().value(); l++) {
            assertEquals(1, mesh.layers.get(l).blocks().size(), "layer " + l);
            assertEquals(1, mesh.validBlocks(l), "layer " + l);
        }
    }

    @Test
    void longTerminationWithoutHareOutputForThisNode() {
        Mesh mesh = new Mesh();
        Sim sim = longTermination(4, 4, 4, Sim.Layer.good(4).withFailHare(), mesh);
        // Everyone else supports the block this node terminated as empty after zdist, so ballots after it are not
        // good, and even the layer before it lacks good weight: stuck at genesis (the reference: genesis+skip-1).
        assertEquals(sim.config.effectiveGenesis(), latest(sim));
        sim.layer(Sim.Layer.good(4));
        // Now outside hdist: full mode counts the votes and heals.
        assertEquals(sim.last().value() - 1, latest(sim));
        mesh.apply(sim.tortoise);
        for (long l = sim.config.effectiveGenesis() + 1; l < sim.last().value(); l++) {
            assertEquals(1, mesh.validBlocks(l), "layer " + l);
        }
    }

    @Test
    void longTerminationOfAnEmptyLayer() {
        Mesh mesh = new Mesh();
        Sim sim = longTermination(10, 30, 5, Sim.Layer.good(10).withBlocks(0).withEmptyHare(), mesh);
        assertEquals(sim.last().value() - 1, latest(sim));
        mesh.apply(sim.tortoise);
        long emptyLayer = sim.config.effectiveGenesis() + 2;
        for (long l = sim.config.effectiveGenesis() + 1; l < sim.last().value(); l++) {
            assertEquals(l == emptyLayer ? 0 : 1, mesh.layers.get(l).blocks().size(), "layer " + l);
            assertEquals(l == emptyLayer ? 0 : 1, mesh.validBlocks(l), "layer " + l);
        }
    }

    @Test
    void weakCoinVoting() {
        int hdist = 2;
        TortoiseConfig config = Sim.config(4, hdist, hdist);
        Sim sim = new Sim(config, new Tortoise(config), 4, 10, 10);
        sim.layer(Sim.Layer.good(4).withBlocks(2).withEmptyHare());
        for (int i = 0; i < hdist; i++) {
            sim.layer(Sim.Layer.good(4).withBlocks(2).withEmptyHare().withVoting(Sim.Voting.SPLIT));
        }
        long genesis = config.effectiveGenesis();
        assertEquals(genesis, latest(sim));
        LayerId next = sim.last().add(1);
        sim.tortoise.onWeakCoin(next.sub(1), true);
        EncodeResult r = sim.tortoise.encodeVotes(next);
        Votes votes = assertInstanceOf(EncodeResult.Encoded.class, r).opinion().votes();
        // Split votes leave both blocks of genesis+2 undecided: the weak coin (true) supports them.
        assertEquals(2, votes.support().size(), votes.toString());
        assertEquals(genesis + 2, votes.support().get(0).layer().value());
        for (int i = 0; i < 10; i++) {
            sim.layer(Sim.Layer.good(4).withVoting(Sim.Voting.TORTOISE));
        }
        assertEquals(sim.last().value() - 1, latest(sim));
    }

    @Test
    void abstainLateBlock() {
        TortoiseConfig config = vectorConfig("sim/TestAbstainLateBlock");
        Sim sim = sim(config, 4);
        sim.generate(Sim.Layer.good(4));
        sim.generate(Sim.Layer.good(4).withBlocks(0));
        LayerId last = sim.generate(Sim.Layer.good(4).withFailHare().withVoting(Sim.Voting.ABSTAIN));
        sim.tortoise.tallyVotes(last);

        List<LayerUpdate> events = sim.tortoise.updates();
        assertEquals(4, events.size());
        assertEquals(last.sub(2), events.get(1).layer());
        assertFalse(events.get(1).blocks().isEmpty());
        events.get(1).blocks().forEach(b -> assertTrue(b.valid(), b.toString()));
        assertTrue(sim.tortoise.onApplied(events.get(3).layer(), events.get(3).opinion()));

        byte[] id = new byte[20];
        id[0] = 1;
        sim.tortoise.onBlock(new BlockHeader(BlockId.of(id), last.sub(1), 0));
        sim.tortoise.tallyVotes(last);
        assertEquals(1, sim.tortoise.updates().size());
    }
}
