package io.smnode.activation.malfeasance;

import io.smnode.activation.AtxHistory;
import io.smnode.activation.marriage.EquivocationSetStore;
import io.smnode.activation.marriage.EquivocationSets;
import io.smnode.activation.marriage.MaliciousMark;
import io.smnode.activation.marriage.SetChange;
import io.smnode.activation.v2.VerifyChoices;
import io.smnode.core.codec.ScaleException;
import io.smnode.core.types.NodeId;
import io.smnode.core.verdict.Verdict;
import java.util.Optional;

/**
 * Receiving a malfeasance v2 envelope, gossiped or fetched (spec 11 §6.1, the reference's
 * {@code malfeasance2.Handler}), in two steps around the fetch of its RefATXs: {@link #check} decodes it, checks
 * version and domain and the ATX-domain proof, and names the accused; after the caller fetched the RefATXs from
 * the sender, {@link #handle} finds the identities the proof makes malicious (the accused and its set, or the
 * unmarried accused if it is known to exist) and the marks to apply. Gossip from the node itself is the caller's
 * to skip.
 */
public final class MalfeasanceV2Handler {
    private final MalfeasanceChecks checks;

    public MalfeasanceV2Handler(MalfeasanceChecks checks) {
        this.checks = checks;
    }

    /** A checked envelope: the proof's verdict, and on accept the envelope and the accused. */
    public record Checked(ProofCheck check, Optional<MalfeasanceProofV2> envelope) {}

    public Checked check(byte[] bytes) {
        MalfeasanceProofV2 envelope;
        try {
            envelope = MalfeasanceProofV2.decode(bytes);
        } catch (ScaleException e) {
            return new Checked(ProofCheck.invalid(MalfeasanceRule.MALFORMED, e.getMessage()), Optional.empty());
        }
        if (envelope.version() != MalfeasanceV2.ENVELOPE_VERSION) {
            return new Checked(ProofCheck.invalid(MalfeasanceRule.UNKNOWN_VERSION, "envelope version "
                    + envelope.version()), Optional.empty());
        }
        if (envelope.domain() != MalfeasanceV2.INVALID_ACTIVATION) {
            return new Checked(ProofCheck.invalid(MalfeasanceRule.UNKNOWN_DOMAIN, "domain " + envelope.domain()),
                    Optional.empty());
        }
        ProofCheck check = checkAtxProof(envelope.proof().toByteArray());
        return new Checked(check, check.valid() ? Optional.of(envelope) : Optional.empty());
    }

    /** The ATX domain's check (the reference's {@code MalfeasanceHandlerV2.Validate}). */
    public ProofCheck checkAtxProof(byte[] bytes) {
        try {
            AtxProof proof = AtxProof.decode(bytes);
            if (proof.version() != MalfeasanceV2.ATX_PROOF_VERSION) {
                return ProofCheck.invalid(MalfeasanceRule.UNKNOWN_ATX_PROOF_VERSION, "ATX proof version "
                        + proof.version());
            }
            Optional<AtxMalfeasanceProof> typed = proof.typed();
            if (typed.isEmpty()) {
                return ProofCheck.invalid(MalfeasanceRule.UNKNOWN_PROOF_TYPE, "proof type 0x"
                        + Integer.toHexString(proof.proofType()));
            }
            return typed.get().check(checks);
        } catch (ScaleException e) {
            return ProofCheck.invalid(MalfeasanceRule.MALFORMED, e.getMessage());
        }
    }

    /** The outcome: accept with the identities and marks, or why not. */
    public record Handled(Verdict verdict, Optional<EquivocationSets.Accusation> accusation) {
        public SetChange change() {
            return accusation.map(EquivocationSets.Accusation::change).orElse(SetChange.NONE);
        }
    }

    /**
     * @param requested for a fetched proof, the node id it was fetched by (it must be among the identities)
     */
    public Handled handle(Checked checked, Optional<NodeId> requested, AtxHistory store, EquivocationSetStore sets) {
        if (!checked.check().valid()) {
            return new Handled(checked.check().verdict(), Optional.empty());
        }
        NodeId accused = checked.check().malicious().orElseThrow();
        MalfeasanceProofV2 envelope = checked.envelope().orElseThrow();
        if (VerifyChoices.UNMARRIED_IDENTITY_MUST_HAVE_AN_ATX && sets.marriageOf(accused).isEmpty()
                && store.firstWithPost(accused).isEmpty()) {
            return new Handled(Verdict.reject(MalfeasanceRule.UNKNOWN_IDENTITY, "no ATX of " + accused.hex()
                    + ": missing proof for the identity's existence"), Optional.empty());
        }
        EquivocationSets.Accusation a = EquivocationSets.accuse(sets, accused,
                new MaliciousMark(envelope.domain(), envelope.proof()));
        if (requested.isPresent() && !a.identities().contains(requested.get())) {
            return new Handled(Verdict.reject(MalfeasanceRule.WRONG_HASH, "the proof is not valid for "
                    + requested.get().hex()), Optional.empty());
        }
        return new Handled(Verdict.accept(), Optional.of(a));
    }
}
