package io.smnode.activation.builder;

import java.util.Optional;

/** Keeps the state in memory: for tests, and for identities that need not survive a restart. */
public final class MemoryBuilderStateStore implements BuilderStateStore {
    private Optional<BuilderState> state = Optional.empty();
    private int saves;

    @Override
    public Optional<BuilderState> load() {
        return state;
    }

    @Override
    public void save(BuilderState next) {
        state = Optional.of(next);
        saves++;
    }

    /** How many times the state was saved. */
    public int saves() {
        return saves;
    }
}
