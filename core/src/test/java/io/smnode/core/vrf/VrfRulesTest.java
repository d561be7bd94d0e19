package io.smnode.core.vrf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.ed25519.EdwardsPoint;
import io.smnode.core.ed25519.Scalar;
import io.smnode.core.types.NodeId;
import io.smnode.core.util.Hex;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The draft-13 validity rules the vectors cannot show on their own: each test builds a proof that is consistent
 * with the verification equations and must still be refused because of one rule.
 */
class VrfRulesTest {
    private static final byte[] ALPHA = "hello world".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEED = Hex.decode("2dcddb8e0ddd2269f536da5768e890790f2b84366e0fb8396bdcd15c0d7c30b9");

    @Test
    void identityPublicKeyIsRefusedThoughItsForgedProofIsConsistent() {
        // With Y = identity, Gamma = identity and s = k, U = sB - cY = kB and V = sH - cGamma = kH: the challenge
        // recomputes. Only ECVRF_validate_key (Y must not be small order) stops the forgery.
        byte[] y = EdwardsPoint.IDENTITY.encode();
        EdwardsPoint h = Ecvrf.encodeToCurve(y, ALPHA);
        Scalar k = Scalar.fromBytesModOrder(new byte[] {42});
        byte[] gamma = EdwardsPoint.IDENTITY.encode();
        byte[] c = Ecvrf.challenge(y, h.encode(), gamma, EdwardsPoint.BASEPOINT.multiply(k), h.multiply(k));
        VrfProof forged = VrfProof.of(concat(gamma, c, k.toBytes()));

        EdwardsPoint u = EdwardsPoint.BASEPOINT.multiply(k).subtract(EdwardsPoint.IDENTITY);
        EdwardsPoint v = h.multiply(k).subtract(EdwardsPoint.IDENTITY);
        assertArrayEquals(c, Ecvrf.challenge(y, h.encode(), gamma, u, v), "the forgery satisfies the equations");
        assertFalse(VrfVerifier.verify(NodeId.of(y), ALPHA, forged));
    }

    @Test
    void nonCanonicalSIsRefusedThoughItIsTheSameScalar() {
        VrfSigner signer = VrfSigner.fromSeed(SEED);
        byte[] pi = signer.prove(ALPHA).toByteArray();
        assertTrue(VrfVerifier.verify(signer.nodeId(), ALPHA, VrfProof.of(pi)));

        BigInteger s = littleEndian(pi, 48, 32);
        byte[] sPlusL = toLittleEndian32(s.add(Scalar.L));
        System.arraycopy(sPlusL, 0, pi, 48, 32);
        assertFalse(VrfVerifier.verify(signer.nodeId(), ALPHA, VrfProof.of(pi)));
        assertTrue(VrfVerifier.proofToHash(VrfProof.of(pi)).isEmpty());
    }

    @Test
    void nonCanonicalGammaEncodingDoesNotDecode() {
        VrfSigner signer = VrfSigner.fromSeed(SEED);
        byte[] pi = signer.prove(ALPHA).toByteArray();
        System.arraycopy(Hex.decode("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"), 0, pi, 0, 32);
        assertFalse(VrfVerifier.verify(signer.nodeId(), ALPHA, VrfProof.of(pi)));
        assertTrue(VrfVerifier.proofToHash(VrfProof.of(pi)).isEmpty());
    }

    @Test
    void vrfKeyIsTheNodeIdAndOutputIsDeterministic() {
        VrfSigner signer = VrfSigner.fromSeed(SEED);
        assertEquals("0002abedccd3ffcbf46f35f11b314d17c05a2905f918d0d72f2f6989640fbb43", signer.nodeId().hex());
        assertEquals(signer.prove(ALPHA), VrfSigner.fromSeed(SEED).prove(ALPHA));
        assertFalse(signer.toString().contains("2dcddb8e"));
    }

    @Test
    void nullInputsAreInvalid() {
        VrfSigner signer = VrfSigner.fromSeed(SEED);
        VrfProof proof = signer.prove(ALPHA);
        assertFalse(VrfVerifier.verify(null, ALPHA, proof));
        assertFalse(VrfVerifier.verify(signer.nodeId(), null, proof));
        assertFalse(VrfVerifier.verify(signer.nodeId(), ALPHA, null));
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int o = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, o, p.length);
            o += p.length;
        }
        return out;
    }

    private static BigInteger littleEndian(byte[] b, int offset, int length) {
        byte[] be = new byte[length];
        for (int i = 0; i < length; i++) {
            be[i] = b[offset + length - 1 - i];
        }
        return new BigInteger(1, be);
    }

    private static byte[] toLittleEndian32(BigInteger v) {
        byte[] be = v.toByteArray();
        byte[] out = new byte[32];
        for (int i = 0; i < Math.min(32, be.length); i++) {
            out[i] = be[be.length - 1 - i];
        }
        return out;
    }
}
