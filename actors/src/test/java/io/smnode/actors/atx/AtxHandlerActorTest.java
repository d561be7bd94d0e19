package io.smnode.actors.atx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.activation.ActivationTxV1;
import io.smnode.activation.AtxDecoder;
import io.smnode.activation.AtxEpochIndexes;
import io.smnode.activation.AtxHeader;
import io.smnode.activation.AtxRule;
import io.smnode.activation.AtxStore;
import io.smnode.activation.AtxValidation;
import io.smnode.activation.AtxVersions;
import io.smnode.activation.InnerActivationTxV1;
import io.smnode.activation.MerkleProofV1;
import io.smnode.activation.NIPostChallengeV1;
import io.smnode.activation.NIPostV1;
import io.smnode.activation.PostMetadataV1;
import io.smnode.activation.PostV1;
import io.smnode.activation.malfeasance.AtxMalfeasanceDetector;
import io.smnode.actors.component.ComponentFactory;
import io.smnode.actors.storage.StorageActor;
import io.smnode.core.codec.ScaleException;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.time.LayerClock;
import io.smnode.core.types.Address;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.NodeId;
import io.smnode.core.verdict.Verdict;
import io.smnode.persistence.InMemoryStore;
import io.smnode.persistence.Schema;
import io.smnode.persistence.Store;
import io.smnode.persistence.atx.AtxTables;
import io.smnode.persistence.atx.LmdbAtxStore;
import io.smnode.persistence.atx.LmdbEquivocationSetStore;
import io.smnode.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The handler actor around a stand-in validation (the real {@code AtxValidator} is tested in activation), over the
 * real ATX tables in an in-memory store behind a storage writer: verdicts in gossip terms, storing, per-epoch weight
 * and slot queries, positioning choice, validation off its own thread, and a restart that answers as before.
 */
class AtxHandlerActorTest {
    private static final Instant GENESIS = Instant.parse("2026-01-01T00:00:00Z");
    private static final Bytes PREFIX = Bytes.ofHex("9eebff023abb17ccb775c602daade8ed708f0a50");
    private static final AtxId GOLDEN = AtxId.ofHex("9eebff023abb17ccb775c602daade8ed708f0a50d3149a42801184f5b74f2865");
    private static final LayerClock LAYERS = new LayerClock(GENESIS, Duration.ofSeconds(10), 10);
    /** Epoch 2. */
    private final ManualClock wall = new ManualClock(GENESIS.plusSeconds(250));

    private final ActorTestKit kit = ActorTestKit.create(AtxActorsConfig.withManualTime());
    private final Store store = InMemoryStore.open(Schema.of(1, AtxTables.ALL));
    private final LmdbAtxStore atxs = new LmdbAtxStore(store);
    private final ActorRef<StorageActor.Command> storage = kit.spawn(StorageActor.create(store));
    private volatile String validationThread = "";
    private ActorRef<AtxHandlerActor.Command> handler = spawnHandler();

    private ActorRef<AtxHandlerActor.Command> spawnHandler() {
        AtxCheck check = this::check;
        return kit.spawn(AtxHandlerActor.create(new AtxHandlerActor.Setup(atxs, new LmdbEquivocationSetStore(store),
                new AtxMalfeasanceDetector(new AtxDecoder(AtxVersions.v1Only())), storage,
                AtxValidationPool.create(ComponentFactory.withoutFaults(), () -> check, atxs, 2, 100), LAYERS, wall,
                GOLDEN, new AtxEpochIndexes.EligibilityParams(50, 10, 1))));
    }

    @AfterEach
    void stop() {
        kit.shutdownTestKit();
    }

    /** Stands in for AtxValidator: malformed → REJECT, known → IGNORE, else VALID with weight = 10 × sequence+1. */
    private AtxValidation check(byte[] bytes, Optional<Hash32> expectedId, EpochId currentEpoch, AtxStore store) {
        validationThread = Thread.currentThread().getName();
        ActivationTxV1 atx;
        try {
            atx = ActivationTxV1.decode(bytes);
        } catch (ScaleException e) {
            return AtxValidation.reject(AtxRule.MALFORMED, e.getMessage());
        }
        if (store.contains(atx.id())) {
            return AtxValidation.ignore(AtxRule.KNOWN, "known");
        }
        long seq = atx.challenge().sequence();
        return AtxValidation.valid(new AtxHeader(atx.id(), atx.challenge().publishEpoch(), seq, GOLDEN,
                atx.inner().coinbase(), 2, 0, 5 * (seq + 1), 9, atx.smesherId(), 10 * (seq + 1),
                AtxHeader.Validity.VALID));
    }

