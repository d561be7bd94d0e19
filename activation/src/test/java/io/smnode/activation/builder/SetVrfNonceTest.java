package io.smnode.activation.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.activation.VrfNonceCheck;
import org.junit.jupiter.api.Test;

/** The merged ATX's nonce: the signer's own when it still qualifies for the set's units, else the first that does. */
class SetVrfNonceTest {
    private static final int SCRYPT_N = 2;
    private static final SmesherSetup SIGNER = MarriageLifecycleTest.setup(7, 1);

    private static boolean valid(long nonce, long units) {
        return VrfNonceCheck.isValid(SIGNER.signer().nodeId(), SIGNER.commitmentAtx(), nonce, SIGNER.labelsPerUnit(),
                units, SCRYPT_N);
    }

    @Test
    void theFirstLabelQualifyingForTheTotalUnits() {
        long units = 6;
        long nonce = new SetVrfNonce(SCRYPT_N, 100_000).find(SIGNER, units);
        assertTrue(valid(nonce, units));
        for (long n = 0; n < nonce; n++) {
            assertFalse(valid(n, units), "label " + n + " qualifies already");
        }
    }

    @Test
    void theSignersOwnNonceWhenItStillQualifies() {
        long units = 6;
        long own = new SetVrfNonce(SCRYPT_N, 100_000).find(SIGNER, units);
        long later = own + 1;
        while (!valid(later, units)) {
            later++;
        }
        SmesherSetup withLater = new SmesherSetup(SIGNER.signer(), SIGNER.coinbase(), 1, SIGNER.labelsPerUnit(),
                SIGNER.commitmentAtx(), later, SIGNER.initialPost());
        assertEquals(later, new SetVrfNonce(SCRYPT_N, 100_000).find(withLater, units));
    }

    @Test
    void aSearchThatFindsNoneSaysSo() {
        SmesherSetup invalidOwn = new SmesherSetup(SIGNER.signer(), SIGNER.coinbase(), 1, SIGNER.labelsPerUnit(),
                SIGNER.commitmentAtx(), Long.MAX_VALUE, SIGNER.initialPost());
        assertFalse(valid(Long.MAX_VALUE, 6));
        long first = new SetVrfNonce(SCRYPT_N, 100_000).find(SIGNER, 6);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new SetVrfNonce(SCRYPT_N, first).find(invalidOwn, 6));
        assertTrue(e.getMessage().contains("no VRF nonce"), e.getMessage());
    }
}
