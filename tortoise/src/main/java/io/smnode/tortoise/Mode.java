package io.smnode.tortoise;

/** Which counting the tortoise currently relies on. */
public enum Mode {
    /** Cheap: counts only ballots that agree with the local opinion. */
    VERIFYING,
    /** Self-healing: counts every ballot's votes on every block. */
    FULL
}
