package io.smnode.post.init;

/** How a call to {@link Initializer#run} ended. */
public sealed interface InitResult {
    /** Data complete and the nonce found; {@code metadata} is what was written. */
    record Completed(PostMetadata metadata) implements InitResult {}

    /** Stopped by {@link Initializer#cancel}; everything up to {@code labelsDone} is durable and is not redone. */
    record Cancelled(long labelsDone) implements InitResult {}
}
