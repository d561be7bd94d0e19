package io.smnode.activation.builder;

import io.smnode.activation.VrfNonceCheck;

/**
 * The VRF nonce a merged ATX carries (spec 11 §5.2 step 10): a label index of the signer's data (its identity and
 * commitment) valid for the set's total units. The signer's own nonce when it qualifies, else the first index from
 * 0 that does: about one in {@code totalUnits × labelsPerUnit / 8} labels qualifies, so this is for devnet sizes
 * (mainnet's would be a search through the initialized data).
 */
public final class SetVrfNonce implements MarriageLifecycle.SetNonce {
    private final int scryptN;
    private final long maxTries;

    /** @param maxTries labels computed at most before giving up (a refusal with the numbers, not a hang) */
    public SetVrfNonce(int scryptN, long maxTries) {
        this.scryptN = scryptN;
        this.maxTries = maxTries;
    }

    @Override
    public long find(SmesherSetup signer, long totalUnits) {
        if (valid(signer, signer.vrfNonce(), totalUnits)) {
            return signer.vrfNonce();
        }
        for (long n = 0; n < maxTries; n++) {
            if (valid(signer, n, totalUnits)) {
                return n;
            }
        }
        throw new IllegalStateException("no VRF nonce for " + totalUnits + " units among the first " + maxTries
                + " labels of " + signer.signer().nodeId().hex());
    }

    private boolean valid(SmesherSetup signer, long nonce, long totalUnits) {
        return VrfNonceCheck.isValid(signer.signer().nodeId(), signer.commitmentAtx(), nonce, signer.labelsPerUnit(),
                totalUnits, scryptN);
    }
}
