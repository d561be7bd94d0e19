package io.smnode.activation;

/**
 * The two ATX formats. The version is not written in an ATX's bytes: it follows from the publish epoch and the
 * network's switch epoch ({@link AtxVersions}), and a node stores the bytes only.
 */
public enum AtxVersion {
    /** {@code ActivationTxV1} (spec 02 §1): one identity, id = BLAKE3 of the inner bytes. */
    V1,
    /** {@code ActivationTxV2} (spec 11 §2): up to 256 married identities, id = root of a merkle tree of fields. */
    V2
}
