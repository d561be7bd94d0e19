package io.smnode.hare;

import java.util.Objects;
import java.util.Optional;

/**
 * What graded gossip made of an input: whether to relay it, and the equivocation it revealed, if any (the
 * earlier message first).
 */
public record Received(boolean gossip, Optional<HareEquivocation> equivocation) {
    static final Received DROPPED = new Received(false, Optional.empty());
    static final Received FRESH = new Received(true, Optional.empty());

    public Received {
        Objects.requireNonNull(equivocation, "equivocation");
    }
}
