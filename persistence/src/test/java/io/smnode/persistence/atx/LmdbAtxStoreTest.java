package io.smnode.persistence.atx;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.persistence.LmdbConfig;
import io.smnode.persistence.LmdbStore;
import io.smnode.persistence.Schema;
import io.smnode.persistence.Store;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ATX storage contract over LMDB. */
class LmdbAtxStoreTest extends AtxStoreContractTest {
    @TempDir
    Path dir;

    @Override
    protected Store open(Schema schema) {
        return LmdbStore.open(new LmdbConfig(dir, 1 << 20, 1L << 30, 64), schema);
    }

    @Test
    void theAtxTablesLiveInADurableStore() {
        try (Store store = open(Schema.of(1, AtxTables.ALL))) {
            assertTrue(store.durable(), "stored ATXs must survive a crash: a restart never needs a resync");
        }
    }
}
