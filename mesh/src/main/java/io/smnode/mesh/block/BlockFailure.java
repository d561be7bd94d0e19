package io.smnode.mesh.block;

/** Why no block could be built from a hare output (the reference then completes the layer without a block). */
public enum BlockFailure {
    /** A proposal's ATX is not known for the layer's epoch. */
    UNKNOWN_ATX,
    /** A proposal's reference ballot is not stored. */
    UNKNOWN_REFERENCE_BALLOT,
    /** The reference ballot carries no epoch data (corrupted store). */
    REFERENCE_BALLOT_WITHOUT_EPOCH_DATA,
    /** The epoch's eligibility count is 0, so the reward weight has no denominator. */
    ZERO_ELIGIBILITY_COUNT,
    /** Two proposals name the same ATX. */
    DUPLICATE_ATX,
    /** A proposal's transaction is not stored. */
    TX_MISSING,
    /** A proposal's transaction is stored without a parsed header. */
    TX_HEADER_MISSING,
    /** A majority agrees on a mesh hash but this node has no aggregated hash for the previous layer. */
    OWN_MESH_HASH_UNKNOWN,
    /** A majority agrees on a mesh hash that differs from this node's. */
    BAD_MESH_HASH
}
