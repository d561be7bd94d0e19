package io.smnode.persistence;

import static io.smnode.persistence.TestTables.ATX_BY_NODE;
import static io.smnode.persistence.TestTables.BLOBS;
import static io.smnode.persistence.TestTables.BLOCKS;
import static io.smnode.persistence.TestTables.LAYERS;
import static io.smnode.persistence.TestTables.NAMES;
import static io.smnode.persistence.TestTables.NODE_EPOCH;
import static io.smnode.persistence.TestTables.filled;
import static io.smnode.persistence.TestTables.hash;
import static io.smnode.persistence.TestTables.node;
import static io.smnode.persistence.TestTables.schema;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.types.Bytes;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.NodeId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link Store} must have, run once per implementation. Each test instance owns one fresh
 * location (a temp directory or an in-memory volume); {@link #open} opens a store there, so opening again after
 * closing is a reopen.
 */
abstract class StoreContractTest {

    /** Opens a store on this test's location. */
    protected abstract Store open(Schema schema);

    // ---- round trips, one per codec ----

    @Test
    void longKeysAndBytesValuesRoundTrip() {
        try (Store store = open(schema(1))) {
            long[] keys = {0L, 1L, 255L, 1L << 32, Long.MAX_VALUE, -1L};
            WriteBatch.Builder batch = WriteBatch.builder();
            for (long k : keys) {
                batch.put(LAYERS, k, Bytes.wrap(("layer " + k).getBytes()));
            }
            store.write(batch.put(LAYERS, 7L, Bytes.EMPTY).build());
            for (long k : keys) {
                assertEquals(Optional.of(Bytes.wrap(("layer " + k).getBytes())), store.get(LAYERS, k));
            }
            assertEquals(Optional.of(Bytes.EMPTY), store.get(LAYERS, 7L), "an empty value is a value");
            assertEquals(Optional.empty(), store.get(LAYERS, 2L));
        }
    }

    @Test
    void fixedIdKeysAndStringValuesRoundTrip() {
        try (Store store = open(schema(1))) {
            Hash32 id = Hash32.ofHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
            store.write(WriteBatch.builder().put(BLOCKS, id, "héllo \uD83D\uDE80").put(BLOCKS, hash(0), "").build());
            assertEquals(Optional.of("héllo \uD83D\uDE80"), store.get(BLOCKS, id));
            assertEquals(Optional.of(""), store.get(BLOCKS, hash(0)));
            assertFalse(store.contains(BLOCKS, hash(1)));
        }
    }

    @Test
    void stringKeysAndLongValuesRoundTrip() {
        try (Store store = open(schema(1))) {
            store.write(WriteBatch.builder().put(NAMES, "ä\uD83D\uDE80", -5L).put(NAMES, "x", Long.MIN_VALUE).build());
            assertEquals(Optional.of(-5L), store.get(NAMES, "ä\uD83D\uDE80"));
            assertEquals(Optional.of(Long.MIN_VALUE), store.get(NAMES, "x"));
        }
    }

    @Test
    void bytesKeysRoundTripUpToTheKeyLimit() {
        try (Store store = open(schema(1))) {
            Bytes longest = filled(Store.MAX_KEY_BYTES, 0xAB);
            Bytes value = filled(100_000, 7);
            store.write(WriteBatch.builder().put(BLOBS, longest, value).put(BLOBS, filled(1, 0), Bytes.EMPTY).build());
            assertEquals(Optional.of(value), store.get(BLOBS, longest));
            assertEquals(Optional.of(Bytes.EMPTY), store.get(BLOBS, filled(1, 0)));
            assertFalse(store.contains(BLOBS, filled(Store.MAX_KEY_BYTES + 1, 0xAB)), "an unstorable key is absent");
            assertFalse(store.contains(BLOBS, Bytes.EMPTY));
        }
    }

    @Test
    void prefixedKeysRoundTrip() {
        try (Store store = open(schema(1))) {
            PrefixedKey<NodeId> key = new PrefixedKey<>(node(9), 12345L);
            store.write(WriteBatch.builder().put(ATX_BY_NODE, key, hash(3)).build());
            assertEquals(Optional.of(hash(3)), store.get(ATX_BY_NODE, key));
            List<PrefixedKey<NodeId>> keys = keys(store, ATX_BY_NODE, KeyRange.all());
            assertEquals(List.of(key), keys, "the key decodes back to an equal record");
        }
    }

    // ---- scan order and ranges ----

    @Test
    void longKeysScanInUnsignedOrder() {
        try (Store store = open(schema(1))) {
            List<Long> values = new ArrayList<>(List.of(-1L, 0L, 255L, 256L, 1L << 32, Long.MAX_VALUE, Long.MIN_VALUE,
                    3L));
            Collections.shuffle(values, new Random(1));
            WriteBatch.Builder batch = WriteBatch.builder();
            values.forEach(v -> batch.put(LAYERS, v, Bytes.EMPTY));
            store.write(batch.build());
            List<Long> expected = new ArrayList<>(values);
            expected.sort(Long::compareUnsigned);
            assertEquals(expected, keys(store, LAYERS, KeyRange.all()));
            assertEquals(List.of(0L, 3L, 255L, 256L, 1L << 32, Long.MAX_VALUE, Long.MIN_VALUE, -1L), expected);
        }
    }

    @Test
    void bytesAndStringKeysScanInUnsignedLexicographicOrder() {
        try (Store store = open(schema(1))) {
            List<Bytes> blobs = List.of(Bytes.ofHex("ff"), Bytes.ofHex("00"), Bytes.ofHex("0000"), Bytes.ofHex("7f"),
                    Bytes.ofHex("80"), Bytes.ofHex("01ff"), Bytes.ofHex("01"));
            List<String> names = List.of("b", "a", "ab", "é", "z", "A", "\uD83D\uDE80");
            WriteBatch.Builder batch = WriteBatch.builder();
            blobs.forEach(b -> batch.put(BLOBS, b, Bytes.EMPTY));
            names.forEach(n -> batch.put(NAMES, n, 0L));
            store.write(batch.build());
            assertEquals(List.of(Bytes.ofHex("00"), Bytes.ofHex("0000"), Bytes.ofHex("01"), Bytes.ofHex("01ff"),
                    Bytes.ofHex("7f"), Bytes.ofHex("80"), Bytes.ofHex("ff")), keys(store, BLOBS, KeyRange.all()));
            assertEquals(List.of("A", "a", "ab", "b", "z", "é", "\uD83D\uDE80"), keys(store, NAMES, KeyRange.all()));
        }
    }

    @Test
    void rangesAreHalfOpenAndVisitorsCanStop() {
        try (Store store = open(schema(1))) {
            store.write(numbered(0, 30));
            assertEquals(range(10, 20), keys(store, LAYERS, KeyRange.between(10L, 20L)));
            assertEquals(range(25, 30), keys(store, LAYERS, KeyRange.atLeast(25L)));
            assertEquals(range(0, 4), keys(store, LAYERS, KeyRange.below(4L)));
            assertEquals(List.of(), keys(store, LAYERS, KeyRange.between(20L, 10L)), "to before from is empty");
            assertEquals(List.of(), keys(store, LAYERS, KeyRange.between(5L, 5L)));
            assertEquals(List.of(), keys(store, LAYERS, KeyRange.atLeast(100L)));
            List<Long> firstThree = new ArrayList<>();
            store.scan(LAYERS, KeyRange.atLeast(7L), (k, v) -> {
                firstThree.add(k);
                return firstThree.size() < 3;
            });
            assertEquals(List.of(7L, 8L, 9L), firstThree);
        }
    }

    @Test
    void prefixScanReturnsOnlyThatPrefixInNumberOrder() {
        try (Store store = open(schema(1))) {
            WriteBatch.Builder batch = WriteBatch.builder();
            for (int n : new int[] {0x00, 0x41, 0x42, 0xFF}) {
                for (long epoch : new long[] {9, 1, 300, 2}) {
                    batch.put(ATX_BY_NODE, new PrefixedKey<>(node(n), epoch), hash(n));
                }
            }
            store.write(batch.build());
            for (int n : new int[] {0x00, 0x41, 0xFF}) {
                List<PrefixedKey<NodeId>> keys = keys(store, ATX_BY_NODE, NODE_EPOCH.rangeOf(node(n)));
                assertEquals(List.of(1L, 2L, 9L, 300L), keys.stream().map(PrefixedKey::number).toList());
                assertTrue(keys.stream().allMatch(k -> k.prefix().equals(node(n))), "prefix " + n);
            }
            assertEquals(List.of(), keys(store, ATX_BY_NODE, NODE_EPOCH.rangeOf(node(0x43))));
            assertEquals(16, store.count(ATX_BY_NODE));
        }
    }

    // ---- batches ----

    @Test
    void multiTableBatchIsVisibleAsAWhole() {
        try (Store store = open(schema(1))) {
            store.write(WriteBatch.builder().put(LAYERS, 1L, Bytes.ofHex("01")).put(BLOCKS, hash(1), "one")
                    .put(NAMES, "one", 1L).put(BLOBS, Bytes.ofHex("01"), Bytes.ofHex("0101")).build());
            store.write(WriteBatch.builder().delete(LAYERS, 1L).put(BLOCKS, hash(2), "two").delete(NAMES, "missing")
                    .build());
            store.snapshot(r -> {
                assertFalse(r.contains(LAYERS, 1L));
                assertEquals(Optional.of("one"), r.get(BLOCKS, hash(1)));
                assertEquals(Optional.of("two"), r.get(BLOCKS, hash(2)));
                assertEquals(Optional.of(1L), r.get(NAMES, "one"));
                assertEquals(Optional.of(Bytes.ofHex("0101")), r.get(BLOBS, Bytes.ofHex("01")));
                assertEquals(2, r.count(BLOCKS));
                assertEquals(0, r.count(LAYERS));
                return null;
            });
        }
    }

    @Test
    void operationsApplyInOrder() {
        try (Store store = open(schema(1))) {
            store.write(WriteBatch.builder()
                    .put(NAMES, "put-then-delete", 1L).delete(NAMES, "put-then-delete")
                    .delete(NAMES, "delete-then-put").put(NAMES, "delete-then-put", 2L)
                    .put(NAMES, "overwritten", 3L).put(NAMES, "overwritten", 4L)
                    .put(LAYERS, 5L, Bytes.EMPTY).deleteRange(LAYERS, KeyRange.all()).put(LAYERS, 6L, Bytes.EMPTY)
                    .build());
            assertFalse(store.contains(NAMES, "put-then-delete"));
            assertEquals(Optional.of(2L), store.get(NAMES, "delete-then-put"));
            assertEquals(Optional.of(4L), store.get(NAMES, "overwritten"));
            assertEquals(List.of(6L), keys(store, LAYERS, KeyRange.all()));
        }
    }

    @Test
    void batchWithAnOversizedKeyMidwayLeavesNothing() {
        try (Store store = open(schema(1))) {
            store.write(WriteBatch.builder().put(NAMES, "before", 1L).build());
            WriteBatch bad = WriteBatch.builder()
                    .put(LAYERS, 1L, Bytes.ofHex("01"))
                    .put(NAMES, "before", 2L)
                    .deleteRange(NAMES, KeyRange.all())
                    .put(BLOBS, filled(Store.MAX_KEY_BYTES + 1, 1), Bytes.EMPTY)
                    .put(BLOCKS, hash(1), "after")
                    .build();
            InvalidBatchException e = assertThrows(InvalidBatchException.class, () -> store.write(bad));
            assertTrue(e.getMessage().contains("operation 3") && e.getMessage().contains("blobs"), e.getMessage());
            assertUntouchedAfterFailedBatch(store);
        }
    }

    @Test
    void batchWithAnUndeclaredTableMidwayLeavesNothing() {
        Table<String, Long> undeclared = Table.of("undeclared", Codecs.utf8(), Codecs.longs());
        try (Store store = open(schema(1))) {
            store.write(WriteBatch.builder().put(NAMES, "before", 1L).build());
            WriteBatch bad = WriteBatch.builder()
                    .put(LAYERS, 1L, Bytes.ofHex("01"))
                    .put(NAMES, "before", 2L)
                    .put(undeclared, "x", 1L)
                    .build();
            InvalidBatchException e = assertThrows(InvalidBatchException.class, () -> store.write(bad));
            assertTrue(e.getMessage().contains("undeclared"), e.getMessage());
            assertUntouchedAfterFailedBatch(store);
            assertThrows(IllegalArgumentException.class, () -> store.get(undeclared, "x"));
        }
    }

    @Test
    void emptyKeysAreRefused() {
        try (Store store = open(schema(1))) {
            assertThrows(InvalidBatchException.class,
                    () -> store.write(WriteBatch.builder().put(NAMES, "", 1L).build()));
            assertThrows(InvalidBatchException.class,
                    () -> store.write(WriteBatch.builder().delete(BLOBS, Bytes.EMPTY).build()));
            assertEquals(0, store.count(NAMES));
        }
    }

    @Test
    void deleteRangeRemovesExactlyTheRange() {
        try (Store store = open(schema(1))) {
            store.write(numbered(0, 100));
            store.write(WriteBatch.builder().deleteRange(LAYERS, KeyRange.between(10L, 20L)).build());
            List<Long> expected = new ArrayList<>(range(0, 10));
            expected.addAll(range(20, 100));
            assertEquals(expected, keys(store, LAYERS, KeyRange.all()));
            store.write(WriteBatch.builder().deleteRange(LAYERS, KeyRange.atLeast(90L))
                    .deleteRange(LAYERS, KeyRange.below(5L)).deleteRange(LAYERS, KeyRange.between(50L, 40L)).build());
            expected.removeIf(k -> k >= 90 || k < 5);
            assertEquals(expected, keys(store, LAYERS, KeyRange.all()));
            assertEquals(expected.size(), store.count(LAYERS));
            store.write(WriteBatch.builder().deleteRange(LAYERS, KeyRange.all()).build());
            assertEquals(0, store.count(LAYERS));
        }
    }

    @Test
    void deleteRangeByPrefixKeepsNeighbours() {
        try (Store store = open(schema(1))) {
            WriteBatch.Builder batch = WriteBatch.builder();
            for (int n : new int[] {0x10, 0x11, 0xFF}) {
                for (long epoch = 0; epoch < 5; epoch++) {
                    batch.put(ATX_BY_NODE, new PrefixedKey<>(node(n), epoch), hash(n));
                }
            }
            store.write(batch.build());
            store.write(WriteBatch.builder().deleteRange(ATX_BY_NODE, NODE_EPOCH.rangeOf(node(0x10)))
                    .deleteRange(ATX_BY_NODE, NODE_EPOCH.rangeOf(node(0xFF))).build());
            List<PrefixedKey<NodeId>> left = keys(store, ATX_BY_NODE, KeyRange.all());
            assertEquals(5, left.size());
            assertTrue(left.stream().allMatch(k -> k.prefix().equals(node(0x11))));
        }
    }

    // ---- lifecycle and schema ----

    @Test
    void dataSurvivesReopen() {
        try (Store store = open(schema(1))) {
            store.write(numbered(0, 50));
            store.write(WriteBatch.builder().put(BLOCKS, hash(5), "five").build());
        }
        try (Store store = open(schema(1))) {
            assertEquals(range(0, 50), keys(store, LAYERS, KeyRange.all()));
            assertEquals(Optional.of("five"), store.get(BLOCKS, hash(5)));
            assertEquals(1, store.schemaVersion());
        }
    }

    @Test
    void freshStoreGetsTheCurrentVersionAndMigrationsDoNotRun() {
        List<String> ran = new ArrayList<>();
        try (Store store = open(schema(3, recording(1, 2, ran), recording(2, 3, ran)))) {
            assertEquals(3, store.schemaVersion());
        }
        try (Store store = open(schema(3))) {
            assertEquals(3, store.schemaVersion(), "reopening at the same version needs no migration");
        }
        assertEquals(List.of(), ran);
    }

    @Test
    void newerStoreIsRefusedNamingBothVersions() {
        open(schema(5)).close();
        SchemaVersionException e = assertThrows(SchemaVersionException.class, () -> open(schema(4)));
        assertTrue(e.getMessage().contains("version 5") && e.getMessage().contains("version 4"), e.getMessage());
        try (Store store = open(schema(5))) {
            assertEquals(5, store.schemaVersion(), "a refused open must leave the store usable by newer code");
        }
    }

    @Test
    void olderStoreRunsTheMigrationChainInOrderOnce() {
        try (Store store = open(schema(1))) {
            store.write(WriteBatch.builder().put(NAMES, "a", 1L).put(NAMES, "b", 2L).build());
        }
        List<String> ran = new ArrayList<>();
        Migration copyNamesToLayers = new Migration(1, 2, "copy names into layers", reads -> {
            ran.add("1->2");
            WriteBatch.Builder out = WriteBatch.builder();
            reads.scan(NAMES, KeyRange.all(), (name, n) -> {
                out.put(LAYERS, n, Bytes.wrap(name.getBytes()));
                return true;
            });
            return out.build();
        });
        Migration dropNames = new Migration(2, 4, "drop names", reads -> {
            ran.add("2->4");
            assertEquals(2, reads.count(LAYERS), "a step sees the writes of the step before it");
            return WriteBatch.builder().deleteRange(NAMES, KeyRange.all()).build();
        });
        Schema v4 = schema(4, dropNames, copyNamesToLayers);
        try (Store store = open(v4)) {
            assertEquals(4, store.schemaVersion());
            assertEquals(List.of("1->2", "2->4"), ran);
            assertEquals(Optional.of(Bytes.wrap("b".getBytes())), store.get(LAYERS, 2L));
            assertEquals(0, store.count(NAMES));
        }
        try (Store store = open(v4)) {
            assertEquals(List.of("1->2", "2->4"), ran, "migrations run once");
            assertEquals(4, store.schemaVersion());
        }
    }

    @Test
    void failedMigrationLeavesTheOldVersionAndData() {
        try (Store store = open(schema(1))) {
            store.write(WriteBatch.builder().put(NAMES, "kept", 1L).build());
        }
        Migration broken = new Migration(1, 2, "broken", reads -> WriteBatch.builder()
                .deleteRange(NAMES, KeyRange.all()).put(BLOBS, Bytes.EMPTY, Bytes.EMPTY).build());
        assertThrows(InvalidBatchException.class, () -> open(schema(2, broken)));
        try (Store store = open(schema(1))) {
            assertEquals(1, store.schemaVersion());
            assertEquals(Optional.of(1L), store.get(NAMES, "kept"));
        }
    }

    @Test
    void missingMigrationIsRefused() {
        open(schema(1)).close();
        SchemaVersionException e = assertThrows(SchemaVersionException.class,
                () -> open(schema(3, recording(2, 3, new ArrayList<>()))));
        assertTrue(e.getMessage().contains("version 1") && e.getMessage().contains("version 3"), e.getMessage());
    }

    @Test
    void snapshotViewCannotBeUsedAfterItsCallback() {
        try (Store store = open(schema(1))) {
            AtomicReference<Reads> leaked = new AtomicReference<>();
            store.snapshot(r -> {
                leaked.set(r);
                return null;
            });
            assertThrows(StoreClosedException.class, () -> leaked.get().get(NAMES, "x"));
            assertThrows(StoreClosedException.class, () -> leaked.get().count(NAMES));
        }
    }

    @Test
    void writingFromInsideAReadIsRefused() {
        try (Store store = open(schema(1))) {
            store.write(numbered(0, 3));
            assertThrows(IllegalStateException.class, () -> store.scan(LAYERS, KeyRange.all(), (k, v) -> {
                store.write(WriteBatch.builder().put(NAMES, "inside", k).build());
                return true;
            }));
            assertFalse(store.contains(NAMES, "inside"));
            store.write(WriteBatch.builder().put(NAMES, "after", 1L).build());
            assertTrue(store.contains(NAMES, "after"), "the store still writes after a refused write");
        }
    }

    @Test
    void nestedReadsWork() {
        try (Store store = open(schema(1))) {
            store.write(numbered(0, 5));
            List<Boolean> found = new ArrayList<>();
            store.scan(LAYERS, KeyRange.all(), (k, v) -> found.add(store.contains(LAYERS, k)));
            assertEquals(Collections.nCopies(5, true), found);
        }
    }

    @Test
    void closedStoreRefusesEverything() {
        Store store = open(schema(1));
        store.close();
        store.close();
        assertThrows(StoreClosedException.class, () -> store.get(NAMES, "x"));
        assertThrows(StoreClosedException.class, () -> store.write(numbered(0, 1)));
    }

    // ---- concurrency ----

    private static final int ROWS = 40;

    /** Each generation replaces every row: readers must see one generation everywhere, never a mix. */
    @Test
    void concurrentReadersSeeWholeBatchesOnly() throws Exception {
        int readers = 3;
        int generations = 200;
        try (Store store = open(schema(1))) {
            store.write(generation(0));
            AtomicBoolean done = new AtomicBoolean();
            AtomicLong readsDone = new AtomicLong();
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            Set<Long> seen = ConcurrentHashMap.newKeySet();
            ExecutorService pool = Executors.newFixedThreadPool(readers);
            List<Future<?>> tasks = new ArrayList<>();
            for (int i = 0; i < readers; i++) {
                tasks.add(pool.submit(() -> {
                    while (!done.get()) {
                        seen.add(store.snapshot(r -> checkOneGeneration(r, failures)));
                        checkRowsOfOneScan(store, failures);
                        readsDone.incrementAndGet();
                    }
                }));
            }
            for (long g = 1; g <= generations; g++) {
                store.write(generation(g));
                if (g % 10 == 0) { // let the readers overlap the writes, so the test cannot pass vacuously
                    long target = readsDone.get() + readers;
                    while (readsDone.get() < target && failures.isEmpty()) {
                        Thread.onSpinWait();
                    }
                }
            }
            done.set(true);
            for (Future<?> task : tasks) {
                task.get(30, TimeUnit.SECONDS);
            }
            pool.shutdown();
            assertEquals(List.of(), new ArrayList<>(failures));
            assertTrue(seen.size() >= generations / 10, "readers saw only generations " + seen);
        }
    }

    /** Within one snapshot, the generation counter, the block and every row agree. */
    private static long checkOneGeneration(Reads r, ConcurrentLinkedQueue<String> failures) {
        long generation = r.get(NAMES, "generation").orElse(-1L);
        Optional<String> block = r.get(BLOCKS, hash(1));
        if (!block.equals(Optional.of("generation " + generation))) {
            failures.add("generation " + generation + " but block says " + block);
        }
        List<Long> tags = new ArrayList<>();
        r.scan(LAYERS, KeyRange.all(), (k, v) -> tags.add((long) v.get(0)));
        if (tags.size() != ROWS || tags.stream().anyMatch(t -> t != generation % 128)) {
            failures.add("generation " + generation + " but rows " + tags);
        }
        return generation;
    }

    /** A single scan call is its own snapshot: all its rows come from one generation. */
    private static void checkRowsOfOneScan(Store store, ConcurrentLinkedQueue<String> failures) {
        Set<Byte> tags = new java.util.HashSet<>();
        long[] rows = {0};
        store.scan(LAYERS, KeyRange.all(), (k, v) -> {
            rows[0]++;
            tags.add(v.get(0));
            return true;
        });
        if (rows[0] != ROWS || tags.size() != 1) {
            failures.add("one scan saw " + rows[0] + " rows with tags " + tags);
        }
    }

    private static WriteBatch generation(long g) {
        WriteBatch.Builder batch = WriteBatch.builder().deleteRange(LAYERS, KeyRange.all())
                .put(NAMES, "generation", g).put(BLOCKS, hash(1), "generation " + g);
        for (long row = 0; row < ROWS; row++) {
            byte[] value = new byte[200];
            Arrays.fill(value, (byte) (g % 128));
            batch.put(LAYERS, row * 1000 + g, Bytes.wrap(value)); // keys move every generation too
        }
        return batch.build();
    }

    // ---- helpers ----

    private static void assertUntouchedAfterFailedBatch(Store store) {
        assertFalse(store.contains(LAYERS, 1L));
        assertEquals(Optional.of(1L), store.get(NAMES, "before"));
        assertEquals(0, store.count(BLOBS));
        assertEquals(0, store.count(BLOCKS));
        store.write(WriteBatch.builder().put(LAYERS, 1L, Bytes.EMPTY).build());
        assertTrue(store.contains(LAYERS, 1L), "the store still writes after a failed batch");
    }

    static Migration recording(int from, int to, List<String> ran) {
        return new Migration(from, to, "record " + from + "->" + to, reads -> {
            ran.add(from + "->" + to);
            return WriteBatch.empty();
        });
    }

    static WriteBatch numbered(long from, long to) {
        WriteBatch.Builder batch = WriteBatch.builder();
        for (long k = from; k < to; k++) {
            batch.put(LAYERS, k, Bytes.wrap(Long.toString(k).getBytes()));
        }
        return batch.build();
    }

    static List<Long> range(long from, long to) {
        List<Long> out = new ArrayList<>();
        for (long k = from; k < to; k++) {
            out.add(k);
        }
        return out;
    }

    static <K, V> List<K> keys(Reads reads, Table<K, V> table, KeyRange<K> range) {
        List<K> out = new ArrayList<>();
        reads.scan(table, range, (k, v) -> out.add(k));
        return out;
    }
}
