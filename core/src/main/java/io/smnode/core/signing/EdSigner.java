package io.smnode.core.signing;

import io.smnode.core.types.Bytes;
import io.smnode.core.types.NodeId;
import io.smnode.core.vrf.VrfSigner;
import java.util.Objects;

/**
 * A node identity's signer: Ed25519 over {@code prefix || domain || message}, where the prefix is the genesis ID
 * (20 bytes) on a real network, so signatures do not carry over between networks. Holds the secret seed, which
 * never leaves this object and never appears in {@link #toString()}.
 */
public final class EdSigner {
    private final byte[] seed;
    private final NodeId nodeId;
    private final Bytes prefix;

    private EdSigner(byte[] seed, Bytes prefix) {
        this.seed = seed;
        this.nodeId = NodeId.of(Ed25519.publicKey(seed));
        this.prefix = prefix;
    }

    /** @throws IllegalArgumentException when the seed is not {@value Ed25519#SEED_LENGTH} bytes */
    public static EdSigner fromSeed(byte[] seed, Bytes prefix) {
        if (seed == null || seed.length != Ed25519.SEED_LENGTH) {
            throw new IllegalArgumentException("an Ed25519 seed is " + Ed25519.SEED_LENGTH + " bytes");
        }
        return new EdSigner(seed.clone(), Objects.requireNonNull(prefix, "prefix"));
    }

    public Signature sign(Domain domain, byte[] message) {
        return Ed25519.sign(seed, SignedBytes.withDomain(prefix, domain, message));
    }

    /** Transactions are signed over {@code prefix || tx bytes without the signature}, with no domain byte. */
    public Signature signTransaction(byte[] txWithoutSignature) {
        return Ed25519.sign(seed, SignedBytes.transaction(prefix, txWithoutSignature));
    }

    /** The public key, which is the node's identity. */
    public NodeId nodeId() {
        return nodeId;
    }

    public Bytes prefix() {
        return prefix;
    }

    /** The VRF prover keyed by the same seed (as the reference's EdSigner.VRFSigner()): its key is this node ID. */
    public VrfSigner vrfSigner() {
        return VrfSigner.fromSeed(seed);
    }

    @Override
    public String toString() {
        return "EdSigner(" + nodeId.hex() + ")";
    }
}
