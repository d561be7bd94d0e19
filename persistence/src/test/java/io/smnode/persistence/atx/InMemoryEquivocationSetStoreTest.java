package io.smnode.persistence.atx;

import io.smnode.activation.marriage.EquivocationSetStore;
import io.smnode.persistence.InMemoryStore;
import io.smnode.persistence.Schema;

/** The marriage records' contract over the in-memory store twin. */
class InMemoryEquivocationSetStoreTest extends EquivocationSetStoreContractTest {
    @Override
    protected EquivocationSetStore open() {
        return new LmdbEquivocationSetStore(InMemoryStore.open(Schema.of(1, AtxTables.ALL)));
    }
}
