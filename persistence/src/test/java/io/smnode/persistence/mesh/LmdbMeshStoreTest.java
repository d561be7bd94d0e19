package io.smnode.persistence.mesh;

import io.smnode.persistence.LmdbConfig;
import io.smnode.persistence.LmdbStore;
import io.smnode.persistence.Schema;
import io.smnode.persistence.Store;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The consensus store's contract over LMDB (the map starts small, so the run also grows it). */
class LmdbMeshStoreTest extends MeshStoreContractTest {
    @TempDir
    Path dir;

    @Override
    protected Store open(Schema schema) {
        return LmdbStore.open(new LmdbConfig(dir, 1 << 20, 1L << 30, 64), schema);
    }
}
