package io.smnode.actors.atx;

import io.smnode.actors.storage.StorageActor;
import java.time.Duration;

/** How ATX actors ask the storage writer: a commit that is not answered in time counts as rejected. */
final class StorageAsk {
    /** Longer than the writer's whole retry schedule, so its own answer is the one heard. */
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private StorageAsk() {}

    static StorageActor.CommitResult result(StorageActor.CommitResult result, Throwable failure) {
        return failure == null ? result : new StorageActor.Rejected("no answer from the storage writer: " + failure);
    }
}
