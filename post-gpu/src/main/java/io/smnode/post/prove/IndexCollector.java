package io.smnode.post.prove;

/** Collects qualifying label indices per nonce for one pass; the first nonce to reach K2 indices wins. */
final class IndexCollector implements LabelScanner.Sink {
    private final int firstNonce;
    private final int k2;
    private final long[][] indices;
    private final int[] counts;
    private int winner = -1;

    IndexCollector(int firstNonce, int nonceCount, long k2) {
        if (k2 > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("K2 too large to hold in memory: " + k2);
        }
        this.firstNonce = firstNonce;
        this.k2 = (int) k2;
        this.indices = new long[nonceCount][];
        this.counts = new int[nonceCount];
    }

    @Override
    public boolean qualifying(int nonce, long labelIndex) {
        int slot = nonce - firstNonce;
        if (indices[slot] == null) {
            indices[slot] = new long[k2];
        }
        indices[slot][counts[slot]++] = labelIndex;
        if (counts[slot] == k2) {
            winner = slot;
            return true;
        }
        return false;
    }

    int winningNonce() {
        return firstNonce + winner;
    }

    long[] winningIndices() {
        return indices[winner].clone();
    }
}
