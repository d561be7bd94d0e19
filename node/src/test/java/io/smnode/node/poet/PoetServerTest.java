package io.smnode.node.poet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.smnode.actors.poet.PoetOutcome;
import io.smnode.actors.poet.PoetRegistration;
import io.smnode.actors.poet.PoetRegistrations;
import io.smnode.testkit.ManualClock;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.types.Bytes;
import io.smnode.poet.MembershipTree;
import io.smnode.poet.PoetInfo;
import io.smnode.poet.PoetVerifier;
import io.smnode.poet.PowParams;
import io.smnode.poet.RoundProof;
import io.smnode.poet.SubmitRequest;
import java.io.ByteArrayInputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.pekko.actor.testkit.typed.javadsl.ManualTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PoET server on loopback under manual time (a hand-moved clock and Pekko's manual scheduler, moved together):
 * a node's signed registration goes in over HTTP, and once the round's end has passed the proof served contains
 * it; bad input is refused with its reason; a restart mid-round keeps the registration; a taken port is refused.
 */
class PoetServerTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Bytes GENESIS_ID = Bytes.of(filled(20, 0x11));
    private static final Instant GENESIS = Instant.parse("2026-01-01T00:00:00Z");
    /** Round 0 registers until genesis + 4 s and ends at genesis + 4 s + 3 s − 1 s = genesis + 6 s. */
    private static final Duration ROUND_0_END = Duration.ofSeconds(6);

    @TempDir
    Path dataDir;

    private final ManualClock wall = new ManualClock(GENESIS);
    private final EdSigner node = EdSigner.fromSeed(filled(32, 3), GENESIS_ID);

    private PoetServer start(Path dir, int port) throws Exception {
        return PoetServer.start(new PoetServer.Settings(dir, new InetSocketAddress("127.0.0.1", port),
                        Optional.of(GENESIS), Duration.ofSeconds(3), Duration.ofSeconds(4), Duration.ofSeconds(1), 150, 4),
                wall, ManualTime.config().withFallback(ConfigFactory.load()));
    }

    private PoetServer start() throws Exception {
        return start(dataDir, 0);
    }

    /**
     * Moves the wall clock and the server's scheduler by {@code d}: the round-end wake-ups due by then are in the
     * PoET's mailbox on return, ahead of any request sent after. Call it after a first request to a newly started
     * server, so that its wake-up is already scheduled.
     */
    private void advance(PoetServer server, Duration d) {
        wall.advance(d);
        ManualTime.get(server.system()).timePasses(d);
    }

    private static HttpPoetClient client(PoetServer server) {
        return new HttpPoetClient(URI.create("http://127.0.0.1:" + server.port()), TIMEOUT);
    }

    @Test
    void registrationOverHttpEndsUpInTheRoundsProof() throws Exception {
        try (PoetServer server = start()) {
            HttpPoetClient client = client(server);
            PoetInfo info = ok(client.info());
            assertEquals(server.servicePubKey(), info.servicePubKey());
            assertEquals(Duration.ofSeconds(4), info.phaseShift());
            assertEquals(Duration.ofSeconds(1), info.cycleGap());

            Bytes challenge = Bytes.of(filled(32, 0x5a));
            PowParams pow = ok(client.powParams());
            assertEquals(4, pow.difficulty());
            PoetRegistration reg = ok(client.submit(PoetRegistrations.withPow(node, challenge, pow, Optional.empty())));
            assertEquals(new PoetRegistration("0", ROUND_0_END), reg);

            advance(server, ROUND_0_END.minusMillis(1));
            assertInstanceOf(PoetOutcome.NotFound.class, join(client.proof("0")), "not proven before its end");
            advance(server, Duration.ofMillis(1));
            assertMember(ok(client.proof("0")), challenge);
        }
    }

    @Test
    void malformedOversizedAndForgedRequestsAreRefusedWithTheirReason() throws Exception {
        try (PoetServer server = start()) {
            HttpResponse<String> malformed = post(server, HttpRequest.BodyPublishers.ofString("{\"challenge\": "));
            assertEquals(400, malformed.statusCode());
            assertTrue(malformed.body().startsWith("{\"code\":3,\"message\":\"MALFORMED_REQUEST: "), malformed.body());
            assertEquals("application/json", malformed.headers().firstValue("Content-Type").orElse(""));

            String big = "{\"challenge\":\"" + "A".repeat((int) PoetRoutes.MAX_BODY_BYTES) + "\"}";
            for (HttpRequest.BodyPublisher body : List.of(HttpRequest.BodyPublishers.ofString(big),
                    // no length up front: refused while it streams in
                    HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(utf8(big))))) {
                HttpResponse<String> oversized = post(server, body);
                assertEquals(400, oversized.statusCode());
                assertTrue(oversized.body().contains("request body over 65536 bytes"), oversized.body());
            }

            HttpResponse<String> unknown = get(server, "/v1/infox");
            assertEquals(404, unknown.statusCode());
            assertTrue(unknown.body().contains("no such endpoint"), unknown.body());
            assertEquals(405, get(server, "/v1/submit").statusCode());
            HttpResponse<String> badRound = get(server, "/v1/proofs/abc");
            assertEquals(400, badRound.statusCode());
            assertTrue(badRound.body().contains("INVALID_ROUND_ID"), badRound.body());

            HttpPoetClient client = client(server);
            PowParams pow = ok(client.powParams());
            SubmitRequest good = PoetRegistrations.withPow(node, Bytes.of(filled(32, 1)), pow, Optional.empty());
            SubmitRequest forged = new SubmitRequest(good.prefix(), Bytes.of(filled(32, 2)), good.pubkey(),
                    good.signature(), good.nonce(), good.powParams(), Optional.empty(), Optional.empty(),
                    Optional.empty());
            String reason = assertInstanceOf(PoetOutcome.Invalid.class, join(client.submit(forged))).reason();
            assertTrue(reason.startsWith("INVALID_SIGNATURE"), reason);

            ok(client.submit(good));
            SubmitRequest other = PoetRegistrations.withPow(node, Bytes.of(filled(32, 9)), pow, Optional.empty());
            assertInstanceOf(PoetOutcome.Conflict.class, join(client.submit(other)));
        }
    }

    @Test
    void aRestartMidRoundKeepsTheRegistration() throws Exception {
        Bytes challenge = Bytes.of(filled(32, 0x77));
        Bytes pubKey;
        try (PoetServer server = start()) {
            HttpPoetClient client = client(server);
            PowParams pow = ok(client.powParams());
            ok(client.submit(PoetRegistrations.withPow(node, challenge, pow, Optional.empty())));
            pubKey = server.servicePubKey();
            advance(server, Duration.ofSeconds(2));
        }
        try (PoetServer server = start()) {
            assertEquals(pubKey, server.servicePubKey(), "the server key is kept in the data dir");
            HttpPoetClient client = client(server);
            assertInstanceOf(PoetOutcome.NotFound.class, join(client.proof("0")));
            advance(server, ROUND_0_END.minusSeconds(2));
            assertMember(ok(client.proof("0")), challenge);
        }
    }

    @Test
    void aTakenPortIsABindFailureNamingTheAddress() throws Exception {
        try (PoetServer server = start()) {
            BindException e = assertThrows(BindException.class, () -> start(dataDir.resolve("other"), server.port()));
            assertTrue(e.getMessage().contains(String.valueOf(server.port())), e.getMessage());
        }
    }

    private static HttpResponse<String> get(PoetServer server, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(PoetServer server, HttpRequest.BodyPublisher body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/v1/submit")).POST(body).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void assertMember(RoundProof proof, Bytes challenge) throws Exception {
        int index = proof.members().indexOf(challenge);
        assertTrue(index >= 0, "the challenge is a member");
        MembershipTree.verify(challenge, MembershipTree.proof(proof.members(), index), proof.statement());
        PoetVerifier.verify(proof.proof().merkleProof(), proof.statement(), proof.proof().leafCount());
    }

    private static <T> PoetOutcome<T> join(java.util.concurrent.CompletionStage<PoetOutcome<T>> call) {
        return call.toCompletableFuture().join();
    }

    private static <T> T ok(java.util.concurrent.CompletionStage<PoetOutcome<T>> call) {
        PoetOutcome<T> outcome = join(call);
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
