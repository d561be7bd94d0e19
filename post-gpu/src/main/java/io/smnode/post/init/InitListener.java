package io.smnode.post.init;

/** Receives progress reports; called on the initializing thread, so it must return quickly. */
@FunctionalInterface
public interface InitListener {
    InitListener NONE = p -> {};

    void onProgress(InitProgress progress);
}
