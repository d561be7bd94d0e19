package io.smnode.post.k2pow;

/** No pow in the searched range met the threshold (post-rs {@code PoWNotFound}). */
public final class K2PowNotFoundException extends Exception {
    private static final long serialVersionUID = 1L;

    public K2PowNotFoundException(String message) {
        super(message);
    }
}
