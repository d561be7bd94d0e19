package io.smnode.activation.malfeasance;

/**
 * The transport names and constants of malfeasance v2 (spec 11 §6.1). The wire layer carries the bytes; this
 * package owns their content.
 */
public final class MalfeasanceV2 {
    private MalfeasanceV2() {}

    /** The gossip topic of v2 proofs (legacy proofs stay on {@code mp1}). */
    public static final String TOPIC = "mp2";

    /** The fetch hint: a proof is fetched by the accused node id (as a Hash32). */
    public static final String FETCH_HINT = "malfeasance2";

    /** The stream protocol that lists every v2-malicious node id (malfeasance sync). */
    public static final String PROTOCOL = "ml/2";

    /** The only envelope version. */
    public static final int ENVELOPE_VERSION = 0;

    /** The only ATX-domain proof version. */
    public static final int ATX_PROOF_VERSION = 1;

    /** At most this many RefATXs in an envelope. */
    public static final int MAX_REF_ATXS = 64;

    /** At most this many bytes of domain proof, and of typed proof inside it (1 MiB). */
    public static final int MAX_PROOF_BYTES = 1 << 20;

    /** The proof domains; only {@link #INVALID_ACTIVATION} has proofs so far. */
    public static final int INVALID_ACTIVATION = 1;
    public static final int INVALID_BALLOT = 2;
    public static final int INVALID_HARE_MSG = 3;

    /** At most this many nodes in one merkle proof of an ATX field. */
    public static final int MAX_PROOF_NODES = 32;
}
