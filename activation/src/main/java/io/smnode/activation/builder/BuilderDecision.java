package io.smnode.activation.builder;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The result of one step: the actions to start now and the time the builder next wants a
 * {@link BuilderInput.Tick} (empty: only an answer to an action can move it on).
 */
public record BuilderDecision(List<BuilderAction> actions, Optional<Instant> wakeAt) {
    public BuilderDecision {
        actions = List.copyOf(actions);
    }
}
