package io.smnode.tortoise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reference's TestNetworkRecoversFromFullPartition on {@link Sim}: two nodes agree for an epoch, are split for
 * an epoch (each half of the network building its own blocks, with its own beacon), then merge and vote on with
 * their own EncodeVotes; self-healing brings both to the same verified history, with each partition's block valid.
 */
class PartitionTest {
    private static final int SIZE = 8;

    @Test
    void networkRecoversFromFullPartition() {
        TortoiseConfig base = Sim.config(SIZE, 3, 3);
        TortoiseConfig config = new TortoiseConfig(3, 3, base.windowSize(), base.maxExceptions(),
                base.layersPerEpoch(), SIZE, base.layersPerEpoch(), base.effectiveGenesis());
        Tortoise first = new Tortoise(config);
        Tortoise second = new Tortoise(config);
        Mesh mesh1 = new Mesh();
        Mesh mesh2 = new Mesh();

        Sim joint = Sim.network(config, List.of(first, second), SIZE, 100, 10);
        for (int i = 0; i < config.layersPerEpoch(); i++) {
            joint.layer(Sim.Layer.good(SIZE));
            mesh1.apply(first);
            mesh2.apply(second);
        }
        long last = joint.last().value();
        assertEquals(last - 1, first.latestComplete().value());
        assertEquals(last - 1, second.latestComplete().value());

        long partitionStart = last;
        Sim a = joint.partition("a", SIZE / 2, first);
        Sim b = joint.partition("b", SIZE / 2, second);
        for (int i = 0; i < config.layersPerEpoch(); i++) {
            a.layer(Sim.Layer.good(SIZE));
            b.layer(Sim.Layer.good(SIZE));
            mesh1.apply(first);
            mesh2.apply(second);
        }
        long partitionEnd = a.last().value();

        Sim merged = Sim.merge(a, b, List.of(first, second));
        first.tallyVotes(merged.last());
        second.tallyVotes(merged.last());
        mesh1.apply(first);
        mesh2.apply(second);
        // Each side now sees ballots that disagree with its opinion (and carry a foreign beacon): only full
        // counting can reconcile them.
        assertEquals(Mode.FULL, first.mode());
        assertEquals(Mode.FULL, second.mode());

        for (int i = 0; i < config.layersPerEpoch() * 4; i++) {
            merged.layer(Sim.Layer.good(SIZE).withVoting(Sim.Voting.TORTOISE));
            mesh1.apply(first);
            mesh2.apply(second);
        }
        last = merged.last().value();
        assertEquals(last - 1, first.latestComplete().value());
        assertEquals(last - 1, second.latestComplete().value());

        for (long l = partitionStart + 1; l <= partitionEnd; l++) {
            for (Mesh m : List.of(mesh1, mesh2)) {
                LayerUpdate u = m.layers.get(l);
                assertTrue(u.verified(), "layer " + l);
                assertEquals(2, u.blocks().stream().filter(BlockResult::valid).count(), "layer " + l + ": " + u);
            }
        }
    }
}
