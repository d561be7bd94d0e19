package io.smnode.activation.malfeasance;

import io.smnode.core.types.NodeId;

/** One ATX-domain proof (spec 11 §6.2–6.5): encodable, and able to check itself. */
public sealed interface AtxMalfeasanceProof permits ProofDoubleMarry, ProofDoubleMerge, ProofInvalidPost,
        ProofInvalidPrevAtxV1, ProofInvalidPrevAtxV2 {
    ProofType type();

    /** Its SCALE bytes (the {@code Proof} field of an {@link AtxProof}). */
    byte[] encode();

    /** The identity it proves malicious, or the first condition it fails (the reference's {@code Valid}). */
    default ProofCheck check(MalfeasanceChecks checks) {
        try {
            return ProofCheck.valid(validate(checks));
        } catch (ProofFailure f) {
            return ProofCheck.invalid(f.rule, f.getMessage());
        }
    }

    /** @return the malicious identity */
    NodeId validate(MalfeasanceChecks checks) throws ProofFailure;
}
