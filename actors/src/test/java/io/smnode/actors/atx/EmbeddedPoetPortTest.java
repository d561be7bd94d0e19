package io.smnode.actors.atx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.actors.poet.PoetActor;
import io.smnode.actors.poet.PoetRegistrations;
import io.smnode.actors.faults.FaultAction;
import io.smnode.actors.faults.FaultInjectingStore;
import io.smnode.actors.faults.FaultInjector;
import io.smnode.actors.faults.FaultRule;
import io.smnode.actors.storage.StorageActor;
import io.smnode.testkit.ManualClock;
import io.smnode.persistence.InMemoryStore;
import io.smnode.persistence.Schema;
import io.smnode.persistence.Store;
import io.smnode.persistence.atx.AtxTables;
import io.smnode.persistence.atx.StoredPoetProofs;
import io.smnode.core.signing.Domain;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.Hash32;
import io.smnode.activation.builder.PoetSubmission;
import io.smnode.poet.MembershipTree;
import io.smnode.poet.MemoryRegistrationStore;
import io.smnode.poet.MemoryTreeStore;
import io.smnode.poet.PoetConfig;
import io.smnode.poet.PoetVerifier;
import io.smnode.poet.PowParams;
import io.smnode.poet.RoundSchedule;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ManualTime;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The PoET port over a real in-process PoET actor: a registration solves the PoET's PoW and lands in its round,
 * the proof is "unavailable" until the round is proven, then found with the challenge among its members and kept
 * (committed through the storage writer) before the builder hears of it; a proof the store cannot keep is not
 * handed on.
 */
class EmbeddedPoetPortTest {
    private static final Instant GENESIS = Instant.parse("2026-01-01T00:00:00Z");
    // Round 0 registers until genesis + 30 s and ends at genesis + 60 s.
    private static final RoundSchedule SCHEDULE = new RoundSchedule(GENESIS, Duration.ofSeconds(60),
            Duration.ofSeconds(30), Duration.ofSeconds(30));
    // Non-zero difficulty: a registration without the solved PoW would be refused.
    private static final PowParams POW = new PowParams(Bytes.of(filled(32, 3)), 6);
    private static final Duration ASK = Duration.ofSeconds(5);
    private static final String NAME = "embedded";

    private final ActorTestKit kit = ActorTestKit.create(AtxActorsConfig.withManualTime());
    private final ManualTime manualTime = ManualTime.get(kit.system());
    private final ManualClock wall = new ManualClock(GENESIS);
    private final EdSigner signer = EdSigner.fromSeed(filled(32, 7), Bytes.of(filled(20, 1)));
    private final Store store = InMemoryStore.open(Schema.of(1, AtxTables.ALL));
    private final StoredPoetProofs kept = new StoredPoetProofs(store);

    @AfterEach
    void stop() {
        kit.shutdownTestKit();
    }

    @Test
    void registrationIsAcceptedAndItsRoundsProofFoundAndKept() throws Exception {
        ActorRef<PoetPortActor.Command> port = spawnPort(store);
        Hash32 challenge = Hash32.of(filled(32, 0x42));
        TestProbe<PoetPortActor.RegisterReply> registered = kit.createTestProbe();
        port.tell(new PoetPortActor.Register(NAME, submission(challenge), GENESIS.plusSeconds(120), registered.getRef()));
        assertEquals(new PoetPortActor.Registered(NAME, 0, GENESIS.plusSeconds(60)), registered.receiveMessage());

        TestProbe<PoetPortActor.ProofReply> proofs = kit.createTestProbe();
        port.tell(new PoetPortActor.FetchProof(NAME, 0, proofs.getRef()));
        assertInstanceOf(PoetPortActor.Unavailable.class, proofs.receiveMessage());
        assertEquals(0, store.count(AtxTables.POET_PROOFS));

        wall.advance(Duration.ofSeconds(60));
        manualTime.timePasses(Duration.ofSeconds(60));
        PoetPortActor.ProofFound found = proofs.awaitAssert(Duration.ofSeconds(10), Duration.ofMillis(50), () -> {
            port.tell(new PoetPortActor.FetchProof(NAME, 0, proofs.getRef()));
            return assertInstanceOf(PoetPortActor.ProofFound.class, proofs.receiveMessage());
        });
        assertEquals(List.of(Bytes.of(challenge.toByteArray())), found.members());
        // The proof is over the statement the members make, so the builder's challenge is proven.
        PoetVerifier.verify(found.proof().merkleProof(), MembershipTree.root(found.members()),
                found.proof().leafCount());
        assertEquals(found.proof(), kept.proof(found.proof().ref()).orElseThrow().proof(), "kept before handed on");
    }

    @Test
    void aRoundEndingAfterTheDeadlineIsRejectedWithTheReason() {
        ActorRef<PoetPortActor.Command> port = spawnPort(store);
        TestProbe<PoetPortActor.RegisterReply> registered = kit.createTestProbe();
        port.tell(new PoetPortActor.Register(NAME, submission(Hash32.of(filled(32, 1))), GENESIS.plusSeconds(59),
                registered.getRef()));
        PoetPortActor.Rejected rejected = assertInstanceOf(PoetPortActor.Rejected.class, registered.receiveMessage());
        assertTrue(rejected.reason().startsWith("TOO_LATE"), rejected.reason());
    }

