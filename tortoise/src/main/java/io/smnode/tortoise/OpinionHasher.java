package io.smnode.tortoise;

import io.smnode.core.hash.Blake3;
import io.smnode.core.types.BlockId;
import io.smnode.core.types.Hash32;

/**
 * One link of the opinion hash chain (spec 05 §4): {@code BLAKE3(previous ‖ body)}, where the body is nothing for
 * "against everything", a single 0x00 for "abstain", or for each supported block its raw 20-byte id followed by its
 * height as a little-endian uint64. Callers write supported blocks in (height, id) order; the hasher does not sort.
 */
public final class OpinionHasher {
    private static final byte ABSTAIN_SENTINEL = 0;

    private final Blake3 hasher = new Blake3();
    private final byte[] scratch = new byte[BlockId.LENGTH + Long.BYTES];

    /** Chains onto the previous layer's opinion (omitted for the first layer of a chain). */
    public OpinionHasher writePrevious(Hash32 previous) {
        hasher.update(previous.toByteArray());
        return this;
    }

    public OpinionHasher writeAbstain() {
        hasher.update(ABSTAIN_SENTINEL);
        return this;
    }

    public OpinionHasher writeSupport(BlockId block, long height) {
        block.copyTo(scratch, 0);
        for (int i = 0; i < Long.BYTES; i++) {
            scratch[BlockId.LENGTH + i] = (byte) (height >>> (8 * i));
        }
        hasher.update(scratch);
        return this;
    }

    /** The hash of everything written since the last call; the hasher is then empty again. */
    public Hash32 sum() {
        return hasher.digest32();
    }
}
