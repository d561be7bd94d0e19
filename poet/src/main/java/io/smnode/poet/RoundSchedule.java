package io.smnode.poet;

import java.time.Duration;
import java.time.Instant;

/**
 * The PoET round timetable (spec 09 §1) as pure functions of genesis, the three durations and a time given by the
 * caller. Round k runs {@code [genesis + P + kE, genesis + P + (k+1)E − G)} and registers during the round
 * before it; round 0 registers from server start until {@code genesis + P}.
 */
public record RoundSchedule(Instant genesis, Duration epochDuration, Duration phaseShift, Duration cycleGap) {
    public RoundSchedule {
        if (epochDuration.isNegative() || epochDuration.isZero()) {
            throw new IllegalArgumentException("epoch duration must be positive");
        }
        if (cycleGap.isNegative() || cycleGap.compareTo(epochDuration) >= 0) {
            throw new IllegalArgumentException("cycle gap must be in [0, epoch duration)");
        }
        if (phaseShift.isNegative()) {
            throw new IllegalArgumentException("phase shift must not be negative");
        }
    }

    public static String roundId(long round) {
        return Long.toString(round);
    }

    public Instant roundStart(long round) {
        return genesis.plus(phaseShift).plus(epochDuration.multipliedBy(round));
    }

    public Instant roundEnd(long round) {
        return roundStart(round).plus(epochDuration).minus(cycleGap);
    }

    /** Sequential-work time of a round: {@code E − G}. */
    public Duration roundDuration() {
        return epochDuration.minus(cycleGap);
    }

    /** The round open for registration at {@code now} (the reference's OpenRoundId, integer division). */
    public long openRound(Instant now) {
        Duration sinceGenesis = Duration.between(genesis, now);
        if (sinceGenesis.compareTo(phaseShift) < 0) {
            return 0;
        }
        return sinceGenesis.minus(phaseShift).dividedBy(epochDuration) + 1;
    }

    /** Whether round k still accepts registrations at {@code now}. */
    public boolean isOpen(long round, Instant now) {
        return openRound(now) == round;
    }

    /** Whether round k has finished its sequential work at {@code now} (its proof is due). */
    public boolean isEnded(long round, Instant now) {
        return !now.isBefore(roundEnd(round));
    }
}
