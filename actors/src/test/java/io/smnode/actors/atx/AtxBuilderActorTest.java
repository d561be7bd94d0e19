package io.smnode.actors.atx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.actors.post.PostServiceActor;
import io.smnode.actors.post.ProvingWorker;
import io.smnode.actors.storage.StorageActor;
import io.smnode.testkit.ManualClock;
import io.smnode.persistence.InMemoryStore;
import io.smnode.persistence.Schema;
import io.smnode.persistence.Store;
import io.smnode.persistence.atx.AtxTables;
import io.smnode.persistence.atx.BuilderStates;
import io.smnode.core.signing.Domain;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.signing.EdVerifier;
import io.smnode.core.types.Address;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.activation.ActivationTxV1;
import io.smnode.activation.PostV1;
import io.smnode.activation.builder.BuilderConfig;
import io.smnode.activation.builder.BuilderPhase;
import io.smnode.activation.builder.BuilderState;
import io.smnode.activation.builder.PoetSubmission;
import io.smnode.activation.builder.SmesherSetup;
import io.smnode.poet.MerkleProof;
import io.smnode.poet.PoetProof;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ManualTime;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The builder actor under manual time (epochs of 100 s, phase shift 10 s, cycle gap 5 s, grace 5 s): its requests
 * go out at the builder's times to probes standing in for the ATX handler, the PoET port and the publisher, and
 * PoST proving runs on the proving dispatcher.
 */
class AtxBuilderActorTest {
    private static final Instant GENESIS = Instant.parse("2026-01-01T00:00:00Z");
    private static final Bytes PREFIX = Bytes.ofHex("9eebff023abb17ccb775c602daade8ed708f0a50");
    private static final AtxId GOLDEN = AtxId.ofHex("9eebff023abb17ccb775c602daade8ed708f0a50d3149a42801184f5b74f2865");
    private static final PostV1 POST = new PostV1(3, Bytes.ofHex("0102"), 7);

    private final ActorTestKit kit = ActorTestKit.create(AtxActorsConfig.withManualTime());
    private final ManualTime manualTime = ManualTime.get(kit.system());
    private final ManualClock wall = new ManualClock(GENESIS);
    private final TestProbe<PoetPortActor.Command> poet = kit.createTestProbe();
    private final TestProbe<AtxHandlerActor.Command> atxs = kit.createTestProbe();
    private final TestProbe<PublishAtx> publisher = kit.createTestProbe();
    private final Store store = InMemoryStore.open(Schema.of(1, AtxTables.ALL));
    private final ActorRef<StorageActor.Command> storage = kit.spawn(StorageActor.create(store));
    private final EdSigner signer = EdSigner.fromSeed(filled(32, 5), PREFIX);
    private ActorRef<AtxBuilderActor.Command> builder;
    private volatile String provingThread = "";

    @BeforeEach
    void start() {
        SmesherSetup setup = new SmesherSetup(signer, Address.ofHex("00000000" + "c0".repeat(20)), 2, 64, GOLDEN, 9,
                POST);
        BuilderConfig config = new BuilderConfig(GENESIS, Duration.ofSeconds(100), Duration.ofSeconds(10),
                Duration.ofSeconds(5), Duration.ofSeconds(5), List.of("poet-a"), Duration.ofSeconds(1),
                Duration.ofMillis(150));
        ActorRef<ProvingWorker.Prove> prover = kit.spawn(ProvingWorker.create(challenge -> {
            provingThread = Thread.currentThread().getName();
            return POST;
        }), "proving", DispatcherSelector.fromConfig(ProvingWorker.DISPATCHER));
        // Stands in for the PoST component: hands proofs to a real proving worker on its dispatcher.
        ActorRef<PostServiceActor.Command> post = kit.spawn(Behaviors.receive(PostServiceActor.Command.class)
                .onMessage(PostServiceActor.Prove.class, p -> {
                    prover.tell(new ProvingWorker.Prove(p.challenge(), p.replyTo()));
                    return Behaviors.same();
                })
                .build());
        builder = kit.spawn(AtxBuilderActor.create(setup, config, new BuilderStates(store, signer.nodeId()), wall,
                new AtxBuilderActor.Peers(poet.getRef(), post, atxs.getRef(), publisher.getRef(), storage)));
        // Real time: lets the actor start and set its first timer before manual time moves.
        atxs.expectNoMessage(Duration.ofMillis(200));
    }

    @AfterEach
    void stop() {
        kit.shutdownTestKit();
    }

    private void advance(Duration d) {
        wall.advance(d);
        manualTime.timePasses(d);
    }

