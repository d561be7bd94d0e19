package io.smnode.tortoise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.types.AtxId;
import io.smnode.core.types.BallotId;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.NodeId;
import io.smnode.tortoise.trace.TraceReplayer;
import io.smnode.tortoise.trace.Tracer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The sliding window, and what malfeasance does to weights. */
class EvictionAndMalfeasanceTest {
    @Test
    void layersBehindTheWindowAreEvictedOnceApplied() {
        Sim sim = appliedRun(Sim.config(10, 4, 3));
        TortoiseConfig config = sim.config;
        long last = sim.last().value();
        assertEquals(last - 1, sim.tortoise.latestComplete().value());
        // Nothing changed since the last apply: only the last processed layer is reported again.
        List<LayerUpdate> updates = sim.tortoise.updates();
        assertEquals(1, updates.size());
        assertEquals(last, updates.get(0).layer().value());
        // A ballot in a layer far behind the window is not even decoded.
        assertEquals(Optional.of(Rejection.Reason.CANNOT_DECODE), sim.tortoise.onBallot(oldBallot(config))
                .map(Rejection::reason));
        assertEquals(false, sim.tortoise.onApplied(LayerId.of(config.effectiveGenesis() + 2), Hash32.ZERO));
    }

    @Test
    void aHistoricalWindowKeepsMoreLayers() throws Exception {
        TortoiseConfig base = Sim.config(10, 4, 3);
        TortoiseConfig config = new TortoiseConfig(base.hdist(), base.zdist(), base.windowSize(), base.maxExceptions(),
                base.badBeaconVoteDelayLayers(), base.layerSize(), base.layersPerEpoch(), base.effectiveGenesis(),
                List.of(new TortoiseConfig.WindowInterval(0, 1000, 100)));
        List<String> trace = new ArrayList<>();
        Sim sim = appliedRun(config, new Tracer(trace::add));
        assertEquals(sim.last().value() - 1, sim.tortoise.latestComplete().value());
        // Still inside the 100-layer window: decoding goes as far as finding the ballot malformed.
        assertEquals(Optional.of(Rejection.Reason.NO_EPOCH_DATA), sim.tortoise.onBallot(oldBallot(config))
                .map(Rejection::reason));
        assertEquals(trace, TraceReplayer.replay(trace));
    }

    private static Sim appliedRun(TortoiseConfig config) {
        return appliedRun(config, null);
    }

    private static Sim appliedRun(TortoiseConfig config, Tracer tracer) {
        Sim sim = new Sim(config, new Tortoise(config, tracer), 10, 100, 10);
        for (int i = 0; i < 60; i++) {
            sim.layer(Sim.Layer.good(10));
            for (LayerUpdate u : sim.tortoise.updates()) {
                assertTrue(sim.tortoise.onApplied(u.layer(), u.opinion()), "own opinion applies: " + u.layer());
            }
        }
        return sim;
    }

    private static BallotInput oldBallot(TortoiseConfig config) {
        return new BallotInput(BallotId.ZERO, LayerId.of(config.effectiveGenesis() + 2), NodeId.ZERO, AtxId.ZERO, 1,
                new Opinion(Hash32.ZERO, new Votes(BallotId.ZERO, List.of(), List.of(), List.of())), Optional.empty(),
                Optional.empty(), false);
    }

    @Test
    void ballotsOfSmeshersMarkedAfterTheirAtxWeighNothing() {
        TortoiseConfig config = Sim.config(10, 10, 8);
        Sim honest = new Sim(config, new Tortoise(config), 10, 100, 10);
        Sim marked = new Sim(config, new Tortoise(config), 10, 100, 10);
        honest.layer(Sim.Layer.good(10));
        marked.layer(Sim.Layer.good(10));
        // The epoch's ATXs are in (they count as expected weight); 7 of 10 smeshers are then found malicious.
        for (int m = 0; m < 7; m++) {
            marked.tortoise.onMalfeasance(marked.node(m));
        }
        for (int i = 0; i < 3; i++) {
            honest.layer(Sim.Layer.good(10));
            marked.layer(Sim.Layer.good(10));
        }
        assertEquals(honest.last().value() - 1, honest.tortoise.latestComplete().value());
        assertEquals(config.effectiveGenesis(), marked.tortoise.latestComplete().value());
    }

    @Test
    void atxsOfSmeshersMarkedBeforeDoNotCountAsExpectedWeight() {
        TortoiseConfig config = Sim.config(10, 10, 8);
        Sim marked = new Sim(config, new Tortoise(config), 10, 100, 10);
        for (int m = 0; m < 7; m++) {
            marked.tortoise.onMalfeasance(marked.node(m));
        }
        for (int i = 0; i < 4; i++) {
            marked.layer(Sim.Layer.good(10));
        }
        // The 3 honest smeshers are the whole epoch weight: they verify alone.
        assertEquals(marked.last().value() - 1, marked.tortoise.latestComplete().value());
    }
}
