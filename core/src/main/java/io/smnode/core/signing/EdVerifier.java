package io.smnode.core.signing;

import io.smnode.core.types.Bytes;
import io.smnode.core.types.NodeId;
import java.util.Objects;

/** Checks signatures made by {@link EdSigner} with the same prefix, under the rules of {@link Ed25519#verify}. */
public final class EdVerifier {
    private final Bytes prefix;

    public EdVerifier(Bytes prefix) {
        this.prefix = Objects.requireNonNull(prefix, "prefix");
    }

    public boolean verify(Domain domain, NodeId signer, byte[] message, Signature signature) {
        return Ed25519.verify(signer.toByteArray(), SignedBytes.withDomain(prefix, domain, message), signature);
    }

    /** The transaction form: {@code prefix || tx bytes without the signature}, no domain byte. */
    public boolean verifyTransaction(byte[] publicKey, byte[] txWithoutSignature, Signature signature) {
        return Ed25519.verify(publicKey, SignedBytes.transaction(prefix, txWithoutSignature), signature);
    }

    public Bytes prefix() {
        return prefix;
    }

    @Override
    public String toString() {
        return "EdVerifier(prefix=" + prefix.hex() + ")";
    }
}
