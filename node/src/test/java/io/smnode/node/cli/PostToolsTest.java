package io.smnode.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smnode.core.testing.Vectors;
import io.smnode.core.util.Hex;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The PoST tools through the command line, against the PoST vectors. */
class PostToolsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode ok(String... args) throws Exception {
        Cli r = Cli.run(args);
        assertEquals(0, r.exitCode(), () -> String.join(" ", args) + ": " + r.out() + r.err());
        return JSON.readTree(r.out());
    }

    private static String error(String... args) throws Exception {
        Cli r = Cli.run(args);
        assertEquals(2, r.exitCode(), () -> String.join(" ", args) + " should fail: " + r.out());
        return JSON.readTree(r.out()).get("error").asText();
    }

    static Stream<Arguments> labels() {
        // N = 8192 cases cost ~3 ms each; keep them all, they are the mainnet parameter.
        return Vectors.cases("post.json", c -> "scrypt_label".equals(c.path("kind").asText()) && c.path("r").asInt(1) == 1)
                .stream().map(c -> Arguments.of(c.get("id").asText(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("labels")
    void scryptLabelPrintsTheReferenceOutputAndItsLabelPrefix(String id, JsonNode c) throws Exception {
        JsonNode out = ok("tools", "scrypt-label", "--commitment", c.get("commitment_hex").asText(),
                "--index", c.get("index").asText(), "--n", c.get("N").asText());
        // Some vectors give the full 32-byte output, the others a prefix of it.
        String expected = c.has("expected_hex") ? c.get("expected_hex").asText() : c.get("expected_prefix_hex").asText();
        assertTrue(out.get("output").asText().startsWith(expected), out + " vs " + expected);
        assertEquals(64, out.get("output").asText().length());
        assertEquals(out.get("output").asText().substring(0, 32), out.get("label").asText());
    }

    static Stream<Arguments> commitments() {
        return Vectors.casesWhere("post.json", "kind", "commitment").stream().map(c -> Arguments.of(c.get("id").asText(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commitments")
    void commitmentMatchesTheVectors(String id, JsonNode c) throws Exception {
        assertEquals(c.get("expected_hex").asText(), ok("tools", "commitment", "--node-id", c.get("node_id_hex").asText(),
                "--atx", c.get("commitment_atx_hex").asText()).get("commitment").asText());
    }

    @Test
    void k2powHashMatchesTheVectorsWithAnEightOrThirtyTwoByteChallenge() throws Exception {
        for (JsonNode c : Vectors.casesWhere("post.json", "kind", "k2pow_hash")) {
            String challenge8 = Hex.encode(c.get("challenge8_ascii").asText().getBytes(StandardCharsets.US_ASCII));
            String[] base = {"tools", "k2pow-hash", "--node-id", c.get("miner_id_hex").asText(), "--group",
                    c.get("nonce_group").asText(), "--pow", c.get("pow").asText(), "--challenge"};
            String[] with8 = Stream.concat(Stream.of(base), Stream.of(challenge8)).toArray(String[]::new);
            String[] with32 = Stream.concat(Stream.of(base), Stream.of(challenge8 + "ab".repeat(24))).toArray(String[]::new);
            assertEquals(c.get("expected_hex").asText(), ok(with8).get("hash").asText(), c.get("id").asText());
            assertEquals(c.get("expected_hex").asText(), ok(with32).get("hash").asText(), c.get("id").asText());
        }
    }

    @Test
    void badArgumentsAreJsonErrors() throws Exception {
        assertTrue(error("tools", "scrypt-label", "--commitment", "00".repeat(32), "--index", "0", "--n", "3").contains("power of two"));
        assertTrue(error("tools", "scrypt-label", "--commitment", "00".repeat(32), "--index", "-1", "--n", "2").contains("--index"));
        assertTrue(error("tools", "commitment", "--node-id", "00", "--atx", "00".repeat(32)).contains("--node-id"));
        assertTrue(error("tools", "k2pow-hash", "--node-id", "00".repeat(32), "--challenge", "0011", "--group", "1", "--pow", "0")
                .contains("--challenge"));
        assertTrue(error("tools", "k2pow-hash", "--node-id", "00".repeat(32), "--challenge", "00".repeat(8), "--group", "256",
                "--pow", "0").contains("--group"));
    }
}