    @Test
    void positionsRegistersFetchesProvesAndPublishesAtTheBuildersTimes() throws Exception {
        advance(Duration.ofMillis(4_999));
        atxs.expectNoMessage(Duration.ofMillis(50));
        advance(Duration.ofMillis(1));
        AtxHandlerActor.ChoosePositioning choose = atxs.expectMessageClass(AtxHandlerActor.ChoosePositioning.class);
        assertEquals(EpochId.of(1), choose.publishEpoch());
        assertEquals(signer.nodeId(), choose.builder());
        choose.replyTo().tell(new AtxHandlerActor.PositioningChoice(EpochId.of(1), GOLDEN));

        PoetPortActor.Register register = poet.expectMessageClass(PoetPortActor.Register.class);
        PoetSubmission submission = register.submission();
        assertEquals("poet-a", register.poet());
        assertEquals(GENESIS.plusSeconds(195), register.roundEndBy(), "S(P+1) − CG");
        assertTrue(new EdVerifier(PREFIX).verify(Domain.POET, submission.pubkey(),
                submission.challenge().toByteArray(), submission.signature()), "signed in the POET domain");
        assertEquals(PREFIX.hex() + "04", submission.prefix().hex());
        register.replyTo().tell(new PoetPortActor.Registered("poet-a", 0, GENESIS.plusSeconds(105)));

        advance(Duration.ofMillis(100_149));
        poet.expectNoMessage(Duration.ofMillis(50));
        advance(Duration.ofMillis(1));
        PoetPortActor.FetchProof fetch = poet.expectMessageClass(PoetPortActor.FetchProof.class);
        assertEquals(0, fetch.round());
        PoetProof proof = new PoetProof(new MerkleProof(Bytes.of(filled(32, 1)), List.of(), List.of()), 150);
        fetch.replyTo().tell(new PoetPortActor.ProofFound("poet-a", proof,
                List.of(Bytes.of(submission.challenge().toByteArray()))));

        PublishAtx published = publisher.receiveMessage(Duration.ofSeconds(5));
        ActivationTxV1 atx = (ActivationTxV1) published.atx();
        assertEquals(EpochId.of(1), atx.challenge().publishEpoch());
        assertEquals(submission.challenge(), atx.challenge().hash(), "the registered challenge is the ATX's");
        assertEquals(proof.ref(), atx.inner().nipost().orElseThrow().postMetadata().orElseThrow().poetRef().orElseThrow());
        assertEquals(POST, atx.inner().nipost().orElseThrow().post().orElseThrow());
        assertEquals(GENESIS.plusSeconds(200), published.retryUntil());
        assertTrue(provingThread.contains(ProvingWorker.DISPATCHER), provingThread);

        TestProbe<BuilderState> state = kit.createTestProbe();
        builder.tell(new AtxBuilderActor.GetState(state.getRef()));
        assertEquals(atx, state.receiveMessage().lastPublished().orElseThrow());
        assertEquals(atx, new BuilderStates(store, signer.nodeId()).load().orElseThrow().lastPublished().orElseThrow(),
                "saved before handed out");
    }

    @Test
    void aRefusedRegistrationIsRetriedAfterTheRetryInterval() {
        advance(Duration.ofSeconds(5));
        AtxHandlerActor.ChoosePositioning choose = atxs.expectMessageClass(AtxHandlerActor.ChoosePositioning.class);
        choose.replyTo().tell(new AtxHandlerActor.PositioningChoice(EpochId.of(1), GOLDEN));
        PoetPortActor.Register first = poet.expectMessageClass(PoetPortActor.Register.class);
        first.replyTo().tell(new PoetPortActor.Rejected("poet-a", "INVALID_POW_PARAMS"));
        poet.expectNoMessage(Duration.ofMillis(100));

        advance(Duration.ofMillis(999));
        poet.expectNoMessage(Duration.ofMillis(50));
        advance(Duration.ofMillis(1));
        PoetPortActor.Register second = poet.expectMessageClass(PoetPortActor.Register.class);
        assertEquals(first.submission(), second.submission(), "the same challenge, signed the same way");
        second.replyTo().tell(new PoetPortActor.Unavailable("poet-a", "timeout"));
        poet.expectNoMessage(Duration.ofMillis(100));

        // Past the round start (10 s) nothing was accepted: the challenge expires and nothing more is sent.
        advance(Duration.ofSeconds(1));
        poet.expectMessageClass(PoetPortActor.Register.class);
        advance(Duration.ofSeconds(4));
        TestProbe<BuilderState> state = kit.createTestProbe();
        builder.tell(new AtxBuilderActor.GetState(state.getRef()));
        BuilderState now = state.receiveMessage();
        assertInstanceOf(BuilderPhase.Idle.class, now.phase());
        poet.expectNoMessage(Duration.ofMillis(50));
        publisher.expectNoMessage(Duration.ofMillis(50));
    }

    private static byte[] filled(int n, int b) {
        byte[] out = new byte[n];
        Arrays.fill(out, (byte) b);
        return out;
    }
}
