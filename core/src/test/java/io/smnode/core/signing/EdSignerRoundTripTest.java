package io.smnode.core.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.types.Bytes;
import io.smnode.core.util.Hex;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** Our verifier against BouncyCastle's signer on many inputs, and the binding of prefix and domain. */
class EdSignerRoundTripTest {
    private static final Bytes PREFIX = Bytes.ofHex("9eebff023abb17ccb775c602daade8ed708f0a50");
    private static final byte[] SEED = Hex.decode("2dcddb8e0ddd2269f536da5768e890790f2b84366e0fb8396bdcd15c0d7c30b9");

    @Test
    void thousandSignaturesVerifyAndTheirTamperedMessagesDoNot() {
        EdSigner signer = EdSigner.fromSeed(SEED, PREFIX);
        EdVerifier verifier = new EdVerifier(PREFIX);
        int valid = 0;
        int tamperedValid = 0;
        for (int i = 0; i < 1000; i++) {
            byte[] msg = ByteBuffer.allocate(8).putInt(i).putInt(i * 31).array();
            Signature sig = signer.sign(Domain.HARE, msg);
            valid += verifier.verify(Domain.HARE, signer.nodeId(), msg, sig) ? 1 : 0;
            if (i % 10 == 0) {
                msg[7] ^= 1;
                tamperedValid += verifier.verify(Domain.HARE, signer.nodeId(), msg, sig) ? 1 : 0;
            }
        }
        assertEquals(1000, valid);
        assertEquals(0, tamperedValid);
    }

    @Test
    void domainAndPrefixAreBound() {
        EdSigner signer = EdSigner.fromSeed(SEED, PREFIX);
        byte[] msg = {1, 2, 3};
        Signature sig = signer.sign(Domain.BALLOT, msg);
        assertTrue(new EdVerifier(PREFIX).verify(Domain.BALLOT, signer.nodeId(), msg, sig));
        assertFalse(new EdVerifier(PREFIX).verify(Domain.PROPOSAL, signer.nodeId(), msg, sig));
        assertFalse(new EdVerifier(Bytes.EMPTY).verify(Domain.BALLOT, signer.nodeId(), msg, sig));
    }

    @Test
    void transactionsAreSignedOverPrefixAndBytesWithoutDomain() {
        EdSigner signer = EdSigner.fromSeed(SEED, PREFIX);
        byte[] tx = {9, 8, 7, 6};
        Signature sig = signer.signTransaction(tx);
        byte[] pk = signer.nodeId().toByteArray();
        assertTrue(new EdVerifier(PREFIX).verifyTransaction(pk, tx, sig));
        byte[] signedBytes = Hex.decode("9eebff023abb17ccb775c602daade8ed708f0a50" + "09080706");
        assertTrue(Ed25519.verify(pk, signedBytes, sig.toByteArray()));
        assertFalse(new EdVerifier(PREFIX).verify(Domain.ATX, signer.nodeId(), tx, sig));
    }

    @Test
    void malformedInputIsInvalidNotAnException() {
        EdSigner signer = EdSigner.fromSeed(SEED, PREFIX);
        byte[] sig = signer.sign(Domain.ATX, new byte[0]).toByteArray();
        byte[] pk = signer.nodeId().toByteArray();
        assertFalse(Ed25519.verify(null, new byte[0], sig));
        assertFalse(Ed25519.verify(pk, null, sig));
        assertFalse(Ed25519.verify(new byte[31], new byte[0], sig));
        assertFalse(Ed25519.verify(pk, new byte[0], new byte[63]));
        assertFalse(Ed25519.verify(pk, new byte[0], new byte[64]));
    }

    @Test
    void vrfSignerSharesTheIdentityKey() {
        EdSigner signer = EdSigner.fromSeed(SEED, PREFIX);
        assertEquals(signer.nodeId(), signer.vrfSigner().nodeId());
    }

    @Test
    void toStringShowsNoSecret() {
        EdSigner signer = EdSigner.fromSeed(SEED, PREFIX);
        String s = signer.toString();
        assertFalse(s.contains("2dcddb8e"), s);
        assertTrue(s.contains(signer.nodeId().hex()), s);
    }
}
