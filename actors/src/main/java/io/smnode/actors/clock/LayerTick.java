package io.smnode.actors.clock;

import io.smnode.core.types.EpochId;
import io.smnode.core.types.LayerId;

/**
 * A layer has started. {@code missed} counts layers that began while the node could not tick (a paused JVM, a
 * suspended laptop): they are reported once rather than replayed, because their time has already passed.
 */
public record LayerTick(LayerId layer, EpochId epoch, boolean firstInEpoch, long missed) {}