    private Verdict handle(ActivationTxV1 atx) {
        return handle(Bytes.of(atx.encode()));
    }

    private Verdict handle(Bytes bytes) {
        TestProbe<Verdict> reply = kit.createTestProbe();
        handler.tell(new AtxHandlerActor.HandleAtx(bytes, Optional.empty(), reply.getRef()));
        return reply.receiveMessage(Duration.ofSeconds(5));
    }

    @Test
    void aValidAtxIsAcceptedStoredAndWeighsInItsTargetEpoch() {
        ActivationTxV1 atx = atx(1, EpochId.of(2), 0);
        assertEquals(Verdict.accept(), handle(atx));
        assertTrue(atxs.contains(atx.id()), "durable before the accept");
        assertTrue(validationThread.contains(AtxValidationPool.DISPATCHER), validationThread);

        assertEquals(OptionalLong.of(10), weight(EpochId.of(3), atx.id()));
        assertEquals(OptionalLong.empty(), weight(EpochId.of(2), atx.id()), "no weight in its publish epoch");
        TestProbe<AtxHandlerActor.Weight> total = kit.createTestProbe();
        handler.tell(new AtxHandlerActor.GetActiveSetWeight(EpochId.of(3), List.of(atx.id()), total.getRef()));
        assertEquals(OptionalLong.of(10), total.receiveMessage().weight());
        TestProbe<AtxHandlerActor.Slots> slots = kit.createTestProbe();
        handler.tell(new AtxHandlerActor.GetSlots(EpochId.of(3), atx.id(), 10, slots.getRef()));
        assertTrue(slots.receiveMessage().slots().isPresent());
        handler.tell(new AtxHandlerActor.GetSlots(EpochId.of(3), atx(2, EpochId.of(2), 0).id(), 10, slots.getRef()));
        assertEquals(OptionalLong.empty(), slots.receiveMessage().slots());
    }

    @Test
    void aKnownAtxIsIgnoredAndMalformedBytesAreRejected() {
        ActivationTxV1 atx = atx(1, EpochId.of(2), 0);
        handle(atx);
        assertEquals(Verdict.ignore(AtxRule.KNOWN, "known"), handle(atx));
        Verdict garbage = handle(Bytes.ofHex("0102"));
        assertInstanceOf(Verdict.Reject.class, garbage);
        assertEquals(AtxRule.MALFORMED, garbage.ruleOrNull(), garbage.toString());
    }

    @Test
    void positioningIsTheHighestAtxOfThePreviousEpochElseGolden() {
        ActivationTxV1 low = atx(1, EpochId.of(2), 0);
        ActivationTxV1 high = atx(2, EpochId.of(2), 3);
        handle(low);
        handle(high);
        NodeId builder = EdSigner.fromSeed(filled(9), PREFIX).nodeId();
        assertEquals(high.id(), positioning(EpochId.of(3), builder));
        assertEquals(GOLDEN, positioning(EpochId.of(2), builder), "nothing was published before epoch 2");
        assertEquals(high.id(), positioning(EpochId.of(4), builder), "epoch 3 has none: the latest epoch counts");
    }

    @Test
    void aPositioningQueryWaitsForItsBuildersPreviousAtxToBeStored() {
        ActivationTxV1 other = atx(1, EpochId.of(2), 0);
        ActivationTxV1 own = atx(2, EpochId.of(2), 3);
        handle(other);
        TestProbe<AtxHandlerActor.PositioningChoice> probe = kit.createTestProbe();
        handler.tell(new AtxHandlerActor.ChoosePositioning(EpochId.of(3), own.smesherId(), Optional.of(own.id()),
                probe.getRef()));
        probe.expectNoMessage(java.time.Duration.ofMillis(300)); // its own ATX is still being handed over
        handle(own);
        assertEquals(own.id(), probe.receiveMessage().positioningAtx(), "the choice saw the builder's own ATX");
    }

