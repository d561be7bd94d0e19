package io.smnode.activation.builder;

import static io.smnode.activation.builder.BuilderWorld.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.types.AtxId;
import io.smnode.core.types.EpochId;
import io.smnode.activation.AtxHeader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two epochs of building, with the builder crashed after each single step in turn: the step's actions and every
 * answer in flight are lost, and a new builder opens the file the old one saved to. Every run must still end with
 * exactly one ATX per publish epoch, both accepted by the validator, the second built on the first.
 */
class AtxBuilderRestartTest {
    private static final int UNTIL = 250;

    /** Rounds end 5 s after the publish epoch starts: an ATX is published as soon as it is built. */
    private static final Duration LATE_ROUNDS = BuilderWorld.PHASE_SHIFT;
    /** Rounds end 3 s before the publish epoch starts: a built ATX is saved and waits for S(P). */
    private static final Duration EARLY_ROUNDS = Duration.ofSeconds(2);

    static IntStream everyStep() throws Exception {
        return everyStepOf(LATE_ROUNDS);
    }

    static IntStream everyStepWithEarlyRounds() throws Exception {
        return everyStepOf(EARLY_ROUNDS);
    }

    /** The steps an uninterrupted two-epoch run takes. */
    private static IntStream everyStepOf(Duration phaseShift) throws Exception {
        BuilderWorld world = world(new MemoryBuilderStateStore(), phaseShift);
        world.runUntil(at(UNTIL));
        return IntStream.rangeClosed(1, world.steps);
    }

    private static BuilderWorld world(BuilderStateStore store, Duration phaseShift) throws Exception {
        return new BuilderWorld(TinyPost.shared(), store, phaseShift, BuilderWorld.minimalLeaves("poet-a"));
    }

    @Test
    void anUninterruptedRunTakesEnoughStepsToCoverEveryPhase() throws Exception {
        // Tick, positioning, registration, proof, PoST, publish per epoch at the least.
        assertTrue(everyStep().count() >= 12);
    }

    @ParameterizedTest(name = "crash after step {0}")
    @MethodSource("everyStep")
    void aCrashAfterAnyStepStillPublishesExactlyOneAtxPerEpoch(int crashAfter) throws Exception {
        crashAndCheck(LATE_ROUNDS, crashAfter);
    }

    @ParameterizedTest(name = "early rounds, crash after step {0}")
    @MethodSource("everyStepWithEarlyRounds")
    void aCrashAfterAnyStepWithABuiltAtxWaitingStillPublishesExactlyOneAtxPerEpoch(int crashAfter)
            throws Exception {
        crashAndCheck(EARLY_ROUNDS, crashAfter);
    }

    private static void crashAndCheck(Duration phaseShift, int crashAfter) throws Exception {
        MemoryBuilderStateStore store = new MemoryBuilderStateStore();
        BuilderWorld world = world(store, phaseShift);
        world.runUntil(at(UNTIL), crashAfter);

        Map<EpochId, Set<AtxId>> published = world.publishedByEpoch();
        assertEquals(List.of(EpochId.of(1), EpochId.of(2)), List.copyOf(published.keySet()), world.expired.toString());
        published.forEach((epoch, ids) -> assertEquals(1, ids.size(), "ATXs for epoch " + epoch));
        List<AtxHeader> accepted = world.accepted();
        assertEquals(2, accepted.size(), world.verdicts.toString());
        assertEquals(accepted.get(0).id(), world.gossipedAtx(accepted.get(1).id()).challenge().prevAtx());
        assertEquals(1, accepted.get(1).sequence());
        assertTrue(world.expired.isEmpty(), world.expired.toString());
    }
}
