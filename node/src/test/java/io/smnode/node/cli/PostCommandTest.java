package io.smnode.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `smnode post` end to end on the standalone parameters: init, status, prove, verify, and what a bad input gets. */
class PostCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NODE = "33".repeat(32);
    private static final String ATX = "44".repeat(32);

    @TempDir
    Path tmp;

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

    private String[] init(Path dir) {
        return new String[] {"post", "init", "--data-dir", dir.toString(), "--node-id", NODE, "--commitment-atx", ATX,
                "--units", "2", "--labels-per-unit", "64", "--scrypt-n", "2", "--provider", "cpu", "--max-file-size", "512"};
    }

    @Test
    void initProveVerifyOnTheStandaloneParameters() throws Exception {
        Path dir = tmp.resolve("post");
        assertEquals("not_started", ok("post", "status", "--data-dir", dir.toString()).get("state").asText());
        JsonNode done = ok(init(dir));
        assertEquals("complete", done.get("state").asText());
        assertEquals(128, done.get("labels").asLong());
        assertEquals(4, Files.list(dir).filter(p -> p.getFileName().toString().startsWith("postdata_") && p.toString().endsWith(".bin")).count());
        JsonNode status = ok("post", "status", "--data-dir", dir.toString());
        assertEquals("complete", status.get("state").asText());
        assertEquals(NODE, status.get("node_id").asText());
        // Running init again on complete data is a no-op that reports the same result.
        assertEquals(done, ok(init(dir)));

        Path proof = tmp.resolve("proof.json");
        JsonNode proved = ok("post", "prove", "--data-dir", dir.toString(), "--challenge", "00".repeat(32), "--preset", "standalone",
                "--out", proof.toString());
        assertEquals(proved, JSON.readTree(proof.toFile()));
        assertTrue(ok("post", "verify", "--proof", proof.toString(), "--preset", "standalone").get("valid").asBoolean());
        assertTrue(ok("post", "verify", "--proof", proof.toString(), "--preset", "standalone", "--k3", "1", "--seed", "07")
                .get("valid").asBoolean());

        // The same proof claimed for another challenge fails (its pow and labels were bound to the original).
        Path forged = tmp.resolve("forged.json");
        Files.writeString(forged, Files.readString(proof).replace("\"challenge\":\"" + "00".repeat(32), "\"challenge\":\"" + "01".repeat(32)));
        JsonNode bad = ok("post", "verify", "--proof", forged.toString(), "--preset", "standalone");
        assertEquals(false, bad.get("valid").asBoolean());
        assertTrue(bad.get("result").asText().startsWith("Invalid"), bad.toString());
    }

    @Test
    void benchPrintsEveryFigure() throws Exception {
        JsonNode out = ok("post", "bench", "--n", "2", "--seconds", "0.2", "--proving-mib", "16", "--randomx", "light",
                "--threads", "2", "--provider", "cuda");
        for (String field : new String[] {"labels_per_second_per_core", "ms_per_label", "labels_per_second_all_cores",
                "aes_ecb_gib_per_second_per_core", "proving_scan_gib_per_second_per_core", "proving_scan_to_aes_ratio",
                "proving_scan_gib_per_second_all_cores"}) {
            assertTrue(out.get(field).asDouble() > 0, field + " in " + out);
        }
        assertTrue(out.get("cuda_labels_per_second").isObject(), out.toString());
        JsonNode verify = out.get("atx_verifications_per_second");
        assertTrue(verify.get("light_1_core").asDouble() > 0, out.toString());
        assertTrue(verify.get("light_all_cores").asDouble() > 0, out.toString());
        assertTrue(out.get("c_reference_ms_per_label") == null, "no published constant among the measurements");
        assertTrue(error("post", "bench", "--n", "3").contains("--n"));
        assertTrue(error("post", "bench", "--randomx", "turbo").contains("--randomx"));
    }

    @Test
    void badInputIsAJsonErrorNamingTheOption() throws Exception {
        Path dir = tmp.resolve("p");
        String[] args = init(dir);
        args[args.length - 5] = "3"; // --scrypt-n
        assertTrue(error(args).contains("--scrypt-n"));
        assertTrue(error("post", "init", "--data-dir", dir.toString(), "--node-id", "00", "--commitment-atx", ATX, "--units", "1",
                "--labels-per-unit", "8", "--scrypt-n", "2").contains("--node-id"));
        assertTrue(error("post", "prove", "--data-dir", dir.toString(), "--challenge", "00".repeat(32)).contains("post init"));
        assertTrue(error("post", "verify", "--proof", tmp.resolve("none.json").toString()).contains("--proof"));
        assertTrue(error("post", "init").toLowerCase().contains("missing"));
        String[] cpuWithDevices = java.util.Arrays.copyOf(init(dir), init(dir).length + 2);
        cpuWithDevices[cpuWithDevices.length - 2] = "--devices";
        cpuWithDevices[cpuWithDevices.length - 1] = "0";
        assertTrue(error(cpuWithDevices).contains("--devices"));
    }

    @Test
    void initOfAnotherIdentityIntoExistingDataIsRefused() throws Exception {
        Path dir = tmp.resolve("post");
        ok(init(dir));
        String[] other = init(dir);
        other[6] = "55".repeat(32);
        assertTrue(error(other).length() > 0);
    }
}
