package io.smnode.tortoise;

import io.smnode.core.types.Hash32;

/**
 * A layer's opinion, shared with the next layer, which chains onto it. Sharing the cell rather than the layer lets
 * evicted layers be collected while the next one can still recompute its opinion.
 */
final class OpinionCell {
    Hash32 value;

    OpinionCell(Hash32 value) {
        this.value = value;
    }
}
