package io.smnode.mesh.block;

import io.smnode.core.types.LayerId;
import java.util.Objects;

/** What the block generator makes of one hare output. */
public sealed interface GeneratorOutcome {
    LayerId layer();

    /** The hare agreed on no proposals: no block, the layer's hare output is the empty block id. */
    record Empty(LayerId layer) implements GeneratorOutcome {}

    /** A block to store, certify and hand to the mesh as hare output. */
    record Built(Block block) implements GeneratorOutcome {
        public Built {
            Objects.requireNonNull(block, "block");
        }

        @Override
        public LayerId layer() {
            return block.layer();
        }
    }

    /**
     * Optimistic mode: execute {@code metadata} once every earlier layer is applied; the block then holds only the
     * executed transactions (see {@link MeshState#applyOptimistic}).
     */
    record Optimistic(BlockMetadata metadata) implements GeneratorOutcome {
        public Optimistic {
            Objects.requireNonNull(metadata, "metadata");
        }

        @Override
        public LayerId layer() {
            return metadata.layer();
        }
    }

    /** No block: the reference logs the error and completes the layer. */
    record Failed(LayerId layer, BlockFailure reason, String detail) implements GeneratorOutcome {
        public Failed {
            Objects.requireNonNull(layer, "layer");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
