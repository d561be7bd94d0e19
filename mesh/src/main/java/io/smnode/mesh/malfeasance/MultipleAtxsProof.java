package io.smnode.mesh.malfeasance;

import io.smnode.core.codec.Scale;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.signing.Domain;
import io.smnode.core.signing.EdVerifier;
import io.smnode.core.types.LayerId;
import io.smnode.activation.ActivationTxV1;
import java.util.List;
import java.util.Optional;

/**
 * Proof that one identity signed two different ATXs for the same publish epoch (malfeasance type 1, spec 07 §5).
 * On the wire: {@code MalfeasanceProof{layer u32, proof{type u8 = 1, data = 2 × SignedAtxMetadata}}}; the layer is
 * the first layer of the publish epoch, and the earlier stored ATX comes first (as the reference's handler builds it).
 */
public record MultipleAtxsProof(LayerId layer, SignedAtxMetadata first, SignedAtxMetadata second) {
    public static final int TYPE = 1;

    /** Why a proof does not prove anything; a node must reject such a proof from a peer. */
    public enum Flaw { BAD_SIGNATURE, DIFFERENT_SMESHERS, DIFFERENT_EPOCHS, SAME_ATX }

    public static final ScaleCodec<MultipleAtxsProof> CODEC = MalfeasanceEnvelope.codec(TYPE, "MultipleATXs",
            SignedAtxMetadata.CODEC, MultipleAtxsProof::layer, MultipleAtxsProof::first, MultipleAtxsProof::second,
            MultipleAtxsProof::new);

    /**
     * The proof that {@code stored} and {@code received} are a double publication, or empty when they are not
     * (another smesher, another publish epoch, or the same ATX).
     */
    public static Optional<MultipleAtxsProof> of(ActivationTxV1 stored, ActivationTxV1 received, int layersPerEpoch) {
        if (!stored.smesherId().equals(received.smesherId())
                || !stored.challenge().publishEpoch().equals(received.challenge().publishEpoch())
                || stored.id().equals(received.id())) {
            return Optional.empty();
        }
        return Optional.of(new MultipleAtxsProof(received.challenge().publishEpoch().firstLayer(layersPerEpoch),
                SignedAtxMetadata.of(stored), SignedAtxMetadata.of(received)));
    }

    /**
     * Empty when the proof holds; otherwise its flaw. As the reference, the layer is not checked against the epoch
     * (it only orders proofs). That the identity is known is the caller's check.
     */
    public Optional<Flaw> check(EdVerifier verifier) {
        for (SignedAtxMetadata m : List.of(first, second)) {
            if (!verifier.verify(Domain.ATX, m.smesherId(), m.metadata().encode(), m.signature())) {
                return Optional.of(Flaw.BAD_SIGNATURE);
            }
        }
        if (!first.smesherId().equals(second.smesherId())) {
            return Optional.of(Flaw.DIFFERENT_SMESHERS);
        }
        if (!first.metadata().publishEpoch().equals(second.metadata().publishEpoch())) {
            return Optional.of(Flaw.DIFFERENT_EPOCHS);
        }
        if (first.metadata().msgHash().equals(second.metadata().msgHash())) {
            return Optional.of(Flaw.SAME_ATX);
        }
        return Optional.empty();
    }

    public byte[] encode() {
        return Scale.encode(CODEC, this);
    }
}
