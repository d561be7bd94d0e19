package io.smnode.api.grpc;

/**
 * The window every list answers: at most {@link #MAX_LIMIT} items after skipping {@code offset}. A limit of 0 or over
 * the maximum is refused, as the reference does, so that no request can ask the node for an unbounded answer.
 */
public record Paging(long offset, int limit) {
    public static final int MAX_LIMIT = 100;

    /** @throws org.apache.pekko.grpc.GrpcServiceException INVALID_ARGUMENT for a limit outside 1..100 */
    public static Paging of(long offset, long limit) {
        if (limit == 0) {
            throw GrpcErrors.invalidArgument("limit must be set to <= " + MAX_LIMIT);
        }
        if (limit < 0 || limit > MAX_LIMIT) { // a uint64 over 2^63 arrives negative
            throw GrpcErrors.invalidArgument("limit is capped at " + MAX_LIMIT);
        }
        if (offset < 0) {
            throw GrpcErrors.invalidArgument("offset must be below 2^63");
        }
        return new Paging(offset, (int) limit);
    }

    /** How many items a reader must keep to answer this window. */
    public long end() {
        return offset + limit;
    }
}
