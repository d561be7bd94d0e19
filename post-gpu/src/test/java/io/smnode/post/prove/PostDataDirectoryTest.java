package io.smnode.post.prove;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The data-file reader against the reference file layout, and the per-file partial-chunk skip of the scanner. */
class PostDataDirectoryTest {
    @TempDir
    Path dir;

    static Stream<Arguments> layoutCases() {
        return PostVectors.ofKind("file_layout");
    }

    /** Writes the layout the reference initializer produces (labels_per_file per file) with label i's bytes = i. */
    private byte[] writeLayout(long totalLabels, long labelsPerFile) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (long first = 0, k = 0; first < totalLabels; first += labelsPerFile, k++) {
            ByteArrayOutputStream file = new ByteArrayOutputStream();
            for (long i = first; i < Math.min(totalLabels, first + labelsPerFile); i++) {
                file.write(label(i));
            }
            Files.write(dir.resolve("postdata_" + k + ".bin"), file.toByteArray());
            all.write(file.toByteArray());
        }
        return all.toByteArray();
    }

    private static byte[] label(long i) {
        byte[] b = new byte[16];
        for (int j = 0; j < 8; j++) {
            b[j] = (byte) (i >>> (8 * j));
        }
        return b;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layoutCases")
    void readsEveryLabelAtItsPosition(String id, JsonNode c) throws IOException {
        long total = c.get("labels_per_unit").asLong() * c.get("num_units").asLong();
        long perFile = c.get("labels_per_file").asLong();
        byte[] expected = writeLayout(total, perFile);
        Files.write(dir.resolve("postdata_metadata.json"), new byte[] {'{', '}'});
        Files.write(dir.resolve("postdata_x.bin"), new byte[16]);

        PostDataDirectory data = new PostDataDirectory(dir, perFile * 16);
        List<String> names = data.dataFiles().stream().map(p -> p.getFileName().toString()).toList();
        List<String> expectedNames = new ArrayList<>();
        c.get("expected_files").forEach(n -> expectedNames.add(n.asText()));
        assertEquals(expectedNames, names);

        ByteArrayOutputStream read = new ByteArrayOutputStream();
        byte[] buffer = new byte[128 * 4];
        try (LabelSource source = data.open()) {
            int n;
            while ((n = source.read(buffer)) > 0) {
                // Each batch's first label is where its bytes say they came from.
                assertArrayEquals(label(source.batchFirstLabel()), java.util.Arrays.copyOf(buffer, 16));
                read.write(buffer, 0, n);
            }
        }
        assertEquals(c.get("expected_total").asLong(), read.size());
        assertArrayEquals(expected, read.toByteArray());
    }

    @Test
    void scannerSkipsThePartialChunkAtTheEndOfEachFile() throws IOException {
        writeLayout(40, 15); // files of 15, 15, 10 labels: each ends with a partial 8-label chunk
        List<Long> reported = new ArrayList<>();
        LabelScanner everything = new LabelScanner(io.smnode.core.types.Hash32.ZERO, 0, new long[] {0},
                new ProvingDifficulty(-1L));
        byte[] buffer = new byte[Batching.BATCH];
        try (LabelSource source = new PostDataDirectory(dir, 15 * 16).open()) {
            int n;
            while ((n = source.read(buffer)) > 0) {
                everything.scan(buffer, n, source.batchFirstLabel(), (nonce, index) -> {
                    if (nonce == 0) {
                        reported.add(index);
                    }
                    return false;
                });
            }
        }
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 15L, 16L, 17L, 18L, 19L, 20L, 21L, 22L,
                30L, 31L, 32L, 33L, 34L, 35L, 36L, 37L), reported);
    }
}
