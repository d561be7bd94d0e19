package io.smnode.persistence;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store contract against {@link LmdbStore}. The map starts at 64 KiB so that ordinary contract tests (and the
 * concurrent-reader test in particular) also exercise growth under load.
 */
class LmdbStoreTest extends StoreContractTest {
    @TempDir
    Path dir;

    @Override
    protected Store open(Schema schema) {
        return LmdbStore.open(new LmdbConfig(dir, 64 << 10, 1L << 30, 64), schema);
    }

    @Test
    void lmdbIsTheDurableImplementation() {
        try (Store store = open(Schema.of(1, List.of()))) {
            assertTrue(store.durable(), "committed batches survive a process crash");
        }
    }
}
