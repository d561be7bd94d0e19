package io.smnode.node.poet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.actors.poet.PoetOutcome;
import io.smnode.core.types.Bytes;
import io.smnode.poet.OpaqueCertificate;
import io.smnode.poet.PowParams;
import io.smnode.poet.SubmitRequest;
import java.net.URI;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The gateway's protojson conventions, and HTTP statuses turned into typed client outcomes. */
class PoetJsonTest {
    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void submitRoundTripsWithEveryField() throws Exception {
        SubmitRequest r = new SubmitRequest(Bytes.ofHex("0102"), Bytes.ofHex("aabb"), Bytes.ofHex("cc"),
                Bytes.ofHex("dd"), -1L, new PowParams(Bytes.ofHex("ee"), 4294967295L),
                Optional.of(new OpaqueCertificate(Bytes.ofHex("f0"), Bytes.ofHex("f1"))),
                Optional.of(Bytes.ofHex("01020304")), Optional.of(Instant.parse("2026-01-01T00:00:01.5Z")));
        assertEquals(r, PoetJson.readSubmit(PoetJson.writeSubmit(r)));
        String json = new String(PoetJson.writeSubmit(r), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"nonce\":\"18446744073709551615\""), json);
        assertTrue(json.contains("\"certificatePubkeyHint\":\"AQIDBA==\""), json);
    }

    @Test
    void submitReadsProtoNamesUrlSafeBase64NumbersAndIgnoresUnknownFields() throws Exception {
        SubmitRequest r = PoetJson.readSubmit(utf8("{\"challenge\":\"-_-_\",\"prefix\":\"AQI\",\"pow_params\":{\"difficulty\":\"3\"},"
                + "\"nonce\":7,\"deadline\":\"2026-01-01T02:00:00+02:00\",\"unknownField\":[1,2]}"));
        assertEquals(Bytes.ofHex("fbffbf"), r.challenge());
        assertEquals(Bytes.ofHex("0102"), r.prefix(), "padding is optional");
        assertEquals(3, r.powParams().difficulty());
        assertEquals(7, r.nonce());
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), r.deadline().orElseThrow());
        assertEquals(Bytes.EMPTY, r.pubkey(), "an absent field is its default");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"challenge\": | malformed JSON",
            "[1] | must be a JSON object",
            "{\"challenge\":\"@@\"} | challenge: not base64",
            "{\"challenge\":5} | challenge: bytes must be a base64 string",
            "{\"nonce\":\"-1\"} | nonce: not an unsigned 64-bit integer",
            "{\"nonce\":\"18446744073709551616\"} | nonce: not an unsigned 64-bit integer",
            "{\"powParams\":{\"difficulty\":4294967296}} | difficulty: not an unsigned 32-bit integer",
            "{\"deadline\":\"tomorrow\"} | deadline: not an RFC 3339 timestamp",
            "{\"certificate\":\"x\"} | certificate: must be an object"})
    void malformedSubmitsAreRefusedWithTheFieldAtFault(String body, String reason) {
        PoetJsonException e = assertThrows(PoetJsonException.class, () -> PoetJson.readSubmit(utf8(body)));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"PT240H, 864000s", "PT1.5S, 1.500s", "PT0.000001S, 0.000001s", "PT0.000000001S, 0.000000001s",
            "PT-1.5S, -1.500s", "PT0S, 0s"})
    void durationsAsProtojsonWritesThem(Duration d, String json) throws Exception {
        assertEquals(json, ProtoJson.duration(d));
        assertEquals(d, ProtoJson.duration(new com.fasterxml.jackson.databind.node.TextNode(json), "d"));
    }

    @ParameterizedTest
    @CsvSource({"400, Invalid", "401, Unauthorized", "404, NotFound", "409, Conflict", "429, Full",
            "500, Unavailable", "503, Unavailable", "499, Unavailable"})
    void statusesBecomeTypedOutcomes(int status, String outcome) {
        PoetOutcome<String> o = HttpPoetClient.outcome(status, PoetJson.writeError(3, "WHY: because"), b -> "x");
        assertEquals(outcome, o.getClass().getSimpleName());
        assertEquals(outcome.equals("Unavailable"), o.retryable());
        assertTrue(o.toString().contains("WHY: because"), o.toString());
    }

    @Test
    void anUnreadableOkAnswerOrNoServerIsUnavailable() throws Exception {
        assertInstanceOf(PoetOutcome.Unavailable.class,
                HttpPoetClient.outcome(200, utf8("not json"), PoetJson::readPowParams));
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        HttpPoetClient client = new HttpPoetClient(URI.create("http://127.0.0.1:" + port), Duration.ofSeconds(2));
        assertInstanceOf(PoetOutcome.Unavailable.class, client.info().toCompletableFuture().join());
    }
}
