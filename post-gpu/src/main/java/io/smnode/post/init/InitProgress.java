package io.smnode.post.init;

import java.time.Duration;
import java.util.Optional;

/**
 * One progress report, sent after every finished batch.
 *
 * @param labelsDone     labels written and made durable ({@code totalLabels} once the data is complete)
 * @param searchPosition while searching for the nonce past the data: the next position to search; else = labelsDone
 * @param labelsPerSecond the rate of this run so far (labels computed since it started, over its elapsed time)
 * @param eta            time to finish the data at that rate; empty before a rate is known or past the data
 */
public record InitProgress(long labelsDone, long totalLabels, long searchPosition, double labelsPerSecond,
                           Optional<Duration> eta, boolean nonceFound) {
    public double percent() {
        return 100.0 * labelsDone / totalLabels;
    }

    /** The data rate in MiB/s (16 bytes per label). */
    public double mibPerSecond() {
        return labelsPerSecond * 16 / (1024 * 1024);
    }
}
