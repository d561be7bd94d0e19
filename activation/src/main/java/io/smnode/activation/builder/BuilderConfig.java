package io.smnode.activation.builder;

import io.smnode.activation.AtxVersions;
import io.smnode.core.types.EpochId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The builder's timetable and policy (spec 02 §5, §8; 09 §1). {@code S(e) = genesis + e × epochDuration}; the PoET
 * round feeding publish epoch P runs {@code [S(P−1)+phaseShift, S(P)+phaseShift−cycleGap]}.
 *
 * @param poets            the PoET services to register at, by the names the PoET port knows them by
 * @param retryInterval    the pause before asking a PoET again after a refusal or no answer
 * @param proofFetchJitter how long after a round's end to ask for its proof (2–4 % of the cycle gap, drawn by the
 *                         caller: the builder has no randomness of its own)
 * @param versions         which ATX version each publish epoch takes (the network's switch, spec 11 §1): the
 *                         challenge registered for epoch P is already of P's version
 */
public record BuilderConfig(Instant genesis, Duration epochDuration, Duration phaseShift, Duration cycleGap,
                            Duration gracePeriod, List<String> poets, Duration retryInterval,
                            Duration proofFetchJitter, AtxVersions versions) {
    /** A builder of v1 ATXs only. */
    public BuilderConfig(Instant genesis, Duration epochDuration, Duration phaseShift, Duration cycleGap,
                         Duration gracePeriod, List<String> poets, Duration retryInterval, Duration proofFetchJitter) {
        this(genesis, epochDuration, phaseShift, cycleGap, gracePeriod, poets, retryInterval, proofFetchJitter,
                AtxVersions.v1Only());
    }

    public BuilderConfig {
        poets = List.copyOf(poets);
        java.util.Objects.requireNonNull(versions, "versions");
        if (poets.isEmpty()) {
            throw new IllegalArgumentException("at least one PoET is needed");
        }
        if (isNotPositive(epochDuration) || isNotPositive(retryInterval)) {
            throw new IllegalArgumentException("epoch duration and retry interval must be positive");
        }
        if (cycleGap.isNegative() || cycleGap.compareTo(epochDuration) >= 0) {
            throw new IllegalArgumentException("cycle gap must be in [0, epoch duration)");
        }
        if (phaseShift.isNegative() || gracePeriod.isNegative() || proofFetchJitter.isNegative()) {
            throw new IllegalArgumentException("phase shift, grace period and jitter must not be negative");
        }
    }

    /** {@code S(e)}. */
    public Instant epochStart(EpochId epoch) {
        return genesis.plus(epochDuration.multipliedBy(epoch.value()));
    }

    /** The epoch {@code now} falls in (epoch 0 before genesis too). */
    public EpochId epochOf(Instant now) {
        if (now.isBefore(genesis)) {
            return EpochId.of(0);
        }
        return EpochId.of(Duration.between(genesis, now).dividedBy(epochDuration));
    }

    /** {@code S(P−1)+PS}: the round feeding publish epoch P starts, which closes its registration. */
    public Instant registrationDeadline(EpochId publishEpoch) {
        return epochStart(EpochId.of(publishEpoch.value() - 1)).plus(phaseShift);
    }

    /** {@code S(P+1)−CG}: the last moment to obtain the PoET proof for publish epoch P. */
    public Instant proofDeadline(EpochId publishEpoch) {
        return epochStart(publishEpoch.next()).minus(cycleGap);
    }

    /** {@code S(P+1)}: the last moment to finish the PoST proof, and to publish. */
    public Instant publishDeadline(EpochId publishEpoch) {
        return epochStart(publishEpoch.next());
    }

    private static boolean isNotPositive(Duration d) {
        return d.isNegative() || d.isZero();
    }
}
