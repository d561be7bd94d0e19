package io.smnode.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smnode.activation.AtxHeader;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.EpochId;
import io.smnode.persistence.WriteBatch;
import io.smnode.persistence.atx.AtxTables;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The status page's data and page over HTTP: what the browser test renders. */
class StatusPageTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ApiFixture api;

    @BeforeAll
    static void start() {
        api = new ApiFixture();
        new MeshHistory(api);
        AtxHeader own = new AtxHeader(AtxId.ofHex("0a".repeat(32)), EpochId.of(1), 0, AtxId.ZERO,
                api.params.smeshing().coinbase().orElseThrow(), 4, 0, 100, 7, ApiFixture.IDENTITY, 400,
                AtxHeader.Validity.VALID);
        api.store.write(WriteBatch.builder().put(AtxTables.ATX_HEADERS, own.id(), own).build());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        api.close();
    }

    @Test
    void statusJsonHasTheClockLayersRewardsAtxsAndPost() throws Exception {
        HttpResponse<String> r = get("/status.json");
        assertEquals(200, r.statusCode());
        JsonNode s = JSON.readTree(r.body());
        assertEquals(ApiFixture.LAYER, s.get("layer").asLong());
        assertEquals(ApiFixture.LAYER / 10, s.get("epoch").asLong());
        assertEquals("syncing", s.get("sync").asText());
        assertEquals(2, s.get("peers").asLong());
        assertEquals(MeshHistory.LAST, s.get("applied_layer").asLong());
        assertEquals(5, s.get("layers").size());
        JsonNode newest = s.get("layers").get(0);
        assertEquals(MeshHistory.LAST, newest.get("number").asLong());
        assertEquals(MeshHistory.blockOf(MeshHistory.LAST).hex(), newest.get("block").asText());
        assertEquals(2, newest.get("rewards").size());
        assertEquals(1, s.get("atxs").size());
        assertEquals("0a".repeat(32), s.get("atxs").get(0).get("id").asText());
        assertEquals("not started", s.get("post").get("state").asText(), "no PoST component in this test");
        assertEquals(4 * api.params.post().labelsPerUnit(), s.get("post").get("labels_total").asLong());
        assertTrue(s.get("coinbase").get("address").asText().startsWith("standalone1"));
    }

    @Test
    void thePageIsHtmlAndEverythingElseIsNotFound() throws Exception {
        HttpResponse<String> page = get("/");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("id=\"blocks\""));
        assertTrue(page.headers().firstValue("content-type").orElse("").startsWith("text/html"));
        assertEquals(404, get("/other").statusCode());
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port("status") + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
