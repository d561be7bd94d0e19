package io.smnode.hare;

import io.smnode.core.signing.Domain;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.signing.EdVerifier;
import io.smnode.core.signing.Signature;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.NodeId;
import java.util.Objects;

/** A hare gossip message: body, sender identity, and the sender's HARE-domain signature over the body's metadata. */
public record HareMessage(Body body, NodeId sender, Signature signature) {
    public HareMessage {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(signature, "signature");
    }

    /** Signs {@code body} as {@code signer}. */
    public static HareMessage sign(Body body, EdSigner signer) {
        return new HareMessage(body, signer.nodeId(), signer.sign(Domain.HARE, body.metadata().signedBytes()));
    }

    public IterRound iterRound() {
        return body.iterRound();
    }

    public boolean signatureValid(EdVerifier verifier) {
        return signatureValid(verifier, body.hash());
    }

    /** As {@link #signatureValid(EdVerifier)} with the body hash already computed. */
    public boolean signatureValid(EdVerifier verifier, Hash32 bodyHash) {
        HareMetadata metadata = new HareMetadata(body.layer(), body.iterRound().absolute(), bodyHash);
        return verifier.verify(Domain.HARE, sender, metadata.signedBytes(), signature);
    }

    /**
     * The reference's {@code Validate}: commit and notify need a reference, preround and propose must not have
     * one. Other rounds (and proposal lists next to a reference) pass, as they do there.
     */
    public void checkShape() throws InvalidHareMessageException {
        IterRound ir = body.iterRound();
        boolean hasReference = body.value().reference().isPresent();
        if ((ir.is(Round.COMMIT) || ir.is(Round.NOTIFY)) && !hasReference) {
            throw new InvalidHareMessageException(InvalidHareMessageException.Reason.MISSING_REFERENCE,
                    "round " + ir + " needs a reference");
        }
        if ((ir.is(Round.PREROUND) || ir.is(Round.PROPOSE)) && hasReference) {
            throw new InvalidHareMessageException(InvalidHareMessageException.Reason.UNEXPECTED_REFERENCE,
                    "round " + ir + " must not carry a reference");
        }
    }

    /** This message as one half of an equivocation proof. */
    public HareProofMessage toProofMessage() {
        return new HareProofMessage(body.metadata(), sender, signature);
    }
}
