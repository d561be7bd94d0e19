package io.smnode.activation.v2;

/**
 * The leaf positions of the ATX v2 trees (spec 11 §3.5), as malfeasance proofs name them: a field's leaf index is
 * its enum ordinal. Padded lists (previous ATXs, NIPoSTs, sub-posts, marriages) are indexed by entry instead.
 */
public final class TreeIndex {
    private TreeIndex() {}

    /** The 9 leaves whose root is the ATX id. */
    public enum Atx { PUBLISH_EPOCH, POSITIONING_ATX, COINBASE, INITIAL_POST_ROOT, PREVIOUS_ATXS_ROOT, NIPOSTS_ROOT,
        VRF_NONCE, MARRIAGES_ROOT, MARRIAGE_ATX }

    /** The 2 leaves of an initial ATX's parts. */
    public enum Initial { COMMITMENT_ATX, POST }

    /** The 3 leaves of one NIPoST. */
    public enum NIPost { MEMBERSHIP, CHALLENGE, POSTS_ROOT }

    /** The 5 leaves of one identity's sub-post. */
    public enum SubPost { MARRIAGE_INDEX, PREV_ATX, MEMBERSHIP_LEAF_INDEX, POST, NUM_UNITS }
}
