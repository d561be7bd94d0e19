package io.smnode.hare;

import io.smnode.core.codec.Scale;
import io.smnode.core.signing.EdVerifier;
import io.smnode.core.types.NodeId;
import java.util.Objects;
import java.util.Optional;

/**
 * Evidence that an identity signed two different messages for the same layer and round (the reference's
 * {@code wire.HareProof}). {@link #malfeasanceProofBytes()} is what gets persisted and gossiped.
 */
public record HareEquivocation(HareProofMessage first, HareProofMessage second) {
    /** The malfeasance proof type byte of a hare equivocation (the reference's {@code wire.HareEquivocation}). */
    public static final int MALFEASANCE_TYPE = 3;

    public HareEquivocation {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
    }

    /** SCALE of the reference's {@code MalfeasanceProof{layer, Proof{type 3, HareProof}}}. */
    public byte[] malfeasanceProofBytes() {
        return Scale.encode(HareCodecs.MALFEASANCE_PROOF, this);
    }

    /**
     * The identity this proves malicious, if it proves anything (the reference's handler check, without its
     * "identity exists" database lookup): both signatures valid, one smesher, same layer and round, different
     * message hashes.
     */
    public Optional<NodeId> offender(EdVerifier verifier) {
        HareMetadata a = first.metadata();
        HareMetadata b = second.metadata();
        boolean proves = first.smesher().equals(second.smesher())
                && a.layer().equals(b.layer())
                && a.round() == b.round()
                && !a.msgHash().equals(b.msgHash());
        if (!proves || !first.signatureValid(verifier) || !second.signatureValid(verifier)) {
            return Optional.empty();
        }
        return Optional.of(first.smesher());
    }
}
