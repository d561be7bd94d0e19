package io.smnode.core.fixed;

/** Why hare eligibility cannot be computed for the given weights (the reference's oracle errors). */
public final class EligibilityException extends Exception {
    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** The committee size is below 1. */
        ZERO_COMMITTEE_SIZE,
        /** The epoch's total active weight is 0. */
        ZERO_TOTAL_WEIGHT,
        /** The identity's (scaled) weight is above {@link HareEligibility#MAX_SUPPORTED_N}. */
        WEIGHT_ABOVE_SUPPORTED_MAXIMUM
    }

    private final Reason reason;

    public EligibilityException(Reason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
