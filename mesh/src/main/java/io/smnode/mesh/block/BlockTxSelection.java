package io.smnode.mesh.block;

import io.smnode.core.hash.Blake3;
import io.smnode.core.types.Address;
import io.smnode.vm.order.OrderCandidate;
import io.smnode.vm.tx.TxHeader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which of a block's candidate transactions are kept before ordering: the reference builds a throw-away
 * conservative cache over them ({@code txs.Cache.BuildFromTXs} with every account at nonce 0 and balance 2^64−1)
 * and takes its mempool. Per principal: at most {@value #MAX_PER_NONCE} candidates per nonce (first come), nonces
 * ascending; at each nonce the best affordable one (higher fee, tie: lower {@code BLAKE3(seed ‖ txID)}); at most
 * {@value #MAX_PER_ACCOUNT} nonces; then leading transactions already applied in an earlier layer are dropped.
 * A nonce with no affordable candidate is skipped, not a stop (nonce gaps stay).
 */
final class BlockTxSelection {
    static final int MAX_PER_NONCE = 100;
    static final int MAX_PER_ACCOUNT = 100;

    private BlockTxSelection() {}

    /** A candidate: id and header (must be present) and whether it was applied before. */
    record Candidate(KnownTx tx, TxHeader header) {}

    /**
     * The kept transactions of every principal, each principal's in nonce order.
     *
     * @param candidates the union of the proposals' transactions in first-seen order
     */
    static List<OrderCandidate> select(List<Candidate> candidates, byte[] seed) {
        Map<Address, TreeMap<Long, List<Candidate>>> byPrincipal = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            List<Candidate> sameNonce = byPrincipal
                    .computeIfAbsent(c.header().principal(), p -> new TreeMap<>(Long::compareUnsigned))
                    .computeIfAbsent(c.header().nonce(), n -> new ArrayList<>());
            if (sameNonce.size() < MAX_PER_NONCE) {
                sameNonce.add(c);
            }
        }
        List<OrderCandidate> kept = new ArrayList<>();
        for (TreeMap<Long, List<Candidate>> nonces : byPrincipal.values()) {
            kept.addAll(selectAccount(nonces, seed));
        }
        return kept;
    }

    private static List<OrderCandidate> selectAccount(TreeMap<Long, List<Candidate>> nonces, byte[] seed) {
        List<Candidate> accepted = new ArrayList<>();
        long balance = -1L; // uint64 max: the block builder does not know balances
        for (List<Candidate> sameNonce : nonces.values()) {
            Candidate best = best(sameNonce, balance, seed);
            if (best == null) {
                continue;
            }
            if (accepted.size() >= MAX_PER_ACCOUNT) {
                break;
            }
            accepted.add(best);
            balance -= best.header().maxSpending();
        }
        int firstUnapplied = 0;
        while (firstUnapplied < accepted.size() && accepted.get(firstUnapplied).tx().applied()) {
            firstUnapplied++;
        }
        List<OrderCandidate> out = new ArrayList<>(accepted.size() - firstUnapplied);
        for (Candidate c : accepted.subList(firstUnapplied, accepted.size())) {
            TxHeader h = c.header();
            out.add(new OrderCandidate(c.tx().id(), h.principal(), h.nonce(), h.maxGas()));
        }
        return out;
    }

    private static Candidate best(List<Candidate> sameNonce, long balance, byte[] seed) {
        Candidate best = null;
        for (Candidate c : sameNonce) {
            if (Long.compareUnsigned(balance, c.header().maxSpending()) >= 0 && (best == null || better(c, best, seed))) {
                best = c;
            }
        }
        return best;
    }

    /** The reference's {@code NanoTX.Better} with a block seed: higher fee, then lower {@code BLAKE3(seed ‖ id)}. */
    private static boolean better(Candidate a, Candidate b, byte[] seed) {
        int byFee = Long.compareUnsigned(a.header().fee(), b.header().fee());
        if (byFee != 0) {
            return byFee > 0;
        }
        return Arrays.compareUnsigned(tieBreak(a, seed), tieBreak(b, seed)) < 0;
    }

    private static byte[] tieBreak(Candidate c, byte[] seed) {
        return Blake3.hash(seed, c.tx().id().toByteArray()).toByteArray();
    }
}
