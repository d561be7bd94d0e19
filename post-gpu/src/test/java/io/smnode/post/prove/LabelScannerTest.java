package io.smnode.post.prove;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.hash.Blake3;
import io.smnode.core.types.Hash32;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The optimized scanner (bulk AES, SWAR sweep, candidate merge) against a literal reading of spec 08 §2.4–2.5: for
 * each chunk, each group, each output byte k, test label {@code 8c + k/16} with nonce {@code 16g + k mod 16} through
 * {@link LabelQualifier}.
 */
class LabelScannerTest {
    private static final Hash32 CHALLENGE = Blake3.hash("scanner".getBytes());

    @ParameterizedTest(name = "difficulty {0}")
    @ValueSource(longs = {0x0080_0000_0000_0000L, 0x00ff_ffff_ffff_ffffL, 0x0c00_0000_0000_0000L,
            0x0c80_0000_0000_0000L, 0x7f12_3456_789a_bcdeL, 0x8000_0000_0000_0000L, 0xff00_0000_0000_0000L})
    void reportsWhatTheLiteralAlgorithmReports(long value) {
        ProvingDifficulty difficulty = new ProvingDifficulty(value);
        long[] pows = {3, 1L << 40, 77};
        int firstGroup = 5;
        // 70 000 bytes: several 32 KiB slices and a trailing partial chunk (70 000 mod 128 = 112) that must be skipped.
        byte[] batch = Blake3.xof(70_000, "labels".getBytes());
        long firstLabel = 1_000_000;

        List<long[]> fast = new ArrayList<>();
        new LabelScanner(CHALLENGE, firstGroup, pows, difficulty).scan(batch, batch.length, firstLabel,
                (nonce, index) -> fast.add(new long[] {nonce, index}) && false);

        List<long[]> literal = new ArrayList<>();
        LabelQualifier[] tests = new LabelQualifier[pows.length * 16];
        for (int i = 0; i < tests.length; i++) {
            tests[i] = LabelQualifier.of(CHALLENGE, firstGroup * 16 + i, pows[i / 16], difficulty);
        }
        for (int chunk = 0; chunk + Batching.CHUNK <= batch.length; chunk += Batching.CHUNK) {
            for (int g = 0; g < pows.length; g++) {
                for (int k = 0; k < Batching.CHUNK; k++) {
                    int label = chunk / Batching.LABEL + k / 16;
                    if (tests[g * 16 + k % 16].check(batch, label * Batching.LABEL) == LabelQualifier.Outcome.QUALIFIES) {
                        literal.add(new long[] {(firstGroup + g) * 16 + k % 16, firstLabel + label});
                    }
                }
            }
        }
        assertTrue(!literal.isEmpty(), "the case must exercise some qualifying pairs");
        assertEquals(literal.size(), fast.size());
        for (int i = 0; i < literal.size(); i++) {
            assertEquals(literal.get(i)[0], fast.get(i)[0], "nonce of report " + i);
            assertEquals(literal.get(i)[1], fast.get(i)[1], "label of report " + i);
        }
    }
}
