package io.smnode.activation.v2;

import io.smnode.core.codec.CoreCodecs;
import io.smnode.core.codec.Scale;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.hash.Blake3;
import io.smnode.core.signing.Domain;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.signing.EdVerifier;
import io.smnode.core.signing.Signature;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.NodeId;

/**
 * An identity's will to marry the signer of the ATX that carries the certificate (spec 11 §2.2, §3.6): its
 * signature in domain MARRIAGE over the signer's node id, and an ATX of its own proving that it exists (all zero
 * for the signer's own certificate, which every marriage ATX must contain).
 */
public record MarriageCertificate(AtxId referenceAtx, Signature signature) {
    public static final ScaleCodec<MarriageCertificate> CODEC = ScaleCodec.of(
            (w, v) -> {
                w.field("ReferenceAtx", CoreCodecs.ATX_ID, v.referenceAtx());
                w.field("Signature", CoreCodecs.SIGNATURE, v.signature());
            },
            r -> new MarriageCertificate(r.field("ReferenceAtx", CoreCodecs.ATX_ID),
                    r.field("Signature", CoreCodecs.SIGNATURE)));

    /** {@code marrying}'s certificate for a marriage with {@code target}, the signer of the ATX to carry it. */
    public static MarriageCertificate sign(EdSigner marrying, NodeId target, AtxId referenceAtx) {
        return new MarriageCertificate(referenceAtx, marrying.sign(Domain.MARRIAGE, target.toByteArray()));
    }

    /** The signer's own certificate: reference zero, signed over its own id. */
    public static MarriageCertificate self(EdSigner signer) {
        return sign(signer, signer.nodeId(), AtxId.ZERO);
    }

    /** Whether {@code marrying} signed this certificate to marry {@code target}. */
    public boolean signedBy(EdVerifier verifier, NodeId marrying, NodeId target) {
        return verifier.verify(Domain.MARRIAGE, marrying, target.toByteArray(), signature);
    }

    public boolean isSelf() {
        return referenceAtx.isZero();
    }

    /** Its leaf in the marriages tree: {@code BLAKE3(SCALE(certificate))}, 96 bytes hashed (spec 11 §3.4). */
    public Hash32 root() {
        return Blake3.hash(Scale.encode(CODEC, this));
    }
}
