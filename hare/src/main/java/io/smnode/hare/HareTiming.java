package io.smnode.hare;

import java.time.Duration;
import java.util.Objects;

/**
 * When each round's timer fires, as an offset from the layer's start (the driver adds it to its clock's layer
 * time): the preround after PreroundDelay, then round r at {@code PreroundDelay + (absolute(r) − 1)·RoundDuration}.
 */
public record HareTiming(Duration preroundDelay, Duration roundDuration) {
    /** The gossip topic of hare3 messages. */
    public static final String TOPIC = "/h/3.0";

    public HareTiming {
        Objects.requireNonNull(preroundDelay, "preroundDelay");
        Objects.requireNonNull(roundDuration, "roundDuration");
    }

    /** The reference defaults (also mainnet): 25 s preround delay, 12 s rounds. */
    public static HareTiming defaults() {
        return new HareTiming(Duration.ofSeconds(25), Duration.ofSeconds(12));
    }

    /** Offset of {@code round}'s execution from the layer start. */
    public Duration roundStart(IterRound round) {
        if (round.is(Round.PREROUND)) {
            return preroundDelay;
        }
        return preroundDelay.plus(roundDuration.multipliedBy(round.absolute() - 1));
    }

    /**
     * Whether a session that runs to its iteration limit ends (at that iteration's hardlock) within
     * {@code zdist}, the reference's configuration check ({@code Zdist · LayerDuration}).
     */
    public boolean endsWithin(Duration zdist, int iterationsLimit) {
        return roundStart(IterRound.of(iterationsLimit, Round.HARDLOCK)).compareTo(zdist) <= 0;
    }
}
