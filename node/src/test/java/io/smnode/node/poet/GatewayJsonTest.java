package io.smnode.node.poet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.InvalidProtocolBufferException;
import io.smnode.actors.poet.PoetOutcome;
import io.smnode.core.types.Bytes;
import io.smnode.node.poet.api.PoetApi;
import io.smnode.poet.MerkleProof;
import io.smnode.poet.OpaqueCertificate;
import io.smnode.poet.PoetInfo;
import io.smnode.poet.PoetProof;
import io.smnode.poet.PowParams;
import io.smnode.poet.RoundProof;
import io.smnode.poet.SubmitRequest;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The gateway's protojson conventions over our messages, and HTTP statuses turned into typed client outcomes. */
class GatewayJsonTest {
    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static SubmitRequest readSubmit(String json) throws InvalidProtocolBufferException {
        return PoetMessages.submit(GatewayJson.read(utf8(json), PoetApi.SubmitRequest.newBuilder()).build());
    }

    @Test
    void submitRoundTripsWithEveryFieldUnderTheReferenceNames() throws Exception {
        SubmitRequest r = new SubmitRequest(Bytes.ofHex("0102"), Bytes.ofHex("aabb"), Bytes.ofHex("cc"),
                Bytes.ofHex("dd"), -1L, new PowParams(Bytes.ofHex("ee"), 4294967295L),
                Optional.of(new OpaqueCertificate(Bytes.ofHex("f0"), Bytes.ofHex("f1"))),
                Optional.of(Bytes.ofHex("01020304")), Optional.of(Instant.parse("2026-01-01T00:00:01.5Z")));
        String json = text(GatewayJson.write(PoetMessages.submit(r)));
        assertEquals(r, readSubmit(json));
        assertTrue(json.contains("\"nonce\":\"18446744073709551615\""), json);
        assertTrue(json.contains("\"powParams\":{\"difficulty\":4294967295,\"challenge\":\"7g==\"}"), json);
        assertTrue(json.contains("\"certificatePubkeyHint\":\"AQIDBA==\""), json);
        assertTrue(json.contains("\"deadline\":\"2026-01-01T00:00:01.500Z\""), json);
    }

