package io.smnode.activation.builder;

import static io.smnode.activation.builder.BuilderWorld.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.types.AtxId;
import io.smnode.core.types.EpochId;
import io.smnode.activation.ActivationTxV1;
import io.smnode.activation.AtxHeader;
import io.smnode.activation.builder.BuilderAction.Expired;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One identity with a real tiny PoST builds ATXs against an in-process PoET on a test clock (epochs of 100 s,
 * phase shift 10 s, cycle gap 5 s, grace 5 s), and the network's validator accepts them.
 */
class AtxBuilderTest {
    static TinyPost post;

    @BeforeAll
    static void initPost() throws Exception {
        post = TinyPost.shared();
    }

    @Test
    void registersWaitsProvesAndPublishesAnInitialAtxTheValidatorAccepts() throws Exception {
        BuilderWorld world = new BuilderWorld(post, new MemoryBuilderStateStore(), "poet-a");
        world.runUntil(at(150));

        assertEquals(1, registrationsForEpoch1(world), "one registration at the one PoET, before round 0 starts");
        assertEquals(1, world.gossiped.size());
        ActivationTxV1 atx = world.gossiped.get(0);
        assertEquals(EpochId.of(1), atx.challenge().publishEpoch());
        assertTrue(atx.challenge().isInitial());
        assertEquals(TinyPost.GOLDEN, atx.challenge().positioningAtx());
        BuilderWorld.assertValid(world.verdicts.get(0));
        AtxHeader header = world.accepted().get(0);
        // Round 0 proves 150 leaves (the minimum T); tick size 1 makes that the tick count.
        assertEquals(150, header.tickCount());
        assertEquals(TinyPost.NUM_UNITS * 150, header.weight());
        assertTrue(world.expired.isEmpty(), world.expired.toString());
    }

    @Test
    void aSecondEpochBuildsOnThePreviousAtx() throws Exception {
        BuilderWorld world = new BuilderWorld(post, new MemoryBuilderStateStore(), "poet-a");
        world.runUntil(at(250));

        List<AtxHeader> accepted = world.accepted();
        assertEquals(2, accepted.size(), world.verdicts.toString());
        AtxHeader first = accepted.get(0);
        AtxHeader second = accepted.get(1);
        ActivationTxV1 secondAtx = world.gossipedAtx(second.id());
        assertEquals(EpochId.of(2), second.publishEpoch());
        assertEquals(1, second.sequence());
        assertEquals(first.id(), secondAtx.challenge().prevAtx());
        assertEquals(first.id(), secondAtx.challenge().positioningAtx(), "own previous ATX is the highest");
        assertEquals(Optional.empty(), secondAtx.inner().nodeId(), "only an initial ATX carries the node id");
        assertEquals(first.tickHeight(), second.baseTickHeight());
    }

    @Test
    void registrationRefusedUntilTheRoundStartsExpiresTheChallengeAndTheNextEpochSucceeds() throws Exception {
        BuilderWorld world = new BuilderWorld(post, new MemoryBuilderStateStore(), "poet-a");
        world.refuseUntil.put("poet-a", at(50));
        world.runUntil(at(250));

        // Positioning at 5 s, then one attempt per retry interval until the round starts at 10 s.
        assertEquals(5, registrationsForEpoch1(world));
        assertEquals(EpochId.of(1), world.expired.get(0).publishEpoch());
        assertTrue(world.expired.get(0).reason().startsWith("challenge expired"), world.expired.get(0).reason());
        Map<EpochId, Set<AtxId>> published = world.publishedByEpoch();
        assertEquals(Set.of(EpochId.of(2)), published.keySet(), "epoch 1 skipped, epoch 2 published");
        BuilderWorld.assertValid(world.verdicts.get(0));
        assertTrue(world.gossiped.get(0).challenge().isInitial(), "still the initial ATX");
    }

    @Test
    void anUnavailablePoetIsRetriedWithinTheRegistrationWindow() throws Exception {
        BuilderWorld world = new BuilderWorld(post, new MemoryBuilderStateStore(), "poet-a");
        world.downUntil.put("poet-a", at(7));
        world.runUntil(at(150));

        assertEquals(3, registrationsForEpoch1(world), "at 5 s and 6 s unavailable, at 7 s accepted");
        assertEquals(Set.of(EpochId.of(1)), world.publishedByEpoch().keySet());
        BuilderWorld.assertValid(world.verdicts.get(0));
    }

