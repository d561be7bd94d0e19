package io.smnode.hare;

import java.util.Optional;

/**
 * A protocol position: iteration and round, both uint8 on the wire. The round is kept as its wire code rather
 * than a {@link Round} because the reference accepts any uint8 there (a message for "round 9" decodes, is signed
 * and is tracked for equivocation like any other); {@link #knownRound()} names the eight real ones.
 */
public record IterRound(int iter, int round) {
    /** Rounds per iteration in {@link #absolute()}: the reference multiplies by notify's code (7), not by 8. */
    private static final int ROUNDS_PER_ITER = Round.NOTIFY.code();
    private static final int MAX_GRADE_BASE = 6;

    public IterRound {
        if (iter < 0 || iter > 0xff || round < 0 || round > 0xff) {
            throw new IllegalArgumentException("iter " + iter + " / round " + round + " outside uint8");
        }
    }

    public static IterRound of(int iter, Round round) {
        return new IterRound(iter, round.code());
    }

    public Optional<Round> knownRound() {
        return Round.fromCode(round);
    }

    public boolean is(Round r) {
        return round == r.code();
    }

    /**
     * {@code 7·iter + round} (uint32). **Quirk**: an iteration's notify and the next iteration's preround share a
     * number; harmless because only iteration 0 has a preround.
     */
    public long absolute() {
        return (long) iter * ROUNDS_PER_ITER + round;
    }

    /**
     * Network delays from {@code since} to this position, 0 when this is not later. Iteration 0 skips hardlock, so
     * one delay less is counted from the iteration-0 preround.
     */
    public long delay(IterRound since) {
        long here = absolute();
        long there = since.absolute();
        if (here <= there) {
            return 0;
        }
        long d = here - there;
        if (since.iter == 0 && since.round == Round.PREROUND.code()) {
            d--;
        }
        return d;
    }

    /**
     * The grade of a message for round {@code since} received while the protocol stood at this position:
     * {@code 6 − delay}. **Quirk** copied for compatibility: the reference computes it in uint32 and truncates to
     * uint8, so a delay of 7 or more wraps around ({@code 7 → 255, 8 → 254, ...}) instead of flooring at 0.
     */
    public int grade(IterRound since) {
        return (int) ((MAX_GRADE_BASE - delay(since)) & 0xff);
    }

    /** The position after this one: iteration 0 skips hardlock, notify wraps to the next iteration's hardlock. */
    public IterRound next() {
        if (iter == 0 && round == Round.PREROUND.code()) {
            return IterRound.of(0, Round.SOFTLOCK);
        }
        if (round == Round.NOTIFY.code()) {
            return IterRound.of((iter + 1) & 0xff, Round.HARDLOCK);
        }
        return new IterRound(iter, round + 1);
    }

    @Override
    public String toString() {
        return iter + "/" + knownRound().map(Round::referenceName).orElse("round" + round);
    }
}
