package io.smnode.persistence;

import java.nio.file.Path;
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
}
