package io.smnode.poet;

/** Why a registration is refused, in check order (spec 09 §2.1), each with the gRPC status the reference returns. */
public enum RejectReason {
    INVALID_PUBKEY(Status.INVALID_ARGUMENT),
    INVALID_SIGNATURE(Status.INVALID_ARGUMENT),
    INVALID_CERTIFICATE_HINT(Status.INVALID_ARGUMENT),
    /** Any certificate failure: no key for the hint, bad signature, undecodable, other node id, expired. */
    INVALID_CERTIFICATE(Status.UNAUTHENTICATED),
    INVALID_POW_PARAMS(Status.INVALID_ARGUMENT),
    INVALID_POW(Status.INVALID_ARGUMENT),
    TOO_LATE(Status.FAILED_PRECONDITION),
    ROUND_FULL(Status.RESOURCE_EXHAUSTED),
    CONFLICTING_REGISTRATION(Status.ALREADY_EXISTS);

    /** The gRPC codes a PoET answers with (HTTP: 400, 401, 412→400, 429, 409 as in spec 09 §8). */
    public enum Status { INVALID_ARGUMENT, UNAUTHENTICATED, FAILED_PRECONDITION, RESOURCE_EXHAUSTED, ALREADY_EXISTS }

    private final Status status;

    RejectReason(Status status) {
        this.status = status;
    }

    public Status status() {
        return status;
    }
}
