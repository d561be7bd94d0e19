package io.smnode.tortoise;

/** A vote or decision on a block or layer. The reference uses one value for "abstain" and "neutral" (0). */
enum Sign {
    SUPPORT,
    AGAINST,
    /** Abstain on a layer, or an undecided (neutral) decision on a block. */
    NEUTRAL
}