    @Test
    void aWithheldProofIsFetchedAgainUntilItComes() throws Exception {
        BuilderWorld world = new BuilderWorld(post, new MemoryBuilderStateStore(), "poet-a");
        world.proofsWithheldUntil.put("poet-a", at(120));
        world.runUntil(at(150));

        assertEquals(Set.of(EpochId.of(1)), world.publishedByEpoch().keySet());
        BuilderWorld.assertValid(world.verdicts.get(0));
        assertTrue(world.expired.isEmpty());
    }

    @Test
    void aProofThatNeverComesExpiresAtTheProofDeadline() throws Exception {
        BuilderWorld world = new BuilderWorld(post, new MemoryBuilderStateStore(), "poet-a");
        world.proofsWithheldUntil.put("poet-a", at(1000));
        world.runUntil(at(196));

        assertTrue(world.gossiped.isEmpty());
        Expired expired = world.expired.get(0);
        assertEquals(EpochId.of(1), expired.publishEpoch());
        assertTrue(expired.reason().startsWith("no PoET proof"), expired.reason());
    }

    @Test
    void oneUnavailablePoetOfTwoDoesNotBlock() throws Exception {
        BuilderWorld world = new BuilderWorld(post, new MemoryBuilderStateStore(), "poet-a", "poet-b");
        world.downUntil.put("poet-b", at(1000));
        world.runUntil(at(150));

        assertEquals(Set.of(EpochId.of(1)), world.publishedByEpoch().keySet());
        BuilderWorld.assertValid(world.verdicts.get(0));
    }

    @Test
    void ofTwoPoetProofsTheOneWithMoreLeavesIsUsed() throws Exception {
        Map<String, Long> leaves = new LinkedHashMap<>();
        leaves.put("poet-a", 150L);
        leaves.put("poet-b", 300L);
        BuilderWorld world = new BuilderWorld(post, new MemoryBuilderStateStore(), leaves);
        world.runUntil(at(150));

        BuilderWorld.assertValid(world.verdicts.get(0));
        assertEquals(300, world.accepted().get(0).tickCount());
    }

    @Test
    void anAtxBuiltBeforeItsPublishEpochWaitsForItsStart() throws Exception {
        // Phase shift 2 s < cycle gap 5 s: round 0 runs [2 s, 97 s], so the ATX is ready before S(1) = 100 s.
        BuilderWorld world = new BuilderWorld(post, new MemoryBuilderStateStore(), Duration.ofSeconds(2),
                BuilderWorld.minimalLeaves("poet-a"));
        world.runUntil(at(99));
        assertTrue(world.gossiped.isEmpty());
        assertTrue(world.store.load().orElseThrow().phase() instanceof BuilderPhase.Built, "built and saved");

        world.runUntil(at(150));
        assertEquals(at(100), world.gossipTimes.get(0), "published exactly at S(1)");
        BuilderWorld.assertValid(world.verdicts.get(0));
    }

    @Test
    void aFailedPostProofIsRetriedAfterTheRetryInterval() throws Exception {
        BuilderWorld world = new BuilderWorld(post, new MemoryBuilderStateStore(), "poet-a");
        world.provingFailures = 2;
        world.runUntil(at(150));

        List<Instant> attempts = world.provingAttempts;
        assertEquals(attempts.get(0).plusSeconds(1), attempts.get(1));
        assertEquals(attempts.get(1).plusSeconds(1), attempts.get(2));
        assertEquals(Set.of(EpochId.of(1)), world.publishedByEpoch().keySet());
        BuilderWorld.assertValid(world.verdicts.get(0));
    }

    /** Registrations of publish epoch 1's challenge: those due before round 0 starts at 10 s. */
    private static long registrationsForEpoch1(BuilderWorld world) {
        return world.registrations.stream().filter(r -> r.registerBy().equals(at(10))).count();
    }
}
