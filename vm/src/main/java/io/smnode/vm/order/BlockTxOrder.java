package io.smnode.vm.order;

import io.smnode.core.types.Address;
import io.smnode.core.types.TxId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The order of a block's transactions, which every node must reproduce bit for bit (go-spacemesh
 * {@code blocks.getBlockTXs} and {@code txs.ShuffleWithNonceOrder}): the kept transactions sorted by ID, shuffled by
 * Go's Fisher-Yates over MT19937-64 seeded with the block seed, then each shuffled slot is given to the lowest
 * remaining nonce of the principal that landed there, so every account's nonces stay in order. Choosing which
 * transactions are kept (best per nonce, limits, already applied nonces) is the caller's job.
 */
public final class BlockTxOrder {
    private BlockTxOrder() {}

    /**
     * The seed words: {@code seed} read as little-endian uint64s, a short last word zero-extended (the reference's
     * {@code toUint64Slice}).
     */
    public static long[] seedWords(byte[] seed) {
        long[] words = new long[(seed.length + 7) / 8];
        for (int i = 0; i < seed.length; i++) {
            words[i / 8] |= (seed[i] & 0xffL) << (8 * (i % 8));
        }
        return words;
    }

    /**
     * The ordered IDs of {@code kept}. Within one principal the candidates must have distinct nonces (one
     * transaction per nonce); their nonce order is what the walk preserves.
     *
     * @param seed the block seed (a 32-byte BLAKE3 digest in the block builder)
     */
    public static List<TxId> order(byte[] seed, List<OrderCandidate> kept) {
        List<OrderCandidate> slots = new ArrayList<>(kept);
        slots.sort(Comparator.comparing(OrderCandidate::id));
        return shuffleWithNonceOrder(Mt19937x64.seededByArray(seedWords(seed)), slots.size(), slots);
    }

    /**
     * The reference's {@code ShuffleWithNonceOrder}: shuffles {@code slots} (in the order given) with Go's Shuffle,
     * keeps the first {@code limit}, and gives each kept slot to the lowest not yet emitted nonce of its principal.
     * Block order uses it over all kept transactions; proposal selection over a random subset.
     */
    public static List<TxId> shuffleWithNonceOrder(Mt19937x64 rng, int limit, List<OrderCandidate> slots) {
        Map<Address, Deque<OrderCandidate>> byPrincipal = new HashMap<>();
        List<OrderCandidate> byNonce = new ArrayList<>(slots);
        byNonce.sort(Comparator.comparing(OrderCandidate::nonce, Long::compareUnsigned));
        for (OrderCandidate c : byNonce) {
            byPrincipal.computeIfAbsent(c.principal(), p -> new ArrayDeque<>()).addLast(c);
        }
        List<OrderCandidate> shuffled = new ArrayList<>(slots);
        GoShuffle.shuffle(rng, shuffled);
        int total = Math.min(limit, shuffled.size());
        List<TxId> result = new ArrayList<>(total);
        for (OrderCandidate slot : shuffled.subList(0, total)) {
            result.add(byPrincipal.get(slot.principal()).removeFirst().id());
        }
        return List.copyOf(result);
    }

    /**
     * Non-optimistic blocks drop the tail beyond the block gas limit (go-spacemesh {@code blocks.prune}): walk in
     * order, stop before the first transaction met with less than 1 gas remaining, else subtract its max gas. The
     * subtraction is unchecked uint64 arithmetic in the reference and wraps around; consensus keeps that, so a
     * transaction larger than what remains is still included and the remainder becomes huge.
     *
     * @param gasLimit uint64 bits; the reference skips pruning entirely when it is 0
     */
    public static List<OrderCandidate> pruneByGas(List<OrderCandidate> ordered, long gasLimit) {
        if (gasLimit == 0) {
            return List.copyOf(ordered);
        }
        long remaining = gasLimit;
        for (int i = 0; i < ordered.size(); i++) {
            if (Long.compareUnsigned(remaining, MIN_TX_GAS) < 0) {
                return List.copyOf(ordered.subList(0, i));
            }
            remaining -= ordered.get(i).maxGas(); // wraps on purpose
        }
        return List.copyOf(ordered);
    }

    /** The reference's {@code txs.MinTXGas}. */
    static final long MIN_TX_GAS = 1;
}
