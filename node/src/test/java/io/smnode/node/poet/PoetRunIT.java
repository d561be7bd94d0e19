package io.smnode.node.poet;

import io.smnode.testkit.NodeProcess;
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
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Optional;
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
        // Round 0 registers for 5 s after genesis and ends 3 s later; a slow start registers in a later round (every
        // 4 s), so the test follows the round the registration went into.
        try (NodeProcess process = NodeProcess.start("poet", "run", "--data-dir", dir.toString(), "--listen", "127.0.0.1:0",
                "--genesis", genesis.toString(), "--epoch-duration", "4s", "--phase-shift", "5s", "--cycle-gap", "1s",
                "--pow-difficulty", "4")) {
            Matcher serving = SERVING.matcher(process.awaitLine(l -> SERVING.matcher(l).find(), START));
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
            assertTrue(!reg.roundEnd().isNegative() && reg.roundEnd().compareTo(Duration.ofSeconds(8)) <= 0,
                    "round " + reg.roundId() + " ends within a phase shift and a round: " + reg.roundEnd());

            RoundProof proof = null;
            long deadline = System.nanoTime() + START.toNanos();
            while (proof == null && System.nanoTime() < deadline) {
                PoetOutcome<RoundProof> outcome = client.proof(reg.roundId()).toCompletableFuture().join();
                if (outcome instanceof PoetOutcome.Ok<RoundProof> o) {
                    proof = o.value();
                } else {
                    assertInstanceOf(PoetOutcome.NotFound.class, outcome);
                    Thread.sleep(200);
                }
            }
            assertTrue(proof != null, "round " + reg.roundId() + " proven in time:\n" + process.output());
            MembershipTree.verify(challenge, MembershipTree.proof(proof.members(), proof.members().indexOf(challenge)),
                    proof.statement());
            PoetVerifier.verify(proof.proof().merkleProof(), proof.statement(), proof.proof().leafCount());

            process.terminate();
            int exit = process.waitFor(START);
            assertTrue(exit == 0 || exit == 143, "exit " + exit + ":\n" + process.output());
            assertTrue(process.output().contains("PoET stopped"), process.output());
            assertTrue(Files.size(dir.resolve("registrations.log")) > 0);
            assertTrue(Files.isRegularFile(dir.resolve("server.key")));
        }
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
