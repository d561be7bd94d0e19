package io.smnode.persistence;

import static io.smnode.persistence.CrashSchema.KEEP;
import static io.smnode.persistence.CrashSchema.LAST;
import static io.smnode.persistence.CrashSchema.PROGRESS;
import static io.smnode.persistence.CrashSchema.RECENT;
import static io.smnode.persistence.CrashSchema.ROWS_A;
import static io.smnode.persistence.CrashSchema.ROWS_B;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.types.Bytes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a writing process with SIGKILL at seeded-random moments and checks what a reopened store holds: every
 * batch the child reported is complete, no batch is partly there, and the marker names the last complete batch.
 * SIGKILL loses the process but not the OS page cache, so this proves atomicity and recovery of the commit
 * protocol, not survival of a power cut (that rests on LMDB's fsync on commit, which the store never disables).
 */
class LmdbCrashIT {
    private static final long SEED = 0x5EED_2026_1121L;
    private static final int ROUNDS = 5;

    @TempDir
    Path tmp;

    @Test
    void killedWritersLeaveOnlyWholeBatches() throws Exception {
        Random random = new Random(SEED);
        Path store = tmp.resolve("store");
        long previousMarker = 0;
        for (int round = 0; round < ROUNDS; round++) {
            int commitsBeforeKill = 10 + random.nextInt(150);
            long extraNanos = random.nextInt(5_000_000);
            ChildProcess child = ChildProcess.start(store, tmp.resolve("child-" + round + ".err"));
            child.awaitCommits(commitsBeforeKill, Duration.ofSeconds(30));
            LockSupport.parkNanos(extraNanos);
            long reported = child.kill();

            long marker = audit(store);
            assertTrue(marker >= reported, "round " + round + ": reported batch " + reported
                    + " was committed but the store ends at " + marker);
            assertTrue(marker <= reported + 1, "round " + round + ": store ends at " + marker
                    + ", more than one batch past the last reported " + reported);
            assertTrue(marker >= previousMarker + commitsBeforeKill, "round " + round + " made progress");
            previousMarker = marker;
        }
    }

    /** Reopens the store, checks every table against the marker, and returns the marker. */
    private static long audit(Path dir) {
        LmdbConfig config = new LmdbConfig(dir, 256 << 10, 1L << 30, 16);
        try (LmdbStore store = LmdbStore.open(config, CrashSchema.SCHEMA)) {
            return store.snapshot(r -> {
                long marker = r.get(PROGRESS, LAST).orElse(0L);
                assertEquals(expected(1, marker), rowsPerBatch(r, ROWS_A), "rows_a at marker " + marker);
                assertEquals(expected(1, marker), rowsPerBatch(r, ROWS_B), "rows_b at marker " + marker);
                assertEquals(expected(Math.max(1, marker - KEEP + 1), marker), rowsPerBatch(r, RECENT),
                        "recent at marker " + marker);
                return marker;
            });
        }
    }

    /** Batch number -> row count for batches {@code from..to}, as complete batches would leave them. */
    private static Map<Long, Integer> expected(long from, long to) {
        Map<Long, Integer> out = new TreeMap<>();
        for (long b = from; b <= to; b++) {
            out.put(b, CrashSchema.rows(b));
        }
        return out;
    }

    /** Batch number -> rows found, checking that every row's value carries its key's batch number. */
    private static Map<Long, Integer> rowsPerBatch(Reads r, Table<PrefixedKey<Long>, Bytes> table) {
        Map<Long, Integer> out = new TreeMap<>();
        r.scan(table, KeyRange.all(), (key, value) -> {
            assertEquals(key.prefix().longValue(), CrashSchema.tag(value), table + " row " + key);
            out.merge(key.prefix(), 1, Integer::sum);
            return true;
        });
        return out;
    }
}
