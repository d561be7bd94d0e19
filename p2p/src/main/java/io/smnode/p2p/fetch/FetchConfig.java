package io.smnode.p2p.fetch;

import java.time.Duration;

/**
 * The fetcher's limits (go-spacemesh {@code fetch.DefaultConfig}): hashes wait {@code batchTimeout} to be grouped,
 * at most {@code batchSize} a request; a request not answered within {@code requestTimeout} is retried elsewhere, a
 * hash is given up after {@code maxRetries} tries or {@code hardTimeout}; {@code announcers} hashes remember which
 * peers sent an object referencing them.
 */
public record FetchConfig(Duration batchTimeout, int batchSize, Duration requestTimeout, Duration hardTimeout,
                          int maxRetries, int announcers) {
    public static final FetchConfig DEFAULT = new FetchConfig(Duration.ofMillis(50), 10, Duration.ofSeconds(25),
            Duration.ofMinutes(5), 100, 1000);

    /** fastnet's request timeout (2 s): the devnets' layers are seconds long. */
    public FetchConfig withRequestTimeout(Duration timeout) {
        return new FetchConfig(batchTimeout, batchSize, timeout, hardTimeout, maxRetries, announcers);
    }
}
