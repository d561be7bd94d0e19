package io.smnode.core.fixed;

/**
 * A fixed-point result does not fit its representation: where the reference panics with {@code ErrOverflow}.
 * Consensus code must treat it like the reference treats the panic (for hare: the input is refused), never as a
 * value.
 */
public final class FixedOverflowException extends ArithmeticException {
    private static final long serialVersionUID = 1L;

    public FixedOverflowException() {
        super("fixed-point overflow");
    }
}
