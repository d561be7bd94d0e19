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
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's {@code chromium}, headless, for the status page's browser tests: the rendered DOM (the page's script run
 * in virtual time) and screenshots. Without Chromium a test is skipped outside CI and fails in CI ({@code .ci/run}
 * installs it).
 */
public final class HeadlessChromium {
    private static final Duration BROWSER_TIMEOUT = Duration.ofSeconds(90);

    private final String browser;

    private HeadlessChromium(String browser) {
        this.browser = browser;
    }

    /** The installed browser; aborts the calling test outside CI when there is none. */
    public static HeadlessChromium require() {
        Optional<String> found = find();
        if (found.isEmpty()) {
            if (System.getenv("CI") != null) {
                throw new AssertionError("chromium is not installed, and CI must run the status page test "
                        + "(.ci/run installs Debian's chromium)");
            }
            Assumptions.abort("chromium is not installed (apt-get install chromium): the status page browser test "
                    + "is skipped outside CI");
        }
        return new HeadlessChromium(found.get());
    }

    /** The page's DOM once its script fetched and rendered. */
    public String dom(String url) throws IOException, InterruptedException {
        return run(List.of("--dump-dom", url));
    }

    /** A PNG screenshot of the page into {@code shot} (checked to be a PNG with content). */
    public void screenshot(String url, Path shot) throws IOException, InterruptedException {
        Files.createDirectories(shot.toAbsolutePath().getParent());
        Files.deleteIfExists(shot);
        run(List.of("--window-size=1100,900", "--screenshot=" + shot.toAbsolutePath(), url));
        byte[] png = Files.readAllBytes(shot);
        assertTrue(png.length > 10_000, "a screenshot with content: " + png.length + " bytes");
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
    }

    /** The layer number the rendered page shows. */
    public static long shownLayer(String dom) {
        Matcher layer = Pattern.compile("id=\"layer\">(\\d+)<").matcher(dom);
        assertTrue(layer.find(), dom);
        return Long.parseLong(layer.group(1));
    }

    /** The rendered blocks table, from its opening to its end. */
    public static String blocksTable(String dom) {
        int at = dom.indexOf("id=\"blocks\"");
        assertTrue(at >= 0, dom);
        String blocks = dom.substring(at);
        return blocks.substring(0, blocks.indexOf("</table>"));
    }

    /** One headless run that lets the page's script fetch and render (virtual time) before it dumps or shoots. */
    private String run(List<String> args) throws IOException, InterruptedException {
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

    private static Optional<String> find() {
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
