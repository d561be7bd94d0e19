package io.smnode.core.vrf;

import io.smnode.core.ed25519.EdwardsPoint;
import io.smnode.core.ed25519.Scalar;
import io.smnode.core.hash.Sha512;
import io.smnode.core.types.NodeId;
import java.util.Arrays;

/**
 * ECVRF prover keyed by a node's Ed25519 seed (the reference's VRFSigner reuses the identity key), so the VRF
 * public key is the node ID. Deterministic: the same seed and alpha always give the same proof.
 *
 * <p>Secrets only meet value-independent code: {@link Scalar} arithmetic and {@link EdwardsPoint#multiply}.
 * Neither the secret scalar nor the nonce key is ever printed.
 */
public final class VrfSigner {
    private final Scalar secretScalar;
    private final byte[] nonceKey;
    private final byte[] publicKey;
    private final NodeId nodeId;

    private VrfSigner(Scalar secretScalar, byte[] nonceKey) {
        this.secretScalar = secretScalar;
        this.nonceKey = nonceKey;
        this.publicKey = EdwardsPoint.BASEPOINT.multiply(secretScalar).encode();
        this.nodeId = NodeId.of(publicKey);
    }

    /**
     * Derives x and the nonce key as RFC 8032 §5.1.5 does: SHA-512(seed) = clamped-x (32) || prefix (32).
     *
     * @throws IllegalArgumentException when the seed is not 32 bytes
     */
    public static VrfSigner fromSeed(byte[] seed) {
        if (seed == null || seed.length != 32) {
            throw new IllegalArgumentException("an Ed25519 seed is 32 bytes");
        }
        byte[] h = Sha512.hash(seed);
        h[0] &= (byte) 248;
        h[31] &= 127;
        h[31] |= 64;
        // x only ever multiplies points of prime order L or enters arithmetic mod L, so reducing it is harmless.
        Scalar x = Scalar.fromBytesModOrder(Arrays.copyOf(h, 32));
        return new VrfSigner(x, Arrays.copyOfRange(h, 32, 64));
    }

    /** ECVRF_prove(SK, alpha) (draft-13 §5.1). */
    public VrfProof prove(byte[] alpha) {
        EdwardsPoint h = Ecvrf.encodeToCurve(publicKey, alpha);
        byte[] hBytes = h.encode();
        byte[] gamma = h.multiply(secretScalar).encode();
        // ECVRF_nonce_generation (RFC 8032 style, draft-13 §5.4.2.2): k = SHA-512(prefix || h_string) mod L.
        Scalar k = Scalar.fromBytesModOrderWide(Sha512.hash(nonceKey, hBytes));
        byte[] c = Ecvrf.challenge(publicKey, hBytes, gamma, EdwardsPoint.BASEPOINT.multiply(k), h.multiply(k));
        Scalar s = k.add(Scalar.fromBytesModOrder(c).mul(secretScalar));

        byte[] pi = new byte[VrfProof.LENGTH];
        System.arraycopy(gamma, 0, pi, 0, 32);
        System.arraycopy(c, 0, pi, 32, Ecvrf.CHALLENGE_LENGTH);
        System.arraycopy(s.toBytes(), 0, pi, 32 + Ecvrf.CHALLENGE_LENGTH, 32);
        return VrfProof.of(pi);
    }

    /** The VRF public key, equal to the node's Ed25519 public key for the same seed. */
    public NodeId nodeId() {
        return nodeId;
    }

    @Override
    public String toString() {
        return "VrfSigner(" + nodeId.hex() + ")";
    }
}
