package io.smnode.post.init;

import java.util.Optional;

/**
 * What a PoST directory holds.
 *
 * @param labelsDone labels known to be durable (from the checkpoint; all of them when complete)
 * @param metadata   the directory's metadata, when it has one
 */
public record InitStatus(State state, long labelsDone, Optional<PostMetadata> metadata) {
    public enum State {
        /** No {@code postdata_metadata.json}. */
        NOT_STARTED,
        /** Started (possibly interrupted); {@link Initializer#run} resumes it. */
        IN_PROGRESS,
        /** Every file has its size and the nonce is known. */
        COMPLETE,
        /** The metadata says complete but data files are missing or have the wrong size. */
        DAMAGED,
    }

    /** {@code labelsDone / totalLabels} in percent; 0 without metadata. */
    public double percent() {
        return metadata.map(m -> 100.0 * labelsDone / m.totalLabels()).orElse(0.0);
    }
}
