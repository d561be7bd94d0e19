package io.smnode.api.grpc;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/** Answers a unary call from a quick read: a value, or the failure the read threw (a gRPC status when it is one). */
public final class Calls {
    private Calls() {}

    public static <T> CompletionStage<T> now(Supplier<T> read) {
        try {
            return CompletableFuture.completedFuture(read.get());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
