package io.smnode.persistence;

import io.smnode.core.types.Bytes;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * What the crash test's child writes and its parent checks. Batch {@code b} writes {@link #rows(long)} rows into
 * each of three tables, all keyed and tagged by {@code b}, deletes batch {@code b - KEEP}'s rows from the third
 * table, and sets the "last" marker to {@code b}, all in one batch. Every expectation derives from {@code b}
 * alone, so the parent can tell exactly what a complete batch looks like.
 */
final class CrashSchema {
    static final PrefixedKeyCodec<Long> BATCH_ROW = Codecs.prefixed(Codecs.longs(), Long.BYTES);
    static final Table<PrefixedKey<Long>, Bytes> ROWS_A = Table.of("rows_a", BATCH_ROW, Codecs.bytes());
    static final Table<PrefixedKey<Long>, Bytes> ROWS_B = Table.of("rows_b", BATCH_ROW, Codecs.bytes());
    /** Holds only the most recent {@link #KEEP} batches, so crashes also land in range deletes. */
    static final Table<PrefixedKey<Long>, Bytes> RECENT = Table.of("recent", BATCH_ROW, Codecs.bytes());
    static final Table<String, Long> PROGRESS = Table.of("progress", Codecs.utf8(), Codecs.longs());
    static final String LAST = "last";
    static final long KEEP = 10;
    static final Schema SCHEMA = Schema.of(1, List.of(ROWS_A, ROWS_B, RECENT, PROGRESS));

    private CrashSchema() {
    }

    /** Between 1 and 64 rows per table, varying from batch to batch so commits differ in size. */
    static int rows(long batch) {
        return 1 + (int) Math.floorMod(batch * 7919L, 64L);
    }

    static WriteBatch batch(long b) {
        WriteBatch.Builder out = WriteBatch.builder();
        for (long row = 0; row < rows(b); row++) {
            PrefixedKey<Long> key = new PrefixedKey<>(b, row);
            out.put(ROWS_A, key, value(b, 300)).put(ROWS_B, key, value(b, 700)).put(RECENT, key, value(b, 50));
        }
        if (b > KEEP) {
            out.deleteRange(RECENT, BATCH_ROW.rangeOf(b - KEEP));
        }
        return out.put(PROGRESS, LAST, b).build();
    }

    /** The batch number followed by padding, so a row's tag can be checked against its key. */
    static Bytes value(long b, int size) {
        return Bytes.wrap(ByteBuffer.allocate(size).putLong(b).array());
    }

    static long tag(Bytes value) {
        return ByteBuffer.wrap(value.toByteArray()).getLong();
    }
}