    @Test
    void aRestartedHandlerRebuildsItsIndexFromTheStoreAndAnswersAsBefore() {
        ActivationTxV1 low = atx(1, EpochId.of(2), 0);
        ActivationTxV1 high = atx(2, EpochId.of(2), 3);
        ActivationTxV1 later = atx(3, EpochId.of(3), 1);
        handle(low);
        handle(high);
        handle(later);
        NodeId builder = EdSigner.fromSeed(filled(9), PREFIX).nodeId();
        List<Object> before = answers(builder, low, high, later);

        kit.stop(handler);
        handler = spawnHandler();
        assertEquals(before, answers(builder, low, high, later));
        assertInstanceOf(Verdict.Ignore.class, handle(high), "what was stored before the restart is known after it");
    }

    @Test
    void countsTheAtxsOfAnEpoch() {
        handle(atx(1, EpochId.of(2), 0));
        handle(atx(2, EpochId.of(2), 0));
        TestProbe<AtxHandlerActor.AtxCount> count = kit.createTestProbe();
        handler.tell(new AtxHandlerActor.CountAtxs(EpochId.of(3), count.getRef()));
        assertEquals(new AtxHandlerActor.AtxCount(EpochId.of(3), 2), count.receiveMessage());
    }

    /** Every answer the handler gives about these ATXs: weights, active set weights, slots, positioning. */
    private List<Object> answers(NodeId builder, ActivationTxV1... all) {
        List<Object> out = new java.util.ArrayList<>();
        for (ActivationTxV1 atx : all) {
            for (long target = 2; target <= 5; target++) {
                out.add(weight(EpochId.of(target), atx.id()));
                TestProbe<AtxHandlerActor.Slots> slots = kit.createTestProbe();
                handler.tell(new AtxHandlerActor.GetSlots(EpochId.of(target), atx.id(), 100, slots.getRef()));
                out.add(slots.receiveMessage().slots());
            }
        }
        TestProbe<AtxHandlerActor.Weight> total = kit.createTestProbe();
        handler.tell(new AtxHandlerActor.GetActiveSetWeight(EpochId.of(3),
                java.util.Arrays.stream(all).map(ActivationTxV1::id).toList(), total.getRef()));
        out.add(total.receiveMessage().weight());
        for (long publish = 1; publish <= 5; publish++) {
            out.add(positioning(EpochId.of(publish), builder));
            out.add(positioning(EpochId.of(publish), all[1].smesherId()));
        }
        return out;
    }

    private OptionalLong weight(EpochId target, AtxId id) {
        TestProbe<AtxHandlerActor.Weight> probe = kit.createTestProbe();
        handler.tell(new AtxHandlerActor.GetWeight(target, id, probe.getRef()));
        return probe.receiveMessage().weight();
    }

    private AtxId positioning(EpochId publish, NodeId builder) {
        TestProbe<AtxHandlerActor.PositioningChoice> probe = kit.createTestProbe();
        handler.tell(new AtxHandlerActor.ChoosePositioning(publish, builder, Optional.empty(), probe.getRef()));
        AtxHandlerActor.PositioningChoice choice = probe.receiveMessage();
        assertEquals(publish, choice.publishEpoch());
        return choice.positioningAtx();
    }

    /** A signed ATX of smesher {@code seed}; only its identity, epoch and sequence matter to the stand-in check. */
    private static ActivationTxV1 atx(int seed, EpochId publish, long sequence) {
        EdSigner signer = EdSigner.fromSeed(filled(seed), PREFIX);
        PostV1 post = new PostV1(1, Bytes.ofHex("01"), 2);
        NIPostChallengeV1 challenge = new NIPostChallengeV1(publish, sequence, AtxId.ZERO, GOLDEN,
                Optional.of(GOLDEN), Optional.of(post));
        NIPostV1 nipost = new NIPostV1(new MerkleProofV1(List.of(), 0), Optional.of(post),
                Optional.of(PostMetadataV1.of(Hash32.ZERO, 64)));
        InnerActivationTxV1 inner = new InnerActivationTxV1(challenge, Address.ofHex("00000000" + "c0".repeat(20)), 2,
                Optional.of(nipost), Optional.of(signer.nodeId()), Optional.of(9L));
        return ActivationTxV1.sign(inner, signer);
    }

    private static byte[] filled(int b) {
        byte[] out = new byte[32];
        Arrays.fill(out, (byte) b);
        return out;
    }
}
