package io.smnode.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The store contract against {@link InMemoryStore}; the volume plays the data directory, so reopen works. */
class InMemoryStoreTest extends StoreContractTest {
    private final InMemoryVolume volume = new InMemoryVolume();

    @Override
    protected Store open(Schema schema) {
        return InMemoryStore.open(schema, volume);
    }

    @Test
    void theTwinSaysItIsNotDurable() {
        try (Store store = open(Schema.of(1, List.of()))) {
            assertFalse(store.durable(), "a caller must be able to tell that nothing survives the process");
        }
    }
}