    @Test
    void submitReadsProtoNamesUrlSafeBase64NumbersAndIgnoresUnknownFields() throws Exception {
        SubmitRequest r = readSubmit("{\"challenge\":\"-_-_\",\"prefix\":\"AQI\",\"pow_params\":{\"difficulty\":\"3\"},"
                + "\"nonce\":7,\"deadline\":\"2026-01-01T02:00:00+02:00\",\"unknownField\":[1,2]}");
        assertEquals(Bytes.ofHex("fbffbf"), r.challenge());
        assertEquals(Bytes.ofHex("0102"), r.prefix(), "padding is optional");
        assertEquals(3, r.powParams().difficulty());
        assertEquals(7, r.nonce());
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), r.deadline().orElseThrow());
        assertEquals(Bytes.EMPTY, r.pubkey(), "an absent field is its default");
        assertTrue(r.certificate().isEmpty() && r.certificatePubkeyHint().isEmpty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"challenge\": | End of input",
            "[1] | Expect message object",
            "{\"challenge\":\"@@\"} | Unrecognized character: @",
            "{\"nonce\":\"-1\"} | Out of range uint64 value",
            "{\"nonce\":\"18446744073709551616\"} | Out of range uint64 value",
            "{\"nonce\":1.5} | Not an uint64 value",
            "{\"powParams\":{\"difficulty\":4294967296}} | Out of range uint32 value",
            "{\"deadline\":\"tomorrow\"} | Failed to parse timestamp",
            "{\"certificate\":\"x\"} | Expect message object"})
    void malformedSubmitsAreRefusedWithAReason(String body, String reason) {
        InvalidProtocolBufferException e = assertThrows(InvalidProtocolBufferException.class, () -> readSubmit(body));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"PT240H, 864000s", "PT1.5S, 1.500s", "PT0.000001S, 0.000001s", "PT0.000000001S, 0.000000001s",
            "PT-1.5S, -1.500s", "PT0S, 0s"})
    void durationsAsProtojsonWritesThem(Duration d, String json) throws Exception {
        String body = text(GatewayJson.write(PoetMessages.submitResponse("5", d)));
        assertEquals("{\"roundId\":\"5\",\"roundEnd\":\"" + json + "\"}", body);
        PoetApi.SubmitResponse read = GatewayJson.read(utf8(body), PoetApi.SubmitResponse.newBuilder()).build();
        assertEquals(d, PoetMessages.registration(read).roundEnd());
    }

    @Test
    void infoPowParamsAndProofRoundTrip() throws Exception {
        PoetInfo info = new PoetInfo(Bytes.ofHex("0a0b"), Duration.ofSeconds(30), Duration.ofMillis(1500),
                Optional.of(new PoetInfo.Certifier("http://certifier", Bytes.ofHex("0c"))));
        String infoJson = text(GatewayJson.write(PoetMessages.info(info)));
        assertEquals("{\"servicePubkey\":\"Cgs=\",\"phaseShift\":\"30s\",\"cycleGap\":\"1.500s\","
                + "\"certifier\":{\"url\":\"http://certifier\",\"pubkey\":\"DA==\"}}", infoJson);
        assertEquals(info, PoetMessages.info(GatewayJson.read(utf8(infoJson), PoetApi.InfoResponse.newBuilder()).build()));

        PowParams pow = new PowParams(Bytes.ofHex("ff"), 20);
        String powJson = text(GatewayJson.write(PoetMessages.powParamsResponse(pow)));
        assertEquals("{\"powParams\":{\"difficulty\":20,\"challenge\":\"/w==\"}}", powJson);
        assertEquals(pow, PoetMessages.powParams(
                GatewayJson.read(utf8(powJson), PoetApi.PowParamsResponse.newBuilder()).build()));

        RoundProof proof = new RoundProof(7, new PoetProof(new MerkleProof(Bytes.ofHex("01"),
                List.of(Bytes.ofHex("02"), Bytes.ofHex("03")), List.of(Bytes.ofHex("04"))), 150),
                List.of(Bytes.ofHex("05")));
        String proofJson = text(GatewayJson.write(PoetMessages.proof(proof, Bytes.ofHex("06"))));
        assertEquals("{\"proof\":{\"proof\":{\"root\":\"AQ==\",\"provenLeaves\":[\"Ag==\",\"Aw==\"],"
                + "\"proofNodes\":[\"BA==\"]},\"members\":[\"BQ==\"],\"leaves\":\"150\"},\"pubkey\":\"Bg==\"}", proofJson);
        assertEquals(proof, PoetMessages.proof(7,
                GatewayJson.read(utf8(proofJson), PoetApi.ProofResponse.newBuilder()).build()));
    }

    @ParameterizedTest
    @CsvSource({"400, Invalid", "401, Unauthorized", "404, NotFound", "409, Conflict", "429, Full",
            "500, Unavailable", "503, Unavailable", "499, Unavailable"})
    void statusesBecomeTypedOutcomes(int status, String outcome) {
        byte[] body = GatewayJson.write(PoetMessages.error(3, "WHY: because"));
        assertEquals("{\"code\":3,\"message\":\"WHY: because\",\"details\":[]}", text(body));
        PoetOutcome<String> o = HttpPoetClient.outcome(status, body, b -> "x");
        assertEquals(outcome, o.getClass().getSimpleName());
        assertEquals(outcome.equals("Unavailable"), o.retryable());
        assertTrue(o.toString().contains("WHY: because"), o.toString());
    }

    @Test
    void anErrorBodyThatIsNotJsonIsQuotedAsItIs() {
        assertEquals("<html>bad gateway</html>", HttpPoetClient.errorMessage(utf8("<html>bad gateway</html>")));
    }

    @Test
    void anUnreadableOkAnswerOrNoServerIsUnavailable() throws Exception {
        assertInstanceOf(PoetOutcome.Unavailable.class, HttpPoetClient.outcome(200, utf8("not json"),
                body -> GatewayJson.read(body, PoetApi.PowParamsResponse.newBuilder()).build()));
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        HttpPoetClient client = new HttpPoetClient(URI.create("http://127.0.0.1:" + port), Duration.ofSeconds(2));
        assertInstanceOf(PoetOutcome.Unavailable.class, client.info().toCompletableFuture().join());
    }
}
