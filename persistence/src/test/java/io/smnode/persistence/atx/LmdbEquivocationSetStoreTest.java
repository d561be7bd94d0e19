package io.smnode.persistence.atx;

import io.smnode.activation.marriage.EquivocationSetStore;
import io.smnode.persistence.LmdbConfig;
import io.smnode.persistence.LmdbStore;
import io.smnode.persistence.Schema;
import io.smnode.persistence.Store;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The marriage records' contract over LMDB. */
class LmdbEquivocationSetStoreTest extends EquivocationSetStoreContractTest {
    @TempDir
    Path dir;
    private final List<Store> opened = new ArrayList<>();

    @Override
    protected EquivocationSetStore open() {
        Store store = LmdbStore.open(new LmdbConfig(dir, 1 << 20, 1L << 30, 64), Schema.of(1, AtxTables.ALL));
        opened.add(store);
        return new LmdbEquivocationSetStore(store);
    }

    @AfterEach
    void close() {
        opened.forEach(Store::close);
    }
}
