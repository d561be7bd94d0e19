package io.smnode.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JSON gateway answers a plain HTTP/1.1 POST, as curl sends it, in protobuf's JSON mapping. */
class JsonGatewayTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ApiFixture api;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        api = new ApiFixture();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        api.close();
    }

    @Test
    void networkInfoPrintsDefaultsBase64BytesAndInt64AsStrings() throws Exception {
        HttpResponse<String> r = post("/spacemesh.v2alpha1.NetworkService/Info", "{}");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/json"));
        JsonNode info = JSON.readTree(r.body());
        assertEquals("standalone", info.get("hrp").asText());
        assertEquals(Base64.getEncoder().encodeToString(api.node.genesis().genesisId().toByteArray()),
                info.get("genesisId").asText());
        assertTrue(info.get("labelsPerUnit").isTextual(), "uint64 is a string: " + info);
        assertEquals(String.valueOf(api.params.post().labelsPerUnit()), info.get("labelsPerUnit").asText());
        assertEquals("2026-01-01T00:00:00Z", info.get("genesisTime").asText());
    }

    @Test
    void nodeStatusPrintsEveryField() throws Exception {
        JsonNode status = JSON.readTree(post("/spacemesh.v2alpha1.NodeService/Status", "").body());
        assertEquals("2", status.get("connectedPeers").asText());
        assertEquals("SYNC_STATUS_SYNCING", status.get("status").asText());
        assertEquals(ApiFixture.LAYER, status.get("currentLayer").asLong());
    }

    @Test
    void anEmptyListIsPrintedAsAnEmptyArray() throws Exception {
        JsonNode list = JSON.readTree(post("/spacemesh.v2alpha1.ActivationService/List",
                "{\"limit\": 10, \"startEpoch\": 900, \"unknownField\": 1}").body());
        assertTrue(list.get("activations").isArray() && list.get("activations").isEmpty(), list.toString());
    }

    @Test
    void errorsAreCodeMessageDetailsWithTheGatewaysHttpStatus() throws Exception {
        HttpResponse<String> bad = post("/spacemesh.v2alpha1.ActivationService/List", "{\"limit\": 101}");
        assertEquals(400, bad.statusCode());
        JsonNode error = JSON.readTree(bad.body());
        assertEquals(3, error.get("code").asInt());
        assertEquals("limit is capped at 100", error.get("message").asText());
        assertTrue(error.get("details").isArray());

        HttpResponse<String> notJson = post("/spacemesh.v2alpha1.ActivationService/List", "{limit");
        assertEquals(400, notJson.statusCode());
        assertEquals(3, JSON.readTree(notJson.body()).get("code").asInt());

        HttpResponse<String> unknown = post("/spacemesh.v2alpha1.NoSuchService/List", "{}");
        assertEquals(404, unknown.statusCode());
        assertEquals(5, JSON.readTree(unknown.body()).get("code").asInt());
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port("json") + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
