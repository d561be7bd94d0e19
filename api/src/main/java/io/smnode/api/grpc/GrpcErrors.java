package io.smnode.api.grpc;

import io.grpc.Status;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.grpc.GrpcServiceException;

/**
 * The errors a service answers, as gRPC statuses with one sentence each: the same codes the reference uses for the
 * same mistakes (a bad argument is INVALID_ARGUMENT, a missing smesher setting FAILED_PRECONDITION).
 */
public final class GrpcErrors {
    private GrpcErrors() {}

    public static GrpcServiceException invalidArgument(String message) {
        return new GrpcServiceException(Status.INVALID_ARGUMENT.withDescription(message));
    }

    public static GrpcServiceException failedPrecondition(String message) {
        return new GrpcServiceException(Status.FAILED_PRECONDITION.withDescription(message));
    }

    public static GrpcServiceException notFound(String message) {
        return new GrpcServiceException(Status.NOT_FOUND.withDescription(message));
    }

    public static GrpcServiceException alreadyExists(String message) {
        return new GrpcServiceException(Status.ALREADY_EXISTS.withDescription(message));
    }

    public static GrpcServiceException unavailable(String message) {
        return new GrpcServiceException(Status.UNAVAILABLE.withDescription(message));
    }

    public static GrpcServiceException internal(String message) {
        return new GrpcServiceException(Status.INTERNAL.withDescription(message));
    }

    /** A call answered with {@code error} instead of a value. */
    public static <T> CompletionStage<T> failed(GrpcServiceException error) {
        return CompletableFuture.failedFuture(error);
    }
}
