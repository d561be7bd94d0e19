package io.smnode.persistence;

import static io.smnode.persistence.TestTables.BLOBS;
import static io.smnode.persistence.TestTables.LAYERS;
import static io.smnode.persistence.TestTables.NAMES;
import static io.smnode.persistence.TestTables.filled;
import static io.smnode.persistence.TestTables.schema;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.types.Bytes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The LMDB map starts tiny and must grow under writes (and concurrent reads) without the caller noticing. */
class LmdbMapGrowthTest {
    private static final long KIB = 1 << 10;
    private static final long MIB = 1 << 20;

    @TempDir
    Path dir;

    private LmdbStore open(long initial, long max) {
        return LmdbStore.open(new LmdbConfig(dir, initial, max, 64), schema(1));
    }

    @Test
    void writesBeyondTheInitialMapGrowItTransparently() {
        try (LmdbStore store = open(64 * KIB, 256 * MIB)) {
            assertEquals(64 * KIB, store.mapSizeBytes());
            for (int b = 0; b < 40; b++) { // 40 batches of 100 KiB: 4 MB in all
                store.write(WriteBatch.builder().put(BLOBS, Bytes.wrap(new byte[] {(byte) b}), filled(100_000, b))
                        .build());
            }
            Bytes big = filled(3_000_000, 0x5A); // one batch far larger than the map at that moment
            store.write(WriteBatch.builder().put(BLOBS, Bytes.ofHex("ffff"), big).build());
            assertTrue(store.mapSizeBytes() >= 8 * MIB, "map is " + store.mapSizeBytes());
            assertEquals(Optional.of(big), store.get(BLOBS, Bytes.ofHex("ffff")));
            assertEquals(Optional.of(filled(100_000, 39)), store.get(BLOBS, Bytes.wrap(new byte[] {39})));
        }
        try (LmdbStore store = open(64 * KIB, 256 * MIB)) {
            assertEquals(41, store.count(BLOBS), "grown data survives a reopen with a small configured map");
            assertEquals(Optional.of(filled(100_000, 0)), store.get(BLOBS, Bytes.wrap(new byte[] {0})));
        }
    }

    @Test
    void batchBeyondTheMaximumFailsCleanlyAndTheStoreStaysUsable() {
        try (LmdbStore store = open(64 * KIB, 512 * KIB)) {
            store.write(WriteBatch.builder().put(NAMES, "before", 1L).build());
            WriteBatch tooBig = WriteBatch.builder().put(NAMES, "partial", 2L)
                    .put(BLOBS, Bytes.ofHex("01"), filled(1_000_000, 1)).build();
            StoreFullException e = assertThrows(StoreFullException.class, () -> store.write(tooBig));
            assertTrue(e.getMessage().contains("524288 bytes"), e.getMessage());
            assertEquals(512 * KIB, store.mapSizeBytes(), "it grew as far as allowed before giving up");
            assertFalse(store.contains(NAMES, "partial"));
            assertEquals(0, store.count(BLOBS));
            store.write(WriteBatch.builder().put(BLOBS, Bytes.ofHex("02"), filled(100_000, 2)).build());
            assertEquals(Optional.of(1L), store.get(NAMES, "before"));
            assertTrue(store.contains(BLOBS, Bytes.ofHex("02")));
        }
    }

    /** Each batch adds rows and bumps a counter in the same batch; every snapshot must agree with itself. */
    @Test
    void readersKeepASeamlessViewWhileTheMapGrows() throws Exception {
        int rowsPerBatch = 20;
        try (LmdbStore store = open(64 * KIB, 256 * MIB)) {
            store.write(WriteBatch.builder().put(NAMES, "batches", 0L).build());
            AtomicBoolean done = new AtomicBoolean();
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<?>> readers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                readers.add(pool.submit(() -> {
                    while (!done.get()) {
                        store.snapshot(r -> {
                            long batches = r.get(NAMES, "batches").orElseThrow();
                            if (r.count(LAYERS) != batches * rowsPerBatch) {
                                failures.add(batches + " batches but " + r.count(LAYERS) + " rows");
                            }
                            return null;
                        });
                    }
                }));
            }
            long row = 0;
            for (long b = 1; b <= 150; b++) {
                WriteBatch.Builder batch = WriteBatch.builder().put(NAMES, "batches", b);
                for (int i = 0; i < rowsPerBatch; i++) {
                    batch.put(LAYERS, row++, filled(1000, (int) b));
                }
                store.write(batch.build());
            }
            done.set(true);
            for (Future<?> reader : readers) {
                reader.get(30, TimeUnit.SECONDS);
            }
            pool.shutdown();
            assertEquals(List.of(), new ArrayList<>(failures));
            assertTrue(store.mapSizeBytes() >= 2 * MIB, "3 MB of rows must have grown the map: "
                    + store.mapSizeBytes());
            assertEquals(150L * rowsPerBatch, store.count(LAYERS));
        }
    }
}
