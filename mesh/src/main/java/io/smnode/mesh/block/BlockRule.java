package io.smnode.mesh.block;

/** Each check a fetched block can fail (the reference's block handler), in the order they are made. */
public enum BlockRule {
    MALFORMED,
    WRONG_ID,
    BEFORE_EFFECTIVE_GENESIS,
    NO_REWARDS,
    ZERO_REWARD_WEIGHT,
    DUPLICATE_REWARD_ATX,
    DUPLICATE_TX
}
