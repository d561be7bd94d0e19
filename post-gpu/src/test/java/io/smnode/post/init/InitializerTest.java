package io.smnode.post.init;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.smnode.core.testing.Vectors;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.NodeId;
import io.smnode.post.label.CpuLabelBackend;
import io.smnode.post.label.LabelBackend;
import io.smnode.post.label.LabelBatcher;
import io.smnode.post.label.NonceScan;
import io.smnode.post.label.LabelGenerator;
import io.smnode.post.label.ScryptJane;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InitializerTest {
    private static final ExecutorService POOL = Executors.newFixedThreadPool(4);
    private static final NodeId NODE = NodeId.ofHex("77".repeat(32));
    private static final AtxId ATX = AtxId.ofHex("02".repeat(32));

    @TempDir
    Path tmp;

    @AfterAll
    static void shutdown() {
        POOL.shutdownNow();
    }

    static Stream<Arguments> fileLayouts() {
        return Vectors.casesWhere("post.json", "kind", "file_layout").stream()
                .map(c -> Arguments.of(Named.of(c.get("id").asText(), c)));
    }

    /** The vector's files, names and sizes, written by a real N = 2 run; every label equals scrypt-jane's. */
    @ParameterizedTest
    @MethodSource("fileLayouts")
    void writesTheReferenceFileLayout(JsonNode c) throws Exception {
        InitConfig cfg = new InitConfig(NODE, ATX, c.get("labels_per_unit").asLong(), c.get("num_units").asLong(),
                c.get("labels_per_file").asLong() * 16, 2, 64);
        InitResult r = init(tmp, cfg, 2);
        assertInstanceOf(InitResult.Completed.class, r);

        List<String> expected = new ArrayList<>();
        c.get("expected_files").forEach(n -> expected.add(n.asText()));
        if (c.has("metadata_file")) {
            assertTrue(Files.exists(tmp.resolve(c.get("metadata_file").asText())));
        }
        List<String> dataFiles = new ArrayList<>();
        try (Stream<Path> files = Files.list(tmp)) {
            files.map(p -> p.getFileName().toString()).filter(n -> FileLayout.DATA_FILE.matcher(n).matches())
                    .sorted((a, b) -> Integer.compare(number(a), number(b))).forEach(dataFiles::add);
        }
        assertEquals(expected, dataFiles);
        assertEquals(List.of(PostMetadata.FILE_NAME), listNonData(tmp), "no checkpoint left after completion");

        ByteArrayConcat all = new ByteArrayConcat();
        for (String name : dataFiles) {
            byte[] b = Files.readAllBytes(tmp.resolve(name));
            assertEquals(FileLayoutTest.expectedSize(c, name), b.length, name);
            all.add(b);
        }
        assertEquals(c.get("expected_total").asLong(), all.size());
        ScryptJane gen = new ScryptJane(cfg.commitment(), 2);
        byte[] out = new byte[32];
        for (int i = 0; i < cfg.totalLabels(); i++) {
            gen.output(i, out, 0);
            assertArrayEquals(Arrays.copyOf(out, 16), all.slice(16 * i, 16), "label " + i);
        }
    }

    @Test
    void theNonceIsTheSmallestQualifyingOutputAndIsStoredAsGoDoes() throws Exception {
        InitConfig cfg = new InitConfig(NODE, ATX, 100, 10, 240, 2, 64);
        PostMetadata m = ((InitResult.Completed) init(tmp, cfg, 2)).metadata();

        byte[] threshold = VrfDifficulty.threshold(1000);
        ScryptJane gen = new ScryptJane(cfg.commitment(), 2);
        byte[] out = new byte[32];
        byte[] best = null;
        long bestIndex = -1;
        for (int i = 0; i < 1000; i++) {
            gen.output(i, out, 0);
            if (Arrays.compareUnsigned(out, threshold) < 0 && (best == null || Arrays.compareUnsigned(out, best) < 0)) {
                best = out.clone();
                bestIndex = i;
            }
        }
        assertTrue(bestIndex >= 0, "this configuration has a nonce inside the data");
        assertEquals(bestIndex, m.nonce().getAsLong());
        assertEquals(io.smnode.core.util.Hex.encode(Arrays.copyOf(best, 16)), m.nonceValue().orElseThrow().hex());
        assertTrue(m.lastPosition().isEmpty());
        assertEquals(m, MetadataJson.read(Files.readAllBytes(tmp.resolve(PostMetadata.FILE_NAME))));
    }

    @Test
    void threadCountAndBatchSizeDoNotChangeOneByte() throws Exception {
        Path one = Files.createDirectory(tmp.resolve("one"));
        Path many = Files.createDirectory(tmp.resolve("many"));
        Path other = Files.createDirectory(tmp.resolve("other"));
        init(one, new InitConfig(NODE, ATX, 256, 3, 700 * 16, 4, 100), 1);
        init(many, new InitConfig(NODE, ATX, 256, 3, 700 * 16, 4, 100), 4);
        init(other, new InitConfig(NODE, ATX, 256, 3, 700 * 16, 4, 33), 3);
        Map<String, String> expected = DirContents.of(one);
        assertEquals(expected, DirContents.of(many));
        assertEquals(expected, DirContents.of(other));
    }

    @Test
    void cancelledRunResumesWithoutRedoingAndEndsWithTheSameBytes() throws Exception {
        Path whole = Files.createDirectory(tmp.resolve("whole"));
        Path parts = Files.createDirectory(tmp.resolve("parts"));
        InitConfig cfg = new InitConfig(NODE, ATX, 100, 10, 240, 2, 50);
        init(whole, cfg, 3);

        List<InitProgress> first = new ArrayList<>();
        Initializer[] self = new Initializer[1];
        self[0] = new Initializer(parts, cfg, CpuLabelBackend.scryptJane(3), POOL, new AtomicLong()::incrementAndGet,
                p -> {
                    first.add(p);
                    if (first.size() == 4) {
                        self[0].cancel();
                    }
                });
        InitResult r = self[0].run();
        InitResult.Cancelled cancelled = assertInstanceOf(InitResult.Cancelled.class, r);
        assertEquals(200, cancelled.labelsDone(), "four batches of 50 were durable when cancel was seen");
        InitStatus st = Initializer.status(parts);
        assertEquals(InitStatus.State.IN_PROGRESS, st.state());
        assertEquals(200, st.labelsDone());
        assertEquals(20.0, st.percent(), 1e-9);

        List<InitProgress> second = new ArrayList<>();
        InitResult done = new Initializer(parts, cfg, CpuLabelBackend.scryptJane(2), POOL,
                new AtomicLong()::incrementAndGet, second::add).run();
        assertInstanceOf(InitResult.Completed.class, done);
        assertEquals(250, second.get(0).labelsDone(), "the resumed run starts after the durable labels");
        assertEquals(16, second.size());
        assertEquals(DirContents.of(whole), DirContents.of(parts));
        assertEquals(InitStatus.State.COMPLETE, Initializer.status(parts).state());
    }

    @Test
    void progressReportsPercentRateAndEtaFromTheGivenClock() throws Exception {
        InitConfig cfg = new InitConfig(NODE, ATX, 100, 2, 3200, 2, 50);
        long[] now = {0};
        List<InitProgress> seen = new ArrayList<>();
        // one second passes between two readings of the clock
        new Initializer(tmp, cfg, CpuLabelBackend.scryptJane(1), POOL, () -> now[0] += 1_000_000_000L, seen::add)
                .run();
        assertEquals(4, seen.size());
        assertEquals(25.0, seen.get(0).percent(), 1e-9);
        assertEquals(100.0, seen.get(3).percent(), 1e-9);
        // first report: clock read at start (1 s) and at the report (2 s) -> 50 labels in 1 s
        assertEquals(50.0, seen.get(0).labelsPerSecond(), 1e-9);
        assertEquals(50.0 * 16 / (1024 * 1024), seen.get(0).mibPerSecond(), 1e-12);
        assertEquals(3, seen.get(0).eta().orElseThrow().toSeconds(), "150 labels left at 50 labels/s");
        assertTrue(seen.get(3).eta().isEmpty());
        assertTrue(seen.get(3).nonceFound());
    }

    @Test
    void aCompletedDirectoryIsNotRecomputed() throws Exception {
        InitConfig cfg = new InitConfig(NODE, ATX, 100, 2, 3200, 2, 50);
        InitResult first = init(tmp, cfg, 2);
        Map<String, String> before = DirContents.of(tmp);
        List<InitProgress> seen = new ArrayList<>();
        InitResult again = new Initializer(tmp, cfg, CpuLabelBackend.scryptJane(2), POOL, System::nanoTime, seen::add)
                .run();
        assertEquals(first, again);
        assertTrue(seen.isEmpty());
        assertEquals(before, DirContents.of(tmp));
    }

    @Test
    void anotherIdentityOrSizeIsRefused() throws Exception {
        init(tmp, new InitConfig(NODE, ATX, 100, 2, 3200, 2, 50), 1);
        for (InitConfig other : List.of(new InitConfig(NodeId.ofHex("01".repeat(32)), ATX, 100, 2, 3200, 2, 50),
                new InitConfig(NODE, AtxId.ZERO, 100, 2, 3200, 2, 50), new InitConfig(NODE, ATX, 100, 3, 3200, 2, 50),
                new InitConfig(NODE, ATX, 100, 2, 1600, 2, 50))) {
            InitException e = assertThrows(InitException.class, () -> init(tmp, other, 1));
            assertEquals(InitException.Reason.CONFIG_MISMATCH, e.reason());
        }
    }

    @Test
    void aShortenedDataFileOfACompletedDirectoryIsReported() throws Exception {
        InitConfig cfg = new InitConfig(NODE, ATX, 100, 2, 1600, 2, 50);
        init(tmp, cfg, 1);
        try (var ch = java.nio.channels.FileChannel.open(tmp.resolve("postdata_1.bin"),
                java.nio.file.StandardOpenOption.WRITE)) {
            ch.truncate(100);
        }
        assertEquals(InitStatus.State.DAMAGED, Initializer.status(tmp).state());
        assertEquals(InitException.Reason.BAD_DATA_FILES, assertThrows(InitException.class, () -> init(tmp, cfg, 1))
                .reason());
    }

    /**
     * When no label of the data qualifies (probability about e^-8 per identity), the search goes on past the data
     * without storing. The identity is found by brute force so that the test does not depend on luck.
     */
    @Test
    void searchesPastTheDataWhenTheDataHasNoNonce() throws Exception {
        int total = 16;
        byte[] threshold = VrfDifficulty.threshold(total);
        byte[] out = new byte[32];
        NodeId node = null;
        for (int k = 0; node == null; k++) {
            NodeId candidate = NodeId.ofHex(String.format("%064x", k));
            ScryptJane gen = new ScryptJane(io.smnode.post.label.Commitment.of(candidate, ATX), 2);
            boolean hit = false;
            for (int i = 0; i < total && !hit; i++) {
                gen.output(i, out, 0);
                hit = Arrays.compareUnsigned(out, threshold) < 0;
            }
            node = hit ? null : candidate;
        }
        InitConfig cfg = new InitConfig(node, ATX, total, 1, 16 * 16, 2, 4);
        PostMetadata m = ((InitResult.Completed) init(tmp, cfg, 3)).metadata();

        // expected: the smallest qualifying output of the first batch of 4 past the data that has one
        ScryptJane gen = new ScryptJane(cfg.commitment(), 2);
        long expectedNonce = -1;
        long batchStart = total;
        byte[] best = null;
        while (expectedNonce < 0) {
            for (long i = batchStart; i < batchStart + 4; i++) {
                gen.output(i, out, 0);
                if (Arrays.compareUnsigned(out, threshold) < 0 && (best == null || Arrays.compareUnsigned(out, best) < 0)) {
                    best = out.clone();
                    expectedNonce = i;
                }
            }
            batchStart += expectedNonce < 0 ? 4 : 0;
        }
        assertEquals(expectedNonce, m.nonce().getAsLong());
        assertEquals(batchStart, m.lastPosition().getAsLong());
        assertEquals(16 * 16, Files.size(tmp.resolve("postdata_0.bin")), "labels past the data are not stored");
    }

    /** A backend failure (say a GPU label that differs from the CPU's) stops the run before that batch is written. */
    @Test
    void aFailingBatchIsNeverWrittenAndEveryBatcherIsClosed() throws Exception {
        InitConfig cfg = new InitConfig(NODE, ATX, 100, 4, 3200, 2, 25);
        Path dir = Files.createDirectory(tmp.resolve("failed"));
        CpuLabelBackend cpu = CpuLabelBackend.scryptJane(3);
        AtomicLong opened = new AtomicLong();
        AtomicLong closed = new AtomicLong();
        LabelBackend failing = new LabelBackend() {
            @Override
            public String name() {
                return "failing";
            }

            @Override
            public int concurrency() {
                return 3;
            }

            @Override
            public int preferredBatchLabels(int n) {
                return 25;
            }

            @Override
            public LabelBatcher open(io.smnode.core.types.Hash32 commitment, int n) {
                opened.incrementAndGet();
                LabelBatcher real = cpu.open(commitment, n);
                return new LabelBatcher() {
                    @Override
                    public boolean compute(long start, int count, byte[] labels, int offset, NonceScan nonces,
                                           java.util.function.BooleanSupplier cancelled) {
                        if (start == 150) {
                            throw new IllegalStateException("device label differs");
                        }
                        return real.compute(start, count, labels, offset, nonces, cancelled);
                    }

                    @Override
                    public void close() {
                        closed.incrementAndGet();
                        real.close();
                    }
                };
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new Initializer(dir, cfg, failing, POOL, System::nanoTime, InitListener.NONE).run());
        assertEquals("device label differs", e.getMessage());
        assertEquals(opened.get(), closed.get(), "every batcher closed");
        assertEquals(150, Initializer.status(dir).labelsDone());
        assertEquals(150 * 16, Files.size(dir.resolve("postdata_0.bin")), "nothing at or after the failed batch");

        new Initializer(dir, cfg, cpu, POOL, System::nanoTime, InitListener.NONE).run();
        Path clean = Files.createDirectory(tmp.resolve("clean"));
        init(clean, cfg, 1);
        assertEquals(DirContents.of(clean), DirContents.of(dir));
    }

    private static InitResult init(Path dir, InitConfig cfg, int threads) throws IOException, InitException {
        return new Initializer(dir, cfg, CpuLabelBackend.scryptJane(threads), POOL, System::nanoTime,
                InitListener.NONE).run();
    }

    private static int number(String dataFileName) {
        var m = FileLayout.DATA_FILE.matcher(dataFileName);
        assertTrue(m.matches());
        return Integer.parseInt(m.group(1));
    }

    private static List<String> listNonData(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> !FileLayout.DATA_FILE.matcher(n).matches()).sorted().toList();
        }
    }

    /** Concatenated file contents. */
    private static final class ByteArrayConcat {
        private final java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();

        void add(byte[] b) {
            all.writeBytes(b);
        }

        long size() {
            return all.size();
        }

        byte[] slice(int from, int len) {
            return Arrays.copyOfRange(all.toByteArray(), from, from + len);
        }
    }
}
