package io.smnode.core.vrf;

import io.smnode.core.ed25519.EdwardsPoint;
import io.smnode.core.ed25519.Scalar;
import io.smnode.core.types.NodeId;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * ECVRF_verify and ECVRF_proof_to_hash (draft-13 §5.2-5.3) with curve25519-voi's checks: the public key must be a
 * canonical encoding of a point that is not of small order (full uniqueness), Gamma must be canonical and
 * s below L. Hostile bytes give "invalid", never an exception.
 */
public final class VrfVerifier {
    private VrfVerifier() {}

    public static boolean verify(NodeId publicKey, byte[] alpha, VrfProof proof) {
        return verifyAndHash(publicKey, alpha, proof).isPresent();
    }

    /** The output beta when the proof is valid for this key and alpha; empty otherwise. */
    public static Optional<VrfOutput> verifyAndHash(NodeId publicKey, byte[] alpha, VrfProof proof) {
        if (publicKey == null || alpha == null || proof == null) {
            return Optional.empty();
        }
        byte[] pk = publicKey.toByteArray();
        Optional<EdwardsPoint> y = EdwardsPoint.decode(pk);
        if (y.isEmpty() || y.get().isSmallOrder()) {
            return Optional.empty();
        }
        Optional<Ecvrf.DecodedProof> decoded = Ecvrf.decodeProof(proof);
        if (decoded.isEmpty()) {
            return Optional.empty();
        }
        Ecvrf.DecodedProof d = decoded.get();
        EdwardsPoint h = Ecvrf.encodeToCurve(pk, alpha);
        byte[] c = d.challenge().toByteArray();
        Scalar minusC = Scalar.fromBytesModOrder(c).negate();
        EdwardsPoint u = EdwardsPoint.mulAddBasepointVartime(minusC, y.get(), d.s()); // s*B - c*Y
        EdwardsPoint v = EdwardsPoint.mulAddVartime(d.s(), h, minusC, d.gamma());     // s*H - c*Gamma
        byte[] expected = Ecvrf.challenge(pk, h.encode(), d.gammaEncoding().toByteArray(), u, v);
        if (!MessageDigest.isEqual(expected, c)) {
            return Optional.empty();
        }
        return Optional.of(Ecvrf.gammaToHash(d.gamma()));
    }

    /**
     * beta for a proof without checking it against a key and message: only for proofs known to be valid (made
     * here, or already verified). Empty when the proof does not even decode.
     */
    public static Optional<VrfOutput> proofToHash(VrfProof proof) {
        return Ecvrf.decodeProof(proof).map(d -> Ecvrf.gammaToHash(d.gamma()));
    }
}
