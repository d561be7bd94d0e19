package io.smnode.mesh.pipeline;

import io.smnode.core.types.EpochId;
import io.smnode.core.types.LayerId;
import java.util.Objects;

/** A timer a coordinator asks its driver for; when it fires the driver hands it back to the same coordinator. */
public sealed interface Timer {
    /** The next round of the layer's hare session is due ({@link HareCoordinator#onRoundTimer}). */
    record HareRound(LayerId layer) implements Timer {
        public HareRound {
            Objects.requireNonNull(layer, "layer");
        }
    }

    /** The epoch's beacon protocol has a phase change due ({@link BeaconCoordinator#onTimer}). */
    record BeaconStep(EpochId epoch) implements Timer {
        public BeaconStep {
            Objects.requireNonNull(epoch, "epoch");
        }
    }
}
