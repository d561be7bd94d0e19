package io.smnode.persistence.atx;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.smnode.persistence.InMemoryStore;
import io.smnode.persistence.InMemoryVolume;
import io.smnode.persistence.Schema;
import io.smnode.persistence.Store;
import org.junit.jupiter.api.Test;

/** The ATX storage contract over the in-memory store; the volume plays the data directory, so reopen works. */
class InMemoryAtxStoreTest extends AtxStoreContractTest {
    private final InMemoryVolume volume = new InMemoryVolume();

    @Override
    protected Store open(Schema schema) {
        return InMemoryStore.open(schema, volume);
    }

    @Test
    void theTwinSaysItIsNotDurable() {
        try (Store store = open(Schema.of(1, AtxTables.ALL))) {
            assertFalse(store.durable());
        }
    }
}
