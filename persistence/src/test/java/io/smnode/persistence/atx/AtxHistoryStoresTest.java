package io.smnode.persistence.atx;

import io.smnode.activation.MemoryAtxHistory;
import io.smnode.activation.marriage.SetChange;
import io.smnode.persistence.InMemoryStore;
import io.smnode.persistence.LmdbConfig;
import io.smnode.persistence.LmdbStore;
import io.smnode.persistence.Schema;
import io.smnode.persistence.Store;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** The ATX history contract over LMDB, the in-memory store twin and the pure modules' map-based history. */
class AtxHistoryStoresTest {
    @Nested
    class OverLmdb extends AtxHistoryContractTest {
        @TempDir
        Path dir;
        private final List<Store> opened = new ArrayList<>();

        @Override
        protected Opened open() {
            Store store = LmdbStore.open(new LmdbConfig(dir, 1 << 20, 1L << 30, 64), Schema.of(1, AtxTables.ALL));
            opened.add(store);
            LmdbAtxStore atxs = new LmdbAtxStore(store);
            return new Opened(atxs, r -> store.write(atxs.put(r, AtxHistoryContractTest.headerOf(r), SetChange.NONE)));
        }

        @AfterEach
        void close() {
            opened.forEach(Store::close);
        }
    }

    @Nested
    class OverTheInMemoryStore extends AtxHistoryContractTest {
        @Override
        protected Opened open() {
            Store store = InMemoryStore.open(Schema.of(1, AtxTables.ALL));
            LmdbAtxStore atxs = new LmdbAtxStore(store);
            return new Opened(atxs, r -> store.write(atxs.put(r, AtxHistoryContractTest.headerOf(r), SetChange.NONE)));
        }
    }

    @Nested
    class InMaps extends AtxHistoryContractTest {
        @Override
        protected Opened open() {
            MemoryAtxHistory atxs = new MemoryAtxHistory();
            return new Opened(atxs, atxs::put);
        }
    }
}
