package io.smnode.hare;

import io.smnode.core.signing.Domain;
import io.smnode.core.signing.EdVerifier;
import io.smnode.core.signing.Signature;
import io.smnode.core.types.NodeId;
import java.util.Objects;

/** One message of an equivocation proof (the reference's {@code wire.HareProofMsg}): metadata, smesher, signature. */
public record HareProofMessage(HareMetadata metadata, NodeId smesher, Signature signature) {
    public HareProofMessage {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(smesher, "smesher");
        Objects.requireNonNull(signature, "signature");
    }

    public boolean signatureValid(EdVerifier verifier) {
        return verifier.verify(Domain.HARE, smesher, metadata.signedBytes(), signature);
    }
}
