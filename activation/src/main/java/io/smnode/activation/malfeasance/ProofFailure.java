package io.smnode.activation.malfeasance;

/** A failed condition of a proof, carried out of nested checks to the one {@link ProofCheck} a check returns. */
public final class ProofFailure extends Exception {
    private static final long serialVersionUID = 1L;
    final MalfeasanceRule rule;

    ProofFailure(MalfeasanceRule rule, String detail) {
        super(detail, null, false, false);
        this.rule = rule;
    }

    static void require(boolean condition, MalfeasanceRule rule, String detail) throws ProofFailure {
        if (!condition) {
            throw new ProofFailure(rule, detail);
        }
    }
}
