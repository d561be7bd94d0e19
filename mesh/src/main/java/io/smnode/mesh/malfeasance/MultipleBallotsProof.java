package io.smnode.mesh.malfeasance;

import io.smnode.core.codec.Scale;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.signing.Domain;
import io.smnode.core.signing.EdVerifier;
import io.smnode.core.types.LayerId;
import io.smnode.mesh.proposal.Ballot;
import java.util.List;
import java.util.Optional;

/**
 * Proof that one identity signed two different ballots for the same layer (malfeasance type 2, spec 07 §5). On the
 * wire: {@code MalfeasanceProof{layer u32, proof{type u8 = 2, data = 2 × SignedBallotMetadata}}}.
 */
public record MultipleBallotsProof(LayerId layer, SignedBallotMetadata first, SignedBallotMetadata second) {
    public static final int TYPE = 2;

    /** Why a proof does not prove anything; a node must reject such a proof from a peer. */
    public enum Flaw { BAD_SIGNATURE, DIFFERENT_SMESHERS, DIFFERENT_LAYERS, SAME_BALLOT }

    public static final ScaleCodec<MultipleBallotsProof> CODEC = MalfeasanceEnvelope.codec(TYPE, "MultipleBallots",
            SignedBallotMetadata.CODEC, MultipleBallotsProof::layer, MultipleBallotsProof::first, MultipleBallotsProof::second,
            MultipleBallotsProof::new);

    /** The proof for two ballots, or empty when they are not a double ballot (another smesher, layer, or the same). */
    public static Optional<MultipleBallotsProof> of(Ballot a, Ballot b) {
        if (!a.smesherId().equals(b.smesherId()) || !a.inner().layer().equals(b.inner().layer()) || a.id().equals(b.id())) {
            return Optional.empty();
        }
        return Optional.of(new MultipleBallotsProof(a.inner().layer(), SignedBallotMetadata.of(a), SignedBallotMetadata.of(b)));
    }

    /** Empty when the proof holds; otherwise its flaw. (That the identity is known is the caller's check.) */
    public Optional<Flaw> check(EdVerifier verifier) {
        for (SignedBallotMetadata m : List.of(first, second)) {
            if (!verifier.verify(Domain.BALLOT, m.smesherId(), m.metadata().encode(), m.signature())) {
                return Optional.of(Flaw.BAD_SIGNATURE);
            }
        }
        if (!first.smesherId().equals(second.smesherId())) {
            return Optional.of(Flaw.DIFFERENT_SMESHERS);
        }
        if (!first.metadata().layer().equals(second.metadata().layer()) || !first.metadata().layer().equals(layer)) {
            return Optional.of(Flaw.DIFFERENT_LAYERS);
        }
        if (first.metadata().msgHash().equals(second.metadata().msgHash())) {
            return Optional.of(Flaw.SAME_BALLOT);
        }
        return Optional.empty();
    }

    public byte[] encode() {
        return Scale.encode(CODEC, this);
    }
}
