package io.smnode.post.prove;

import io.smnode.core.types.Bytes;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.NodeId;
import io.smnode.post.k2pow.K2PowNotFoundException;
import io.smnode.post.k2pow.K2PowSolver;
import io.smnode.post.k2pow.PowThreshold;
import java.io.IOException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Generates a PoST proof (spec 08 §2.5, post-rs {@code generate_proof}) in passes over the label data: each pass
 * tests {@code noncesPerPass} nonces starting where the previous pass ended, with one k2pow per nonce group computed
 * first. Per nonce, qualifying label indices are collected in discovery order; the first nonce to reach K2 wins.
 * With several scan threads, batches are scanned side by side but their pairs are collected in batch order, so the
 * proof is the same for any thread count (the reference's parallel readers may pick another valid proof).
 */
public final class Prover {
    private static final int MAX_NONCE_GROUP = 255;

    private final K2PowSolver powSolver;
    private final int scanThreads;

    /** A prover that scans on the calling thread. */
    public Prover(K2PowSolver powSolver) {
        this(powSolver, 1);
    }

    /** @param scanThreads batches scanned at once (each thread holds a 1 MiB batch and its own AES keys) */
    public Prover(K2PowSolver powSolver, int scanThreads) {
        if (scanThreads < 1) {
            throw new IllegalArgumentException("scan threads must be at least 1, got " + scanThreads);
        }
        this.powSolver = powSolver;
        this.scanThreads = scanThreads;
    }

    /** {@link #prove(LabelData, Hash32, NodeId, ProvingParams, int, BooleanSupplier)} that is never cancelled. */
    public Proof prove(LabelData data, Hash32 challenge, NodeId nodeId, ProvingParams params, int noncesPerPass)
            throws IOException, ProvingException {
        return prove(data, challenge, nodeId, params, noncesPerPass, () -> false);
    }

    /**
     * @param noncesPerPass a positive multiple of 16 (node default 16)
     * @param cancelled polled between batches; when it answers true proving stops with {@code CANCELLED}
     */
    public Proof prove(LabelData data, Hash32 challenge, NodeId nodeId, ProvingParams params, int noncesPerPass,
            BooleanSupplier cancelled) throws IOException, ProvingException {
        if (noncesPerPass <= 0 || noncesPerPass % 16 != 0) {
            throw new IllegalArgumentException("nonces per pass must be a positive multiple of 16, got " + noncesPerPass);
        }
        ProvingDifficulty difficulty = params.difficulty().orElseThrow(() -> new ProvingException(
                ProvingException.Reason.INVALID_DIFFICULTY, "k1 " + params.k1() + ", labels "
                        + Long.toUnsignedString(params.numLabels()), null));
        PowThreshold powThreshold = params.scaledPowDifficulty();
        int groupsPerPass = noncesPerPass / 16;
        for (int firstGroup = 0; ; firstGroup += groupsPerPass) {
            if (firstGroup + groupsPerPass - 1 > MAX_NONCE_GROUP) {
                throw new ProvingException(ProvingException.Reason.NONCES_EXHAUSTED,
                        "no proof with nonces below " + firstGroup * 16, null);
            }
            long[] pows = solvePows(firstGroup, groupsPerPass, challenge, nodeId, powThreshold);
            int first = firstGroup;
            Supplier<LabelScanner> scanners = () -> new LabelScanner(challenge, first, pows, difficulty);
            IndexCollector collector = new IndexCollector(firstGroup * 16, groupsPerPass * 16, params.k2());
            if (ScanPass.run(data, scanners, scanThreads, collector, cancelled)) {
                int nonce = collector.winningNonce();
                int bits = IndexCompression.requiredBits(params.numLabels());
                byte[] indices = IndexCompression.compress(collector.winningIndices(), bits);
                return new Proof(nonce, Bytes.wrap(indices), pows[nonce / 16 - firstGroup]);
            }
        }
    }

    private long[] solvePows(int firstGroup, int groups, Hash32 challenge, NodeId nodeId, PowThreshold threshold)
            throws ProvingException {
        long[] pows = new long[groups];
        for (int g = 0; g < groups; g++) {
            try {
                pows[g] = powSolver.solve(firstGroup + g, challenge, nodeId, threshold);
            } catch (K2PowNotFoundException e) {
                throw new ProvingException(ProvingException.Reason.K2POW_NOT_FOUND, "group " + (firstGroup + g), e);
            }
        }
        return pows;
    }
}
