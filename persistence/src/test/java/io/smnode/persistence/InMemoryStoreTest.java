package io.smnode.persistence;

/** The store contract against {@link InMemoryStore}; the volume plays the data directory, so reopen works. */
class InMemoryStoreTest extends StoreContractTest {
    private final InMemoryVolume volume = new InMemoryVolume();

    @Override
    protected Store open(Schema schema) {
        return InMemoryStore.open(schema, volume);
    }
}
