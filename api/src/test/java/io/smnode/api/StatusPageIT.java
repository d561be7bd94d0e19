package io.smnode.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The status page in headless Chromium over an API whose consensus store the VM filled: the page, rendered with its
 * script run, shows the layer number and the blocks table; a screenshot is kept in
 * {@code api/target/status-page.png}. (The node's StandaloneWalletIT does the same over a running node.)
 */
class StatusPageIT {
    private static ApiFixture api;
    private static HeadlessChromium browser;

    @BeforeAll
    static void start() {
        browser = HeadlessChromium.require();
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
    void theRenderedPageShowsTheLayerAndTheBlocksTable() throws Exception {
        String url = "http://127.0.0.1:" + api.port("status") + "/";
        String dom = browser.dom(url);
        assertEquals(ApiFixture.LAYER, HeadlessChromium.shownLayer(dom));
        String blocks = HeadlessChromium.blocksTable(dom);
        for (long l = MeshHistory.FIRST; l <= MeshHistory.LAST; l++) {
            assertTrue(blocks.contains("<td>" + l + "</td>"), "layer " + l + " in the blocks table: " + blocks);
        }
        assertTrue(blocks.contains(MeshHistory.blockOf(MeshHistory.LAST).hex().substring(0, 12)), blocks);
        browser.screenshot(url, Path.of("target", "status-page.png"));
    }
}
