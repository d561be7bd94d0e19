package io.smnode.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The status page in headless Chromium (Debian's {@code chromium}): the page, rendered with its script run, shows the
 * layer number and the blocks table filled from the node's data; a screenshot is kept in
 * {@code api/target/status-page.png}. Without Chromium the test is skipped outside CI and fails in CI
 * ({@code .ci/run} installs it).
 */
class StatusPageIT {
    private static final Duration BROWSER_TIMEOUT = Duration.ofSeconds(90);
    private static ApiFixture api;
    private static String browser;

    @BeforeAll
    static void start() {
        Optional<String> found = chromium();
        if (found.isEmpty()) {
            if (System.getenv("CI") != null) {
                throw new AssertionError("chromium is not installed, and CI must run the status page test "
                        + "(.ci/run installs Debian's chromium)");
            }
            Assumptions.abort("chromium is not installed (apt-get install chromium): the status page browser test "
                    + "is skipped outside CI");
        }
        browser = found.get();
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
        String dom = run(List.of("--dump-dom", url));
        Matcher layer = Pattern.compile("id=\"layer\">(\\d+)<").matcher(dom);
        assertTrue(layer.find(), dom);
        assertEquals(String.valueOf(ApiFixture.LAYER), layer.group(1));
        String blocks = dom.substring(dom.indexOf("id=\"blocks\""));
        blocks = blocks.substring(0, blocks.indexOf("</table>"));
        for (long l = MeshHistory.FIRST; l <= MeshHistory.LAST; l++) {
            assertTrue(blocks.contains("<td>" + l + "</td>"), "layer " + l + " in the blocks table: " + blocks);
        }
        assertTrue(blocks.contains(MeshHistory.blockOf(MeshHistory.LAST).hex().substring(0, 12)), blocks);

        Path shot = Path.of("target", "status-page.png").toAbsolutePath();
        Files.deleteIfExists(shot);
        run(List.of("--window-size=1100,900", "--screenshot=" + shot, url));
        byte[] png = Files.readAllBytes(shot);
        assertTrue(png.length > 10_000, "a screenshot with content: " + png.length + " bytes");
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
    }

    /** One headless run that lets the page's script fetch and render (virtual time) before it dumps or shoots. */
    private static String run(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(browser, "--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--virtual-time-budget=5000",
                "--user-data-dir=" + Files.createTempDirectory("chromium")));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(BROWSER_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish within " + BROWSER_TIMEOUT);
        }
        assertEquals(0, p.exitValue(), "chromium's exit code");
        return out;
    }

    private static Optional<String> chromium() {
        for (String name : List.of("chromium", "chromium-browser")) {
            for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate.toString());
                }
            }
        }
        return Optional.empty();
    }
}
