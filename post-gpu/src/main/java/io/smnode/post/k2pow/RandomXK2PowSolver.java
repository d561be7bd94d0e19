package io.smnode.post.k2pow;

import io.smnode.core.types.Hash32;
import io.smnode.core.types.NodeId;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Searches k2pow on several threads, one RandomX VM each (fast mode recommended: a group needs
 * ≈ num_units × 4687.5 hashes on mainnet). Unlike post-rs, which takes whichever hit a thread finds first, this
 * returns the <em>smallest</em> valid pow of the range, so the result does not depend on thread timing; any valid pow
 * is accepted by verifiers. Calls must not overlap (the VMs are reused); close it to free the VMs.
 */
public final class RandomXK2PowSolver implements K2PowSolver, AutoCloseable {
    private final List<RandomXVm> vms = new ArrayList<>();

    /** @param threads how many hashing threads (and VMs) to use, at least 1 */
    public RandomXK2PowSolver(RandomX randomX, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        for (int t = 0; t < threads; t++) {
            vms.add(randomX.newVm());
        }
    }

    @Override
    public long solve(int nonceGroup, Hash32 challenge, NodeId nodeId, PowThreshold threshold)
            throws K2PowNotFoundException {
        OptionalLong pow = solve(nonceGroup, challenge, nodeId, threshold, 0, K2PowInput.POW_LIMIT);
        if (pow.isEmpty()) {
            throw new K2PowNotFoundException("no k2pow below 2^56 for nonce group " + nonceGroup);
        }
        return pow.getAsLong();
    }

    /** The smallest pow in {@code [from, to)} (a sub-range of [0, 2^56)) meeting the threshold, if any. */
    public synchronized OptionalLong solve(int nonceGroup, Hash32 challenge, NodeId nodeId, PowThreshold threshold,
            long from, long to) {
        if (from < 0 || to > K2PowInput.POW_LIMIT || from > to) {
            throw new IllegalArgumentException("pow range must lie within [0, 2^56): " + from + ".." + to);
        }
        byte[] template = K2PowInput.of(0, nonceGroup, challenge, nodeId);
        AtomicLong best = new AtomicLong(to);
        int stride = vms.size();
        Workers.runAll(stride, "k2pow", t -> {
            try {
                search(vms.get(t), template.clone(), threshold, from + t, stride, best);
            } catch (RuntimeException e) {
                best.set(Long.MIN_VALUE); // stops the other workers; runAll rethrows e
                throw e;
            }
        });
        long found = best.get();
        return found < to ? OptionalLong.of(found) : OptionalLong.empty();
    }

    /**
     * Walks {@code first, first+stride, …} upwards until it passes the best hit so far: every pow below the final best
     * is then checked by some worker, which makes the minimum exact.
     */
    private static void search(RandomXVm vm, byte[] input, PowThreshold threshold, long first, int stride,
            AtomicLong best) {
        byte[] hash = new byte[RandomXVm.HASH_SIZE];
        for (long pow = first; pow < best.get(); pow += stride) {
            K2PowInput.setPow(input, pow);
            vm.hash(input, hash, 0);
            if (threshold.isMetBy(hash)) {
                best.accumulateAndGet(pow, Math::min);
                return;
            }
        }
    }

    @Override
    public synchronized void close() {
        vms.forEach(RandomXVm::close);
        vms.clear();
    }
}
