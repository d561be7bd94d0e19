package io.smnode.poet;

import io.smnode.core.types.Bytes;
import java.nio.charset.StandardCharsets;

/**
 * Prints the prover's speed (leaves/s on the calling thread) and the time to verify a T = 150 proof. Not a test:
 * run with {@code java -cp <poet test+main classes, core, bcprov> io.smnode.poet.PoswBenchmark [leaves]}.
 * Lives with the tests because the module's main code has no clock.
 */
public final class PoswBenchmark {
    private PoswBenchmark() {}

    public static void main(String[] args) throws Exception {
        long leaves = args.length > 0 ? Long.parseLong(args[0]) : 200_000;
        Bytes statement = Bytes.wrap("benchmark statement".getBytes(StandardCharsets.US_ASCII));
        // Warm-up so the JIT has compiled the hot loop before timing.
        PoswProver warm = PoswProver.start(statement, new MemoryTreeStore());
        warm.addLeaves(20_000);
        PoetVerifier.verify(warm.proof().merkleProof(), statement, 20_000);

        PoswProver prover = PoswProver.start(statement, new MemoryTreeStore());
        long t0 = System.nanoTime();
        prover.addLeaves(leaves);
        long t1 = System.nanoTime();
        PoetProof proof = prover.proof();
        long t2 = System.nanoTime();
        int runs = 20;
        for (int i = 0; i < runs; i++) {
            PoetVerifier.verify(proof.merkleProof(), statement, leaves);
        }
        long t3 = System.nanoTime();
        System.out.printf("prover: %d leaves in %.2f s = %.0f leaves/s (%.1f us/leaf)%n", leaves, (t1 - t0) / 1e9,
                leaves / ((t1 - t0) / 1e9), (t1 - t0) / 1e3 / leaves);
        System.out.printf("proof generation: %.1f ms, %d proof nodes%n", (t2 - t1) / 1e6,
                proof.merkleProof().proofNodes().size());
        System.out.printf("verification (T=150): %.2f ms per proof (mean of %d)%n", (t3 - t2) / 1e6 / runs, runs);
    }
}
