package io.smnode.hare;

import io.smnode.core.verdict.Rule;

/** The checks a received hare message can fail, in the order {@link HareSession#onMessage} makes them. */
public enum HareRule implements Rule {
    /** Bytes that do not decode, or a message of an impossible shape: reject. */
    MALFORMED,
    /** For a layer this node runs no (unfinished) session of: ignore. */
    NO_SESSION,
    /** The signature does not verify: reject. */
    SIGNATURE,
    /** The sender is not eligible in the round it claims: ignore. */
    NOT_ELIGIBLE,
    /** Graded gossip dropped it (a duplicate, or a sender already seen equivocating): ignore. */
    NOT_RELAYED;

    @Override
    public String domain() {
        return "hare";
    }
}
