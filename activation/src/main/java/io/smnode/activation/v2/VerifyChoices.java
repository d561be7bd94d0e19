package io.smnode.activation.v2;

import io.smnode.activation.PostV1;
import io.smnode.core.codec.Scale;
import io.smnode.core.hash.Blake3;
import io.smnode.core.types.Hash32;

/**
 * Every point of spec 11 marked <b>[VERIFY]</b> that this code had to decide, in one place, each with what was
 * chosen and why. The sources read were go-spacemesh files newer than v1.7.6 but not a v1.8.x tag; one real
 * mainnet v2 ATX (its blob and the id it was fetched by) and a v1.8 malfeasance proof settle them. When one turns
 * out wrong, the correction is an edit here.
 */
public final class VerifyChoices {
    private VerifyChoices() {}

    /**
     * <b>PostRoot</b> (spec 11 §3.4): the root of a {@code PostV1} inside the ATX tree is {@code BLAKE3(SCALE(post))},
     * i.e. {@code BLAKE3(compact32(nonce) || compact32(len) || indices || compact64(pow))}. Chosen because the newest
     * stub has {@code Root() (result PostRoot)}, the "hash the encoding into result" pattern of
     * {@code MerkleProofV2.Root} and {@code MarriageCertificate.Root}, and PR #6308 removed the old tree over a
     * 4-byte nonce, variable indices and 8-byte pow precisely because "some leaves were not Hash32". It enters every
     * id (initial post, every sub-post), so a single mainnet id confirms or refutes it.
     */
    public static Hash32 postRoot(PostV1 post) {
        return Blake3.hash(Scale.encode(PostV1.CODEC, post));
    }

    /**
     * <b>Equivocation set order</b> (spec 11 §5.2 step 6): a merged ATX's {@code MarriageIndex} indexes the signer's
     * marriage set in the order its members were recorded, which for one marriage ATX is its certificate order and
     * after a merge of sets is the order of recording across them. The reference reads the set with a query without
     * ORDER BY, which SQLite answers in row (insertion) order; mirrored with an insertion sequence in the store.
     * (true: insertion order; there is no other implementation to switch to, this records the assumption.)
     */
    public static final boolean EQUIVOCATION_SET_IN_INSERTION_ORDER = true;

    /**
     * <b>A label position at or beyond K2</b> (spec 11 §5.2 step 10, §6.4): the reference scans positions 0, 1, 2, …
     * for a valid label until its validator reports {@code ErrPostIndexOutOfRange}; the validator's body was not
     * available. Chosen: positions {@code ≥ K2} are out of range. That ends the scan (no valid label: the ATX is
     * rejected), and in an InvalidPost proof a check at such a position counts as a failed check, which makes the
     * "valid label" check fail and the "invalid label" check succeed, as {@code err != nil} does in the reference.
     */
    public static boolean postIndexOutOfRange(long position, long k2) {
        return position < 0 || position >= k2;
    }

    /**
     * <b>Who must exist for a malfeasance proof</b> (spec 11 §6.1: {@code AllowNoRefATXs} and
     * {@code IdentityExists}, whose place in v1.8 is unknown). Chosen as the newest receiving handler read does it:
     * after the proof is valid and the RefATXs are fetched, an unmarried accused identity must have an ATX stored, for
     * every proof type (InvalidPost included, which the interface's comment exempts; its ATX is stored even with an
     * invalid PoST, so the check passes for the proofs the network makes). A married identity needs no such check.
     * (false: a valid proof against an unknown unmarried identity is stored too.)
     */
    public static final boolean UNMARRIED_IDENTITY_MUST_HAVE_AN_ATX = true;

    /**
     * <b>Double merge and earlier ATXs</b> (spec 11 §6.3: "newer code adds: smeshers have published valid ATXs
     * before"). Chosen: not checked, as in the newest {@code ProofDoubleMerge.Valid} that could be read; the
     * handler's identity check ({@link #UNMARRIED_IDENTITY_MUST_HAVE_AN_ATX}) covers an unknown signer anyway.
     * (true: both signers must have an ATX stored, through {@code MalfeasanceChecks.identityExists}.)
     */
    public static final boolean DOUBLE_MERGE_CHECKS_EARLIER_ATXS = false;

    /**
     * <b>The {@code ml/2} answer</b> (spec 11 §6.1: "stream protocol ml/2 returns all v2-malicious NodeIDs"; its
     * handler and server limits were not in the sources read). Chosen: the {@code ml/1} form, SCALE
     * {@code MaliciousIDs{NodeIDs []NodeID max 8e6}}, whatever the request body, with {@code ml/1}'s server limits
     * (queue 100, 10/s). (false would mean a different message; there is none to switch to yet, this records the
     * assumption.)
     */
    public static final boolean ML2_ANSWERS_MALICIOUS_IDS = true;
}
