package io.smnode.poet;

import io.smnode.core.types.Bytes;
import java.util.Optional;

/**
 * What the PoET service logic needs: the round timetable, the server's ed25519 public key (reported in Info and
 * proofs), the number of leaves a round's prover computes (the devnet/test stand-in for "as many as fit in
 * E − G"; raised to T = 150 when lower, as the reference keeps going until T), the member cap, the initial
 * PoW parameters (challenge = 32 random bytes chosen by the caller) and an optional certifier.
 */
public record PoetConfig(
        RoundSchedule schedule,
        Bytes servicePubKey,
        long leavesPerRound,
        long maxRoundMembers,
        PowParams initialPowParams,
        Optional<CertifierConfig> certifier) {
    /** The reference's default member cap, 2^32. */
    public static final long DEFAULT_MAX_ROUND_MEMBERS = 1L << 32;

    /** Leaves actually computed per round: at least T, whatever was configured. */
    public long effectiveLeaves() {
        return Math.max(leavesPerRound, FiatShamir.T);
    }
}
