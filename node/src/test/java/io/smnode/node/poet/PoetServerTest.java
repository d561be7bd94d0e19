package io.smnode.node.poet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.smnode.actors.poet.PoetOutcome;
import io.smnode.actors.poet.PoetRegistration;
import io.smnode.actors.poet.PoetRegistrations;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.types.Bytes;
import io.smnode.poet.MembershipTree;
import io.smnode.poet.PoetInfo;
import io.smnode.poet.PoetVerifier;
import io.smnode.poet.PowParams;
import io.smnode.poet.RoundProof;
import io.smnode.poet.SubmitRequest;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PoET server on loopback with real time and a short timetable: a node's signed registration goes in over
 * HTTP, and after the round the proof served contains it; bad input is refused with its reason; a restart
 * mid-round keeps the registration.
 */
class PoetServerTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Bytes GENESIS_ID = Bytes.of(filled(20, 0x11));

    @TempDir
    Path dataDir;

    private final Instant genesis = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final EdSigner node = EdSigner.fromSeed(filled(32, 3), GENESIS_ID);

    /** Round 0 registers until genesis + 4 s and ends at genesis + 4 s + 3 s − 1 s = genesis + 6 s. */
    private PoetServer start() throws Exception {
        return PoetServer.start(new PoetServer.Settings(dataDir, new InetSocketAddress("127.0.0.1", 0),
                        Optional.of(genesis), Duration.ofSeconds(3), Duration.ofSeconds(4), Duration.ofSeconds(1), 150, 4),
                Clock.systemUTC(), ConfigFactory.load());
    }

    private static HttpPoetClient client(PoetServer server) {
        return new HttpPoetClient(URI.create("http://127.0.0.1:" + server.port()), TIMEOUT);
    }

    @Test
    void registrationOverHttpEndsUpInTheRoundsProof() throws Exception {
        try (PoetServer server = start()) {
            HttpPoetClient client = client(server);
            PoetInfo info = ok(client.info().toCompletableFuture().join());
            assertEquals(server.servicePubKey(), info.servicePubKey());
            assertEquals(Duration.ofSeconds(4), info.phaseShift());
            assertEquals(Duration.ofSeconds(1), info.cycleGap());

            Bytes challenge = Bytes.of(filled(32, 0x5a));
            PowParams pow = ok(client.powParams().toCompletableFuture().join());
            assertEquals(4, pow.difficulty());
            PoetRegistration reg = ok(client.submit(PoetRegistrations.withPow(node, challenge, pow, Optional.empty()))
                    .toCompletableFuture().join());
            assertEquals("0", reg.roundId());
            assertTrue(reg.roundEnd().compareTo(Duration.ofSeconds(6)) <= 0 && !reg.roundEnd().isNegative());

            assertInstanceOf(PoetOutcome.NotFound.class, client.proof("0").toCompletableFuture().join());
            RoundProof proof = awaitProof(client, "0");
            assertMember(proof, challenge);
        }
    }

    @Test
    void malformedJsonAndBadSignatureAreRefusedWithTheirReason() throws Exception {
        try (PoetServer server = start()) {
            HttpResponse<String> malformed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + server.port() + "/v1/submit"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"challenge\": ")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(400, malformed.statusCode());
            assertTrue(malformed.body().contains("MALFORMED_REQUEST: malformed JSON"), malformed.body());

            assertEquals(404, get(server, "/v1/infox").statusCode());
            assertEquals(405, get(server, "/v1/submit").statusCode());
            assertEquals(400, get(server, "/v1/proofs/abc").statusCode());

            HttpPoetClient client = client(server);
            PowParams pow = ok(client.powParams().toCompletableFuture().join());
            SubmitRequest good = PoetRegistrations.withPow(node, Bytes.of(filled(32, 1)), pow, Optional.empty());
            SubmitRequest forged = new SubmitRequest(good.prefix(), Bytes.of(filled(32, 2)), good.pubkey(),
                    good.signature(), good.nonce(), good.powParams(), Optional.empty(), Optional.empty(),
                    Optional.empty());
            PoetOutcome<PoetRegistration> refused = client.submit(forged).toCompletableFuture().join();
            String reason = assertInstanceOf(PoetOutcome.Invalid.class, refused).reason();
            assertTrue(reason.startsWith("INVALID_SIGNATURE"), reason);

            ok(client.submit(good).toCompletableFuture().join());
            SubmitRequest other = PoetRegistrations.withPow(node, Bytes.of(filled(32, 9)), pow, Optional.empty());
            assertInstanceOf(PoetOutcome.Conflict.class, client.submit(other).toCompletableFuture().join());
        }
    }

    @Test
    void aRestartMidRoundKeepsTheRegistration() throws Exception {
        Bytes challenge = Bytes.of(filled(32, 0x77));
        Bytes pubKey;
        try (PoetServer server = start()) {
            HttpPoetClient client = client(server);
            PowParams pow = ok(client.powParams().toCompletableFuture().join());
            ok(client.submit(PoetRegistrations.withPow(node, challenge, pow, Optional.empty()))
                    .toCompletableFuture().join());
            pubKey = server.servicePubKey();
        }
        try (PoetServer server = start()) {
            assertEquals(pubKey, server.servicePubKey(), "the server key is kept in the data dir");
            HttpPoetClient client = client(server);
            RoundProof proof = awaitProof(client, "0");
            assertMember(proof, challenge);
        }
    }

    private static HttpResponse<String> get(PoetServer server, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertMember(RoundProof proof, Bytes challenge) throws Exception {
        int index = proof.members().indexOf(challenge);
        assertTrue(index >= 0, "the challenge is a member");
        MembershipTree.verify(challenge, MembershipTree.proof(proof.members(), index), proof.statement());
        PoetVerifier.verify(proof.proof().merkleProof(), proof.statement(), proof.proof().leafCount());
    }

    private static RoundProof awaitProof(HttpPoetClient client, String roundId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            PoetOutcome<RoundProof> outcome = client.proof(roundId).toCompletableFuture().join();
            if (outcome instanceof PoetOutcome.Ok<RoundProof> o) {
                return o.value();
            }
            assertInstanceOf(PoetOutcome.NotFound.class, outcome);
            Thread.sleep(200);
        }
        throw new AssertionError("round " + roundId + " was not proven in time");
    }

    private static <T> T ok(PoetOutcome<T> outcome) {
        if (outcome instanceof PoetOutcome.Ok<T> o) {
            return o.value();
        }
        throw new AssertionError("not Ok: " + outcome);
    }

    private static byte[] filled(int length, int value) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return b;
    }
}
