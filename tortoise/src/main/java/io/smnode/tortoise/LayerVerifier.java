package io.smnode.tortoise;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Applies per-block decisions to a layer (spec 05 §7 verifyLayer). */
final class LayerVerifier {
    enum Outcome {
        FAILED,
        VERIFIED,
        /** Verified and some block's validity changed. */
        CHANGED;

        boolean verified() {
            return this != FAILED;
        }
    }

    private LayerVerifier() {}

    /**
     * Walks blocks by ascending height: an undecided block fails the layer, unless a lower block is already
     * supported (then it is against). On success every block's validity is written. Like the reference, this leaves
     * the layer's list ordered by height only (a stable sort, so ties keep their id order).
     */
    static Outcome verify(List<BlockInfo> blocks, Function<BlockInfo, Sign> decide) {
        blocks.sort(BlockInfo.BY_HEIGHT);
        List<Sign> decisions = new ArrayList<>(blocks.size());
        BlockInfo supported = null;
        for (BlockInfo block : blocks) {
            Sign decision = decide.apply(block);
            if (decision == Sign.NEUTRAL) {
                if (supported != null && Long.compareUnsigned(block.height, supported.height) > 0) {
                    decision = Sign.AGAINST;
                } else {
                    return Outcome.FAILED;
                }
            } else if (decision == Sign.SUPPORT) {
                supported = block;
            }
            decisions.add(decision);
        }
        boolean changed = false;
        for (int i = 0; i < decisions.size(); i++) {
            BlockInfo block = blocks.get(i);
            if (block.validity != decisions.get(i)) {
                changed = true;
            }
            block.validity = decisions.get(i);
        }
        return changed ? Outcome.CHANGED : Outcome.VERIFIED;
    }
}
