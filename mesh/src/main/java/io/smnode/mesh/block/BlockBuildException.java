package io.smnode.mesh.block;

/** Carries a {@link BlockFailure} out of the generator's steps; the generator turns it into an outcome. */
final class BlockBuildException extends Exception {
    private final BlockFailure reason;

    BlockBuildException(BlockFailure reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    BlockFailure reason() {
        return reason;
    }
}
