package io.smnode.activation.builder;

import java.util.Optional;

/** Where a builder keeps its state between steps and across restarts. */
public interface BuilderStateStore {
    /** The last saved state, or empty before the first save. */
    Optional<BuilderState> load() throws BuilderStateException;

    /**
     * Records {@code state}, the state a step ended in. It must be durable before the step's actions are carried
     * out: a store either writes it here or stages it for its caller to commit first (the node's LMDB adapter).
     */
    void save(BuilderState state) throws BuilderStateException;
}
