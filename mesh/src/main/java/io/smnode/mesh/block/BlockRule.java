package io.smnode.mesh.block;

import io.smnode.core.verdict.Rule;

/** Each check a fetched block can fail (the reference's block handler), in the order they are made: all reject. */
public enum BlockRule implements Rule {
    MALFORMED,
    WRONG_ID,
    BEFORE_EFFECTIVE_GENESIS,
    NO_REWARDS,
    ZERO_REWARD_WEIGHT,
    DUPLICATE_REWARD_ATX,
    DUPLICATE_TX

    ;

    @Override
    public String domain() {
        return "block";
    }
}
