package io.smnode.activation;

import io.smnode.core.codec.CoreCodecs;
import io.smnode.core.codec.Scale;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.codec.ScaleException;
import io.smnode.core.signing.Domain;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.signing.EdVerifier;
import io.smnode.core.signing.Signature;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.NodeId;

/**
 * A signed ATX v1 as gossiped on {@code ax1} and fetched by hash (spec 02 §1): the inner ATX (inline), the signer's
 * identity and its ATX-domain signature over {@link AtxMetadata}.
 */
public record ActivationTxV1(InnerActivationTxV1 inner, NodeId smesherId, Signature signature) implements ActivationTx {
    public static final ScaleCodec<ActivationTxV1> CODEC = ScaleCodec.of(
            (w, v) -> {
                InnerActivationTxV1.encodeFields(w, v.inner());
                w.field("SmesherID", CoreCodecs.NODE_ID, v.smesherId());
                w.field("Signature", CoreCodecs.SIGNATURE, v.signature());
            },
            r -> new ActivationTxV1(
                    InnerActivationTxV1.decodeFields(r),
                    r.field("SmesherID", CoreCodecs.NODE_ID),
                    r.field("Signature", CoreCodecs.SIGNATURE)));

    /** Signs {@code inner} as {@code signer}'s ATX. */
    public static ActivationTxV1 sign(InnerActivationTxV1 inner, EdSigner signer) {
        AtxMetadata metadata = new AtxMetadata(inner.challenge().publishEpoch(), Hash32.of(inner.id().toByteArray()));
        return new ActivationTxV1(inner, signer.nodeId(), signer.sign(Domain.ATX, metadata.encode()));
    }

    /** Decodes a whole ATX; every malformation is a {@link ScaleException} with its reason and field path. */
    public static ActivationTxV1 decode(byte[] bytes) throws ScaleException {
        return Scale.decode("ActivationTxV1", CODEC, bytes);
    }

    @Override
    public byte[] encode() {
        return Scale.encode(CODEC, this);
    }

    @Override
    public AtxId id() {
        return inner.id();
    }

    @Override
    public AtxVersion version() {
        return AtxVersion.V1;
    }

    @Override
    public EpochId publishEpoch() {
        return inner.challenge().publishEpoch();
    }

    public NIPostChallengeV1 challenge() {
        return inner.challenge();
    }

    /** What the signature covers. */
    public AtxMetadata metadata() {
        return new AtxMetadata(inner.challenge().publishEpoch(), Hash32.of(id().toByteArray()));
    }

    public boolean signatureValid(EdVerifier verifier) {
        return verifier.verify(Domain.ATX, smesherId, metadata().encode(), signature);
    }
}
