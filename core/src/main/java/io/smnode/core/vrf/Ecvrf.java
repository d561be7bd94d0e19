package io.smnode.core.vrf;

import io.smnode.core.ed25519.EdwardsPoint;
import io.smnode.core.ed25519.HashToCurve;
import io.smnode.core.ed25519.Scalar;
import io.smnode.core.hash.Sha512;
import io.smnode.core.types.Bytes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;

/**
 * The steps of ECVRF-EDWARDS25519-SHA512-ELL2 (draft-irtf-cfrg-vrf-13 §5, as curve25519-voi's {@code ecvrf}
 * implements it) shared by prover and verifier. Draft-13 differs from v10 and earlier in that the challenge
 * hashes the public key as well; the reference uses the draft-13 form.
 */
final class Ecvrf {
    static final byte SUITE = 0x04;
    static final int CHALLENGE_LENGTH = 16;
    private static final byte CHALLENGE_FRONT = 0x02;
    private static final byte PROOF_TO_HASH_FRONT = 0x03;
    private static final byte BACK = 0x00;
    /** "ECVRF_" || h2c_suite_ID_string || suite_string. */
    private static final byte[] DST = dst();

    private Ecvrf() {}

    /** A proof split into its parts, with Gamma decoded. */
    record DecodedProof(EdwardsPoint gamma, Bytes gammaEncoding, Bytes challenge, Scalar s) {}

    /** ECVRF_encode_to_curve with the h2c suite: H = encode(PK_string || alpha). */
    static EdwardsPoint encodeToCurve(byte[] publicKey, byte[] alpha) {
        byte[] stringToHash = new byte[publicKey.length + alpha.length];
        System.arraycopy(publicKey, 0, stringToHash, 0, publicKey.length);
        System.arraycopy(alpha, 0, stringToHash, publicKey.length, alpha.length);
        return HashToCurve.encodeToCurveSha512Ell2Nu(DST, stringToHash);
    }

    /**
     * ECVRF_challenge_generation(Y, H, Gamma, U, V): the first 16 bytes of
     * SHA-512(suite || 0x02 || Y || H || Gamma || U || V || 0x00), read as a little-endian integer.
     */
    static byte[] challenge(byte[] publicKey, byte[] h, byte[] gamma, EdwardsPoint u, EdwardsPoint v) {
        MessageDigest md = Sha512.newDigest();
        md.update(SUITE);
        md.update(CHALLENGE_FRONT);
        md.update(publicKey);
        md.update(h);
        md.update(gamma);
        md.update(u.encode());
        md.update(v.encode());
        md.update(BACK);
        return Arrays.copyOf(md.digest(), CHALLENGE_LENGTH);
    }

    /**
     * ECVRF_decode_proof: Gamma must be a canonical point encoding (on-curve; small order is allowed, as in the
     * reference) and s must be below L. Empty otherwise.
     */
    static Optional<DecodedProof> decodeProof(VrfProof proof) {
        byte[] pi = proof.toByteArray();
        byte[] gammaBytes = Arrays.copyOfRange(pi, 0, 32);
        byte[] c = Arrays.copyOfRange(pi, 32, 32 + CHALLENGE_LENGTH);
        Optional<EdwardsPoint> gamma = EdwardsPoint.decode(gammaBytes);
        Optional<Scalar> s = Scalar.fromCanonicalBytes(Arrays.copyOfRange(pi, 32 + CHALLENGE_LENGTH, VrfProof.LENGTH));
        if (gamma.isEmpty() || s.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DecodedProof(gamma.get(), Bytes.wrap(gammaBytes), Bytes.wrap(c), s.get()));
    }

    /** beta = SHA-512(suite || 0x03 || encode(8 * Gamma) || 0x00). */
    static VrfOutput gammaToHash(EdwardsPoint gamma) {
        return VrfOutput.of(Sha512.hash(new byte[] {SUITE, PROOF_TO_HASH_FRONT}, gamma.mulByCofactor().encode(),
                new byte[] {BACK}));
    }

    private static byte[] dst() {
        byte[] name = "ECVRF_edwards25519_XMD:SHA-512_ELL2_NU_".getBytes(StandardCharsets.US_ASCII);
        byte[] out = Arrays.copyOf(name, name.length + 1);
        out[name.length] = SUITE;
        return out;
    }
}
