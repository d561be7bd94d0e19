package io.smnode.node.poet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.actors.poet.PoetOutcome;
import io.smnode.actors.poet.PoetRegistration;
import io.smnode.actors.poet.PoetRegistrations;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.types.Bytes;
import io.smnode.poet.MembershipTree;
import io.smnode.poet.PoetInfo;
import io.smnode.poet.PoetVerifier;
import io.smnode.poet.PowParams;
import io.smnode.poet.RoundProof;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code smnode poet run} from the packaged jar, spoken to over HTTP as a remote node would: info, a signed
 * registration, the round's proof with the member in it, and a clean stop on SIGTERM.
 */
class PoetRunIT {
    private static final Duration START = Duration.ofSeconds(60);
    private static final Pattern SERVING = Pattern.compile("serving at http://127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path tmp;

    @Test
    void servesTheGatewayProvesTheRoundAndStopsOnSigterm() throws Exception {
        Instant genesis = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Path dir = tmp.resolve("poet");
        // Round 0 registers for 5 s after genesis and ends 3 s later.
        List<String> lines = new CopyOnWriteArrayList<>();
        Process process = start(lines, "poet", "run", "--data-dir", dir.toString(), "--listen", "127.0.0.1:0",
                "--genesis", genesis.toString(), "--epoch-duration", "4s", "--phase-shift", "5s", "--cycle-gap", "1s",
                "--pow-difficulty", "4");
        try {
            Matcher serving = SERVING.matcher(awaitLine(process, lines, l -> SERVING.matcher(l).find()));
            assertTrue(serving.find());
            HttpPoetClient client = new HttpPoetClient(URI.create("http://127.0.0.1:" + serving.group(1)),
                    Duration.ofSeconds(5));

            PoetInfo info = ok(client.info().toCompletableFuture().join());
            assertEquals(Duration.ofSeconds(5), info.phaseShift());
            assertEquals(32, info.servicePubKey().length());
            PowParams pow = ok(client.powParams().toCompletableFuture().join());
            EdSigner node = EdSigner.fromSeed(filled(32, 4), Bytes.of(filled(20, 2)));
            Bytes challenge = Bytes.of(filled(32, 0x33));
            PoetRegistration reg = ok(client.submit(PoetRegistrations.withPow(node, challenge, pow, Optional.empty()))
                    .toCompletableFuture().join());
            assertEquals("0", reg.roundId());

            RoundProof proof = null;
            long deadline = System.nanoTime() + START.toNanos();
            while (proof == null && System.nanoTime() < deadline) {
                PoetOutcome<RoundProof> outcome = client.proof("0").toCompletableFuture().join();
                if (outcome instanceof PoetOutcome.Ok<RoundProof> o) {
                    proof = o.value();
                } else {
                    assertInstanceOf(PoetOutcome.NotFound.class, outcome);
                    Thread.sleep(200);
                }
            }
            assertTrue(proof != null, "round 0 proven in time:\n" + String.join("\n", lines));
            MembershipTree.verify(challenge, MembershipTree.proof(proof.members(), proof.members().indexOf(challenge)),
                    proof.statement());
            PoetVerifier.verify(proof.proof().merkleProof(), proof.statement(), proof.proof().leafCount());

            process.toHandle().destroy();
            assertTrue(process.waitFor(START.toSeconds(), TimeUnit.SECONDS), "stopped on SIGTERM");
            Thread.sleep(100);
            int exit = process.exitValue();
            assertTrue(exit == 0 || exit == 143, "exit " + exit + ":\n" + String.join("\n", lines));
            assertTrue(lines.stream().anyMatch(l -> l.contains("PoET stopped")), String.join("\n", lines));
            assertTrue(Files.size(dir.resolve("registrations.log")) > 0);
            assertTrue(Files.isRegularFile(dir.resolve("server.key")));
        } finally {
            process.destroyForcibly();
        }
    }

    /** The packaged jar as a child process, its output collected (NodeProcess is private to io.smnode.node). */
    private static Process start(List<String> lines, String... args) throws IOException {
        Path jar = Path.of("target", "smnode.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no " + jar + ": integration tests run after `package`");
        }
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m", "-jar", jar.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("SMNODE_"));
        Process p = pb.start();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // The process ended.
            }
        }, "poet-output");
        reader.setDaemon(true);
        reader.start();
        return p;
    }

    private static String awaitLine(Process p, List<String> lines, java.util.function.Predicate<String> match)
            throws InterruptedException {
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline) {
            for (String l : lines) {
                if (match.test(l)) {
                    return l;
                }
            }
            if (!p.isAlive()) {
                break;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no matching line; output:\n" + String.join("\n", lines));
    }

    private static <T> T ok(PoetOutcome<T> outcome) {
        if (outcome instanceof PoetOutcome.Ok<T> o) {
            return o.value();
        }
        throw new AssertionError("not Ok: " + outcome);
    }

    private static byte[] filled(int length, int value) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return b;
    }
}
