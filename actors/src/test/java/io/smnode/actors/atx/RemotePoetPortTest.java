package io.smnode.actors.atx;

import static io.smnode.actors.atx.EmbeddedPoetPortTest.filled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.actors.poet.PoetClient;
import io.smnode.actors.poet.PoetClientActor;
import io.smnode.actors.poet.PoetOutcome;
import io.smnode.actors.poet.PoetRegistration;
import io.smnode.actors.poet.PoetRegistrations;
import io.smnode.actors.poet.PoetRetryPolicy;
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
import io.smnode.poet.MerkleProof;
import io.smnode.poet.PoetInfo;
import io.smnode.poet.PoetProof;
import io.smnode.poet.Pow;
import io.smnode.poet.PowParams;
import io.smnode.poet.RoundProof;
import io.smnode.poet.SubmitRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The PoET port over the HTTP client actor, with a scripted {@link PoetClient} in place of the server: the PoW
 * the server quotes is solved, its answers become the builder's replies, and fetched proofs are kept.
 */
class RemotePoetPortTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:10Z");
    private static final PowParams POW = new PowParams(Bytes.of(filled(32, 4)), 5);
    private static final String NAME = "https://poet.example";

    private final ActorTestKit kit = ActorTestKit.create();
    private final ManualClock wall = new ManualClock(NOW);
    private final EdSigner signer = EdSigner.fromSeed(filled(32, 7), Bytes.of(filled(20, 1)));
    private final ScriptedPoet server = new ScriptedPoet();
    private final Store store = InMemoryStore.open(Schema.of(1, AtxTables.ALL));
    private final StoredPoetProofs kept = new StoredPoetProofs(store);
    private final ActorRef<StorageActor.Command> storage = kit.spawn(StorageActor.create(store));

    @AfterEach
    void stop() {
        kit.shutdownTestKit();
    }

    @Test
    void acceptedRegistrationCarriesTheRoundAndItsEnd() {
        server.registration = new PoetOutcome.Ok<>(new PoetRegistration("7", Duration.ofSeconds(50)));
        PoetPortActor.RegisterReply reply = register(Hash32.of(filled(32, 0x42)));
        assertEquals(new PoetPortActor.Registered(NAME, 7, NOW.plusSeconds(50)), reply);
        SubmitRequest sent = server.submitted.get(0);
        assertEquals(POW, sent.powParams());
        assertEquals(Bytes.of(filled(32, 0x42)), sent.challenge());
        // The nonce solves the quoted PoW for this node and challenge.
        assertTrue(Pow.verify(POW.challenge().toByteArray(), sent.pubkey().toByteArray(),
                sent.challenge().toByteArray(), sent.nonce(), POW.difficulty()));
    }

    @Test
    void refusalsAreRejectionsAndSilenceIsUnavailable() {
        server.registration = new PoetOutcome.Full<>("round is full");
        assertInstanceOf(PoetPortActor.Rejected.class, register(Hash32.of(filled(32, 1))));
        server.registration = new PoetOutcome.Unavailable<>("503");
        assertInstanceOf(PoetPortActor.Unavailable.class, register(Hash32.of(filled(32, 1))));
        server.pow = new PoetOutcome.Unavailable<>("connection refused");
        assertInstanceOf(PoetPortActor.Unavailable.class, register(Hash32.of(filled(32, 1))));
    }

    @Test
    void aFoundProofIsKeptAndHandedOnAndAMissingOneIsUnavailable() {
        RoundProof round = new RoundProof(3, new PoetProof(new MerkleProof(Bytes.of(filled(32, 8)), List.of(),
                List.of()), 150), List.of(Bytes.of(filled(32, 0x42))));
        server.proofs.put("3", new PoetOutcome.Ok<>(round));
        ActorRef<PoetPortActor.Command> port = spawnPort();
        TestProbe<PoetPortActor.ProofReply> proofs = kit.createTestProbe();

        port.tell(new PoetPortActor.FetchProof(NAME, 3, proofs.getRef()));
        assertEquals(new PoetPortActor.ProofFound(NAME, round.proof(), round.members()), proofs.receiveMessage());
        assertEquals(java.util.Optional.of(round), kept.proof(round.proof().ref()));

        port.tell(new PoetPortActor.FetchProof(NAME, 4, proofs.getRef()));
        assertInstanceOf(PoetPortActor.Unavailable.class, proofs.receiveMessage());
        assertEquals(1, store.count(AtxTables.POET_PROOFS));
    }

    private PoetPortActor.RegisterReply register(Hash32 challenge) {
        TestProbe<PoetPortActor.RegisterReply> probe = kit.createTestProbe();
        PoetSubmission submission = new PoetSubmission(PoetRegistrations.poetPrefix(signer), challenge,
                signer.nodeId(), signer.sign(Domain.POET, challenge.toByteArray()));
        spawnPort().tell(new PoetPortActor.Register(NAME, submission, NOW.plusSeconds(100), probe.getRef()));
        return probe.receiveMessage();
    }

    private ActorRef<PoetPortActor.Command> spawnPort() {
        ActorRef<PoetClientActor.Command> client = kit.spawn(PoetClientActor.create(server,
                new PoetRetryPolicy(1, Duration.ZERO, Duration.ZERO)));
        return kit.spawn(PoetPortActor.create(NAME, new RemotePoetBackend(NAME, client, wall, Duration.ofSeconds(5)),
                signer, storage));
    }

    /** Answers as scripted; records what was submitted. */
    private static final class ScriptedPoet implements PoetClient {
        volatile PoetOutcome<PowParams> pow = new PoetOutcome.Ok<>(POW);
        volatile PoetOutcome<PoetRegistration> registration;
        final Map<String, PoetOutcome<RoundProof>> proofs = new ConcurrentHashMap<>();
        final List<SubmitRequest> submitted = new CopyOnWriteArrayList<>();

        @Override
        public CompletionStage<PoetOutcome<PoetRegistration>> submit(SubmitRequest request) {
            submitted.add(request);
            return CompletableFuture.completedFuture(registration);
        }

        @Override
        public CompletionStage<PoetOutcome<PoetInfo>> info() {
            return CompletableFuture.completedFuture(new PoetOutcome.Unavailable<>("not scripted"));
        }

        @Override
        public CompletionStage<PoetOutcome<RoundProof>> proof(String roundId) {
            return CompletableFuture.completedFuture(
                    proofs.getOrDefault(roundId, new PoetOutcome.NotFound<>("no round " + roundId)));
        }

        @Override
        public CompletionStage<PoetOutcome<PowParams>> powParams() {
            return CompletableFuture.completedFuture(pow);
        }
    }
}
