package io.smnode.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The API driven by the JavaScript gRPC stack smapp uses — {@code @grpc/grpc-js} and {@code @grpc/proto-loader} from
 * the npm registry, pinned by {@code src/test/js/package-lock.json} and installed here with {@code npm ci} — loading
 * our .proto files themselves: a client that shares nothing with the server.
 */
class GrpcJsClientIT {
    private static final Path JS = Path.of("src", "test", "js").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ApiFixture api;

    @BeforeAll
    static void start() throws Exception {
        npmCi();
        api = new ApiFixture();
        new MeshHistory(api);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void grpcJsCallsTheV1AndV2alpha1Services() throws Exception {
        JsonNode out = JSON.readTree(run(List.of("node", "client.mjs",
                Path.of("src", "main", "protobuf").toAbsolutePath().toString(),
                String.valueOf(api.port("public")), String.valueOf(api.port("private")))));
        assertEquals("from grpc-js", out.at("/echo/msg/value").asText());
        assertEquals("0.1.0-test", out.at("/version/versionString/value").asText());
        assertEquals("2", out.at("/status/status/connectedPeers").asText(), "uint64 as a string (longs: String)");
        assertEquals(ApiFixture.LAYER, out.at("/statusStream/status/topLayer/number").asLong());
        assertEquals(Base64.getEncoder().encodeToString(api.node.genesis().genesisId().toByteArray()),
                out.at("/genesisId/genesisId").asText());
        assertEquals(ApiFixture.LAYER, out.at("/currentLayer/layernum/number").asLong());
        assertEquals("standalone", out.at("/networkInfo/hrp").asText());
        assertTrue(out.at("/activations/activations").isArray());
        assertEquals("INVALID_ARGUMENT", out.at("/unbounded/error").asText());
        assertEquals(List.of(24L, 23L, 22L), List.of(out.at("/layers/layers/0/number").asLong(),
                out.at("/layers/layers/1/number").asLong(), out.at("/layers/layers/2/number").asLong()));
        assertEquals("LAYER_STATUS_APPLIED", out.at("/layers/layers/0/status").asText());
        assertTrue(out.at("/coinbase/accountId/address").asText().startsWith("standalone1"));
    }

    /** Installs the pinned packages when the lockfile is newer than what is installed. */
    private static void npmCi() throws IOException, InterruptedException {
        Path marker = JS.resolve("node_modules").resolve(".package-lock.json");
        if (Files.exists(marker) && Files.getLastModifiedTime(marker).compareTo(
                Files.getLastModifiedTime(JS.resolve("package-lock.json"))) >= 0) {
            return;
        }
        run(List.of("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"));
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Path err = Files.createTempFile("js-client", ".err");
        Process p = new ProcessBuilder(command).directory(JS.toFile()).redirectError(err.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command + " did not finish within 180 s");
        }
        String errors = Files.readString(err);
        Files.delete(err);
        assertEquals(0, p.exitValue(), () -> command + " failed: " + out + errors);
        return out;
    }
}
