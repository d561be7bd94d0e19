package io.smnode.persistence.atx;

import io.smnode.activation.marriage.EquivocationSetStore;
import io.smnode.activation.marriage.MemoryEquivocationSetStore;

/** The same contract for the pure modules' map-based store (the simulator's and the activation tests'). */
class MemoryEquivocationSetStoreTest extends EquivocationSetStoreContractTest {
    @Override
    protected EquivocationSetStore open() {
        return new MemoryEquivocationSetStore();
    }
}