    @Test
    void aPortOfSeveralIdentitiesSignsEachRegistrationAsItsIdentityAndRefusesOthers() {
        EdSigner partner = EdSigner.fromSeed(filled(32, 8), Bytes.of(filled(20, 1)));
        EdSigner stranger = EdSigner.fromSeed(filled(32, 9), Bytes.of(filled(20, 1)));
        ActorRef<PoetPortActor.Command> port = spawnPort(store, List.of(signer, partner));
        TestProbe<PoetPortActor.RegisterReply> registered = kit.createTestProbe();
        port.tell(new PoetPortActor.Register(NAME, submission(signer, Hash32.of(filled(32, 1))),
                GENESIS.plusSeconds(120), registered.getRef()));
        assertInstanceOf(PoetPortActor.Registered.class, registered.receiveMessage());
        // The partner's registration is solved and signed with the partner's key (the one its submission names).
        port.tell(new PoetPortActor.Register(NAME, submission(partner, Hash32.of(filled(32, 2))),
                GENESIS.plusSeconds(120), registered.getRef()));
        assertInstanceOf(PoetPortActor.Registered.class, registered.receiveMessage());
        port.tell(new PoetPortActor.Register(NAME, submission(stranger, Hash32.of(filled(32, 3))),
                GENESIS.plusSeconds(120), registered.getRef()));
        PoetPortActor.Rejected refused = assertInstanceOf(PoetPortActor.Rejected.class, registered.receiveMessage());
        assertTrue(refused.reason().contains(stranger.nodeId().hex()), refused.reason());
    }

    @Test
    void aPoetThisPortDoesNotServeIsNotAsked() {
        ActorRef<PoetPortActor.Command> port = spawnPort(store);
        TestProbe<PoetPortActor.RegisterReply> registered = kit.createTestProbe();
        port.tell(new PoetPortActor.Register("other", submission(Hash32.of(filled(32, 1))), GENESIS.plusSeconds(120),
                registered.getRef()));
        assertEquals("other", assertInstanceOf(PoetPortActor.Rejected.class, registered.receiveMessage()).poet());
        TestProbe<PoetPortActor.ProofReply> proofs = kit.createTestProbe();
        port.tell(new PoetPortActor.FetchProof("other", 0, proofs.getRef()));
        assertEquals("other", assertInstanceOf(PoetPortActor.Unavailable.class, proofs.receiveMessage()).poet());
    }

    @Test
    void aProofThatCannotBeKeptIsNotHandedOn() {
        // The storage seam: the store reports a full disk on the first commit (the proof's).
        FaultRule full = new FaultRule(0, "storage", "commit", FaultAction.DISK_FULL, 1, 0, Duration.ZERO,
                OptionalLong.empty(), OptionalLong.empty(), 0);
        ActorRef<PoetPortActor.Command> port = spawnPort(new FaultInjectingStore(store,
                new FaultInjector(7, List.of(full), () -> 0)));
        TestProbe<PoetPortActor.RegisterReply> registered = kit.createTestProbe();
        port.tell(new PoetPortActor.Register(NAME, submission(Hash32.of(filled(32, 5))), GENESIS.plusSeconds(120),
                registered.getRef()));
        assertInstanceOf(PoetPortActor.Registered.class, registered.receiveMessage());
        wall.advance(Duration.ofSeconds(60));
        manualTime.timePasses(Duration.ofSeconds(60));
        TestProbe<PoetPortActor.ProofReply> proofs = kit.createTestProbe();
        PoetPortActor.Unavailable failed = proofs.awaitAssert(Duration.ofSeconds(10), Duration.ofMillis(50), () -> {
            port.tell(new PoetPortActor.FetchProof(NAME, 0, proofs.getRef()));
            PoetPortActor.Unavailable u = assertInstanceOf(PoetPortActor.Unavailable.class, proofs.receiveMessage());
            assertTrue(u.detail().contains("disk full"), u.detail());
            return u;
        });
        assertEquals(NAME, failed.poet());
    }

    private ActorRef<PoetPortActor.Command> spawnPort(Store writes) {
        return spawnPort(writes, List.of(signer));
    }

    private ActorRef<PoetPortActor.Command> spawnPort(Store writes, List<EdSigner> signers) {
        PoetConfig config = new PoetConfig(SCHEDULE, Bytes.of(filled(32, 9)), 150, PoetConfig.DEFAULT_MAX_ROUND_MEMBERS,
                POW, Optional.empty());
        ActorRef<PoetActor.Command> poet = kit.spawn(PoetActor.create(config, new MemoryRegistrationStore(),
                round -> new MemoryTreeStore(), wall));
        ActorRef<StorageActor.Command> storage = kit.spawn(StorageActor.create(writes));
        return kit.spawn(PoetPortActor.create(NAME, new EmbeddedPoetBackend(NAME, poet, wall, ASK), signers,
                storage));
    }

    private PoetSubmission submission(Hash32 challenge) {
        return submission(signer, challenge);
    }

    private static PoetSubmission submission(EdSigner by, Hash32 challenge) {
        return new PoetSubmission(PoetRegistrations.poetPrefix(by), challenge, by.nodeId(),
                by.sign(Domain.POET, challenge.toByteArray()));
    }

    static byte[] filled(int length, int value) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return b;
    }
}
