package io.smnode.beacon;

import io.smnode.core.vrf.VrfProof;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The weak coin of one epoch (the reference's {@code weakcoin.WeakCoin}): within a running round it keeps the
 * smallest proof (little-endian order) of the verified messages; messages for the next round, or sent before the
 * first round starts, wait in a bounded buffer and are replayed when their round starts. Verification of a message
 * is the caller's (it needs the miner port); this class only orders and remembers.
 */
final class WeakCoin {
    /** The reference's NextRoundBufferSize. */
    static final int NEXT_ROUND_BUFFER = 10_000;

    private final long maxRound;
    private long round;
    private boolean roundStarted;
    private VrfProof smallest;
    private final List<WeakCoinMessage> buffer = new ArrayList<>();
    private final Map<Long, Boolean> coins = new HashMap<>();

    WeakCoin(long maxRound) {
        this.maxRound = maxRound;
    }

    /** Whether a message of {@code messageRound} belongs to the running round. */
    boolean isCurrent(long messageRound) {
        return roundStarted && messageRound == round;
    }

    /** Buffers a message for a later round when the reference would; false when it is for no round we will run. */
    boolean offerForLater(WeakCoinMessage message) {
        boolean next = (message.round() == round + 1 && message.round() <= maxRound) || !roundStarted;
        if (!next || buffer.size() >= NEXT_ROUND_BUFFER) {
            return false;
        }
        buffer.add(message);
        return true;
    }

    /** Starts {@code newRound} and hands back the buffered messages that belong to it (the rest are dropped). */
    List<WeakCoinMessage> startRound(long newRound) {
        round = newRound;
        roundStarted = true;
        List<WeakCoinMessage> due = buffer.stream().filter(m -> m.round() == newRound).toList();
        buffer.clear();
        return due;
    }

    /** Whether {@code proof} is below the smallest seen this round. */
    boolean isSmaller(VrfProof proof) {
        return smallest == null || BeaconVrf.compareLittleEndian(proof, smallest) < 0;
    }

    /** Keeps {@code proof} when it is the new smallest; false when it is not. */
    boolean offer(VrfProof proof) {
        if (!isSmaller(proof)) {
            return false;
        }
        smallest = proof;
        return true;
    }

    /** Ends the running round: its coin is the smallest proof's low bit, or empty when no valid message came. */
    Optional<Boolean> finishRound() {
        roundStarted = false;
        if (smallest == null) {
            return Optional.empty();
        }
        boolean coin = BeaconVrf.coin(smallest);
        coins.put(round, coin);
        smallest = null;
        return Optional.of(coin);
    }

    Optional<Boolean> coin(long ofRound) {
        return Optional.ofNullable(coins.get(ofRound));
    }
}
