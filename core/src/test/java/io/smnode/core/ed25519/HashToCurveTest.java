package io.smnode.core.ed25519;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smnode.core.hash.Sha512;
import io.smnode.core.util.Hex;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected values are the published test vectors of RFC 9380 (Appendix J.5.2 and Appendix K.3). */
class HashToCurveTest {
    private static final byte[] SUITE_DST =
            "QUUX-V01-CS02-with-edwards25519_XMD:SHA-512_ELL2_NU_".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EXPANDER_DST =
            "QUUX-V01-CS02-with-expander-SHA512-256".getBytes(StandardCharsets.US_ASCII);

    /** RFC 9380 J.5.2 edwards25519_XMD:SHA-512_ELL2_NU_: msg, u[0], Q (before cofactor clearing), P. */
    @ParameterizedTest(name = "msg=\"{0}\"")
    @CsvSource({
            "'',"
                    + "7f3e7fb9428103ad7f52db32f9df32505d7b427d894c5093f7a0f0374a30641d,"
                    + "42836f691d05211ebc65ef8fcf01e0fb6328ec9c4737c26050471e50803022eb,"
                    + "22cb4aaa555e23bd460262d2130d6a3c9207aa8bbb85060928beb263d6d42a95,"
                    + "1ff2b70ecf862799e11b7ae744e3489aa058ce805dd323a936375a84695e76da,"
                    + "222e314d04a4d5725e9f2aff9fb2a6b69ef375a1214eb19021ceab2d687f0f9b",
            "abc,"
                    + "09cfa30ad79bd59456594a0f5d3a76f6b71c6787b04de98be5cd201a556e253b,"
                    + "333e41b61c6dd43af220c1ac34a3663e1cf537f996bab50ab66e33c4bd8e4e19,"
                    + "51b6f178eb08c4a782c820e306b82c6e273ab22e258d972cd0c511787b2a3443,"
                    + "5f13cc69c891d86927eb37bd4afc6672360007c63f68a33ab423a3aa040fd2a8,"
                    + "67732d50f9a26f73111dd1ed5dba225614e538599db58ba30aaea1f5c827fa42",
            "abcdef0123456789,"
                    + "475ccff99225ef90d78cc9338e9f6a6bb7b17607c0c4428937de75d33edba941,"
                    + "55186c242c78e7d0ec5b6c9553f04c6aeef64e69ec2e824472394da32647cfc6,"
                    + "5b9ea3c265ee42256a8f724f616307ef38496ef7eba391c08f99f3bea6fa88f0,"
                    + "1dd2fefce934ecfd7aae6ec998de088d7dd03316aa1847198aecf699ba6613f1,"
                    + "2f8a6c24dd1adde73909cada6a4a137577b0f179d336685c4a955a0a8e1a86fb"})
    void encodeToCurveMatchesRfc9380(String msg, String u, String qx, String qy, String px, String py) {
        assertEquals(affine(qx, qy), HashToCurve.mapToCurveElligator2Edwards(field(u)));
        assertEquals(affine(px, py),
                HashToCurve.encodeToCurveSha512Ell2Nu(SUITE_DST, msg.getBytes(StandardCharsets.US_ASCII)));
    }

    /** RFC 9380 K.3 expand_message_xmd(SHA-512). */
    @ParameterizedTest(name = "msg=\"{0}\" len={1}")
    @CsvSource({
            "'',32,6b9a7312411d92f921c6f68ca0b6380730a1a4d982c507211a90964c394179ba",
            "abc,32,0da749f12fbe5483eb066a5f595055679b976e93abe9be6f0f6318bce7aca8dc",
            "'',128,41b037d1734a5f8df225dd8c7de38f851efdb45c372887be655212d07251b921"
                    + "b052b62eaed99b46f72f2ef4cc96bfaf254ebbbec091e1a3b9e4fb5e5b619d2e"
                    + "0c5414800a1d882b62bb5cd1778f098b8eb6cb399d5d9d18f5d5842cf5d13d7e"
                    + "b00a7cff859b605da678b318bd0e65ebff70bec88c753b159a805d2c89c55961",
            "abc,128,7f1dddd13c08b543f2e2037b14cefb255b44c83cc397c1786d975653e36a6b11"
                    + "bdd7732d8b38adb4a0edc26a0cef4bb45217135456e58fbca1703cd6032cb134"
                    + "7ee720b87972d63fbf232587043ed2901bce7f22610c0419751c065922b48843"
                    + "1851041310ad659e4b23520e1772ab29dcdeb2002222a363f0c2b1c972b3efe1"})
    void expandMessageXmdMatchesRfc9380(String msg, int len, String expected) {
        assertEquals(expected, Hex.encode(
                HashToCurve.expandMessageXmdSha512(msg.getBytes(StandardCharsets.US_ASCII), EXPANDER_DST, len)));
    }

    private static FieldElement field(String bigEndianHex) {
        return FieldElement.fromBigInteger(new BigInteger(bigEndianHex, 16));
    }

    private static EdwardsPoint affine(String x, String y) {
        return EdwardsPoint.fromAffine(field(x), field(y));
    }
}
