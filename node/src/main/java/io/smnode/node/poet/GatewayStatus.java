package io.smnode.node.poet;

import io.smnode.poet.RejectReason;

/** The gRPC statuses the PoET answers with and the HTTP status its gateway turns each into (spec 09 §8). */
enum GatewayStatus {
    INVALID_ARGUMENT(3, 400),
    FAILED_PRECONDITION(9, 400),
    UNAUTHENTICATED(16, 401),
    NOT_FOUND(5, 404),
    ALREADY_EXISTS(6, 409),
    RESOURCE_EXHAUSTED(8, 429),
    /** A known path asked with the wrong method (as the reference gateway answers it). */
    UNIMPLEMENTED(12, 405),
    INTERNAL(13, 500);

    final int grpcCode;
    final int httpStatus;

    GatewayStatus(int grpcCode, int httpStatus) {
        this.grpcCode = grpcCode;
        this.httpStatus = httpStatus;
    }

    static GatewayStatus of(RejectReason.Status status) {
        return switch (status) {
            case INVALID_ARGUMENT -> INVALID_ARGUMENT;
            case UNAUTHENTICATED -> UNAUTHENTICATED;
            case FAILED_PRECONDITION -> FAILED_PRECONDITION;
            case RESOURCE_EXHAUSTED -> RESOURCE_EXHAUSTED;
            case ALREADY_EXISTS -> ALREADY_EXISTS;
        };
    }
}
