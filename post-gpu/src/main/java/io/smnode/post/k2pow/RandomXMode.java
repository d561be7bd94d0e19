package io.smnode.post.k2pow;

/**
 * How RandomX holds its key-derived data (spec 08 §2.2). Both modes give identical hashes; they trade memory and
 * start-up time for hashing speed.
 */
public enum RandomXMode {
    /** 256 MiB cache only: quick to build, ≈ 10× slower per hash. What a verifier uses. */
    LIGHT,
    /** ≈ 2080 MiB dataset expanded from the cache: slow to build, fast hashes. What a prover uses. */
    FAST
}
