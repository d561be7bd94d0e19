package io.smnode.actors.poet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.testkit.ManualClock;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.types.Bytes;
import io.smnode.poet.MembershipTree;
import io.smnode.poet.MemoryRegistrationStore;
import io.smnode.poet.MemoryTreeStore;
import io.smnode.poet.PoetConfig;
import io.smnode.poet.PoetVerifier;
import io.smnode.poet.PowParams;
import io.smnode.poet.RejectReason;
import io.smnode.poet.RoundProof;
import io.smnode.poet.RoundSchedule;
import io.smnode.poet.SubmitRequest;
import io.smnode.poet.SubmitResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ManualTime;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The PoET actor under a manual scheduler and a hand-moved clock: a registration ends up proven in its round. */
class PoetActorTest {
    private static final Instant GENESIS = Instant.parse("2026-01-01T00:00:00Z");
    // Round 0 registers until genesis + 30 s and works until genesis + 30 s + 60 s − 30 s = genesis + 60 s.
    private static final RoundSchedule SCHEDULE = new RoundSchedule(GENESIS, Duration.ofSeconds(60),
            Duration.ofSeconds(30), Duration.ofSeconds(30));
    private static final PowParams POW = new PowParams(Bytes.of(new byte[32]), 4);

    private final ActorTestKit kit = ActorTestKit.create(ManualTime.config());
    private final ManualTime manualTime = ManualTime.get(kit.system());
    private final ManualClock wall = new ManualClock(GENESIS);
    private final EdSigner signer = EdSigner.fromSeed(filled(32, 7), Bytes.of(filled(20, 1)));

    @AfterEach
    void stop() {
        kit.shutdownTestKit();
    }

    private ActorRef<PoetActor.Command> spawnPoet() {
        PoetConfig config = new PoetConfig(SCHEDULE, Bytes.of(filled(32, 9)), 150, PoetConfig.DEFAULT_MAX_ROUND_MEMBERS,
                POW, Optional.empty());
        return kit.spawn(PoetActor.create(config, new MemoryRegistrationStore(), round -> new MemoryTreeStore(), wall));
    }

    private void advance(Duration d) {
        wall.advance(d);
        manualTime.timePasses(d);
    }

    @Test
    void registrationIsProvenAtTheRoundsEnd() throws Exception {
        ActorRef<PoetActor.Command> poet = spawnPoet();
        Bytes challenge = Bytes.of(filled(32, 0x42));
        TestProbe<SubmitResult> submitted = kit.createTestProbe();
        poet.tell(new PoetActor.Submit(PoetRegistrations.withPow(signer, challenge, POW, Optional.empty()),
                submitted.getRef()));
        SubmitResult.Accepted accepted = assertInstanceOf(SubmitResult.Accepted.class, submitted.receiveMessage());
        assertEquals(0, accepted.round());
        assertEquals(Duration.ofSeconds(60), accepted.roundEnd());

        TestProbe<PoetActor.ProofReply> proofs = kit.createTestProbe();
        advance(Duration.ofSeconds(59));
        poet.tell(new PoetActor.GetProof(0, proofs.getRef()));
        assertTrue(proofs.receiveMessage().proof().isEmpty(), "no proof before the round's end");

        advance(Duration.ofSeconds(1));
        RoundProof proof = awaitProof(poet, proofs, 0);
        assertEquals(1, proof.members().size());
        MembershipTree.verify(challenge, MembershipTree.proof(proof.members(), 0), proof.statement());
        PoetVerifier.verify(proof.proof().merkleProof(), proof.statement(), proof.proof().leafCount());
    }

    @Test
    void rejectedSubmissionCarriesItsReason() {
        ActorRef<PoetActor.Command> poet = spawnPoet();
        SubmitRequest good = PoetRegistrations.withPow(signer, Bytes.of(filled(32, 1)), POW, Optional.empty());
        SubmitRequest forged = new SubmitRequest(good.prefix(), Bytes.of(filled(32, 2)), good.pubkey(),
                good.signature(), good.nonce(), good.powParams(), Optional.empty(), Optional.empty(), Optional.empty());
        TestProbe<SubmitResult> submitted = kit.createTestProbe();
        poet.tell(new PoetActor.Submit(forged, submitted.getRef()));
        SubmitResult.Rejected rejected = assertInstanceOf(SubmitResult.Rejected.class, submitted.receiveMessage());
        assertEquals(RejectReason.INVALID_SIGNATURE, rejected.reason());
        assertEquals(RejectReason.Status.INVALID_ARGUMENT, rejected.reason().status());
    }

    @Test
    void infoReportsTheServerAndTheOpenRound() {
        ActorRef<PoetActor.Command> poet = spawnPoet();
        TestProbe<PoetActor.InfoReply> info = kit.createTestProbe();
        advance(Duration.ofSeconds(31));
        poet.tell(new PoetActor.GetInfo(info.getRef()));
        PoetActor.InfoReply reply = info.receiveMessage();
        assertEquals(1, reply.openRound());
        assertEquals(Duration.ofSeconds(30), reply.info().cycleGap());
        assertEquals(POW, reply.powParams());
    }

    /** The wake-up runs on the actor's own thread, so poll (manual time does not move meanwhile). */
    private static RoundProof awaitProof(ActorRef<PoetActor.Command> poet, TestProbe<PoetActor.ProofReply> probe,
                                         long round) {
        return probe.awaitAssert(Duration.ofSeconds(10), Duration.ofMillis(50), () -> {
            poet.tell(new PoetActor.GetProof(round, probe.getRef()));
            return probe.receiveMessage().proof().orElseThrow(() -> new AssertionError("not proven yet"));
        });
    }

    private static byte[] filled(int length, int value) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return b;
    }
}
