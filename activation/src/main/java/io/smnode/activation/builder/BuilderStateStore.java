package io.smnode.activation.builder;

import java.util.Optional;

/** Where a builder keeps its state between steps and across restarts. */
public interface BuilderStateStore {
    /** The last saved state, or empty before the first save. */
    Optional<BuilderState> load() throws BuilderStateException;

    /** Saves {@code state} durably: when this returns, a restart loads it. */
    void save(BuilderState state) throws BuilderStateException;
}
