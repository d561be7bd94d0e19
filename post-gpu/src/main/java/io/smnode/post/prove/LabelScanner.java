package io.smnode.post.prove;

import io.smnode.core.types.Hash32;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.LongBuffer;
import java.util.Arrays;

/**
 * The proving inner loop (spec 08 §2.4–2.5, post-rs {@code Prover8_56::prove}) for a range of whole nonce groups.
 * Qualifying pairs are reported in the reference's order: 128-byte chunk by chunk, within a chunk group by group
 * (ascending), within a group output byte by byte (label-major, then nonce). The trailing partial chunk of a batch is
 * skipped, as in the reference. Deterministic and single-threaded; not thread-safe (use one per thread).
 *
 * <p>Where the time goes: the AES of every label under every group key (the JDK's AES-NI intrinsic, a slice at a
 * time so that its output is swept while it is in the L1 cache), then a sweep of the output for bytes ≤ the
 * difficulty's high byte — an exact per-byte mask for every word, computed in a loop the JIT vectorizes, whose set
 * bits are the candidates (1 byte in 256 on mainnet). The candidates that need the 56-bit check are gathered per nonce over the whole batch and encrypted with
 * that nonce's lazy key in one call each (a call per candidate cost more than all the rest of the scan). Only the
 * few pairs that qualify are then merged into the reference's order.
 */
public final class LabelScanner {
    /** Receives qualifying pairs; returning {@code true} stops the scan (a proof was found). */
    @FunctionalInterface
    public interface Sink {
        boolean qualifying(int nonce, long labelIndex);
    }

    /** The qualifying pairs of one batch, in the reference's order. */
    public static final class Hits {
        private int count;
        private int[] nonces = new int[16];
        private long[] labels = new long[16];

        public int count() {
            return count;
        }

        public int nonce(int i) {
            return nonces[i];
        }

        public long label(int i) {
            return labels[i];
        }

        /** Hands the pairs to {@code sink} in order; true when it stopped (the pairs after that are dropped). */
        public boolean replay(Sink sink) {
            for (int i = 0; i < count; i++) {
                if (sink.qualifying(nonces[i], labels[i])) {
                    return true;
                }
            }
            return false;
        }

        private void add(int nonce, long label) {
            if (count == nonces.length) {
                nonces = Arrays.copyOf(nonces, count * 2);
                labels = Arrays.copyOf(labels, count * 2);
            }
            nonces[count] = nonce;
            labels[count++] = label;
        }
    }

    /** AES output swept per group while it is in the L1 cache. */
    private static final int SLICE = 16 * 1024;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LOW7 = 0x7f7f_7f7f_7f7f_7f7fL;
    private static final long HIGHS = 0x8080_8080_8080_8080L;
    private static final long ONES = 0x0101_0101_0101_0101L;
    private static final long LSB_MASK = (1L << 56) - 1;

    private final int firstGroup;
    private final int groups;
    private final Aes[] groupCiphers;
    private final Aes[] lazyCiphers;
    private final int msb;
    private final long lsb;
    /** Per-byte exact mask of bytes ≤ msb works for msb < 128; larger ones (tiny test networks) check bytes. */
    private final boolean swar;
    private final long swarAddend;
    private final byte[] slice = new byte[SLICE];
    private final LongBuffer sliceWords = ByteBuffer.wrap(slice).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer();
    private final long[] words = new long[SLICE / 8];
    private final long[] masks = new long[SLICE / 8];
    private final int[] hitQuads = new int[SLICE / 32 + 1];
    /** Per group: output positions in the batch with byte < msb (qualify outright), and == msb (56-bit check). */
    private final IntList[] direct;
    private final IntList[] lazy;
    private final IntList[] qualified;
    private final int[] perNonce = new int[17];
    private byte[] gathered = new byte[4096];
    private byte[] encrypted = new byte[4096];
    private int[] slotOf = new int[256];
    private final Hits own = new Hits();

    /**
     * @param firstGroup the first nonce group (nonce = 16 · group + k)
     * @param pows the k2pow of each group {@code firstGroup, firstGroup + 1, …}
     */
    public LabelScanner(Hash32 challenge, int firstGroup, long[] pows, ProvingDifficulty difficulty) {
        if (pows.length == 0 || firstGroup < 0) {
            throw new IllegalArgumentException("need at least one nonce group from a non-negative first group");
        }
        this.firstGroup = firstGroup;
        this.groups = pows.length;
        this.groupCiphers = new Aes[groups];
        this.lazyCiphers = new Aes[groups * 16];
        for (int g = 0; g < groups; g++) {
            groupCiphers[g] = Aes.forGroup(challenge, firstGroup + g, pows[g]);
            for (int k = 0; k < 16; k++) {
                lazyCiphers[g * 16 + k] = Aes.forNonce(challenge, (firstGroup + g) * 16 + k, pows[g]);
            }
        }
        this.msb = difficulty.msb();
        this.lsb = difficulty.lsb();
        this.swar = msb < 128;
        this.swarAddend = ONES * (0x80 - (msb + 1));
        this.direct = lists(groups);
        this.lazy = lists(groups);
        this.qualified = lists(groups);
    }

    private static IntList[] lists(int n) {
        IntList[] l = new IntList[n];
        for (int i = 0; i < n; i++) {
            l[i] = new IntList();
        }
        return l;
    }

    /** The nonces this scanner tests: {@code [16 · firstGroup, 16 · (firstGroup + groups))}. */
    public int firstNonce() {
        return firstGroup * 16;
    }

    public int nonceCount() {
        return groups * 16;
    }

    /**
     * Scans {@code batch[0..length)} whose first label has index {@code firstLabel}, handing qualifying pairs to
     * {@code sink} in order.
     *
     * @return {@code true} when the sink stopped the scan
     */
    public boolean scan(byte[] batch, int length, long firstLabel, Sink sink) {
        scan(batch, length, firstLabel, own);
        return own.replay(sink);
    }

    /** Scans {@code batch[0..length)} into {@code hits} (cleared first), for a caller that orders batches itself. */
    public void scan(byte[] batch, int length, long firstLabel, Hits hits) {
        if (length < 0 || length > batch.length) {
            throw new IllegalArgumentException("length " + length + " outside a batch of " + batch.length);
        }
        hits.count = 0;
        int usable = length - length % Batching.CHUNK;
        for (int g = 0; g < groups; g++) {
            direct[g].clear();
            lazy[g].clear();
            for (int at = 0; at < usable; at += SLICE) {
                int n = Math.min(SLICE, usable - at);
                groupCiphers[g].encrypt(batch, at, n, slice, 0);
                sweep(g, at, n);
            }
            checkLazy(g, batch);
        }
        merge(firstLabel, hits);
    }

    /** Records the positions of group {@code g}'s output bytes ≤ msb in this slice, ascending. */
    private void sweep(int g, int at, int n) {
        if (!swar) {
            for (int i = 0; i < n; i++) {
                int b = slice[i] & 0xff;
                if (b < msb) {
                    direct[g].add(at + i);
                } else if (b == msb) {
                    lazy[g].add(at + i);
                }
            }
            return;
        }
        // Passes without unpredictable branches (a candidate is 1 byte in 256: a branch per word or per four words
        // mispredicts on every hit and cost three times the AES): the slice as little-endian words; every word's
        // mask (an element-wise loop that C2 vectorizes); the indices of the four-word groups with a candidate,
        // compacted without a branch; and the first candidate of each of their words, likewise.
        int count = n / 8;
        sliceWords.get(0, words, 0, count);
        long[] w = words;
        long[] m = masks;
        long addend = swarAddend;
        for (int i = 0; i < count; i++) {
            long v = w[i];
            // per byte: high bit set iff the byte is <= msb (no carry crosses bytes: 127 + 127 < 256)
            m[i] = ~(((v & LOW7) + addend) | v) & HIGHS;
        }
        int[] h = hitQuads;
        int hits = 0;
        for (int i = 0; i < count; i += 4) {
            h[hits] = i;
            hits += nonZero(m[i] | m[i + 1] | m[i + 2] | m[i + 3]);
        }
        if (msb != 0) { // tiny test networks: outright qualifiers too, sorted out byte by byte
            for (int k = 0; k < hits; k++) {
                for (int j = h[k]; j < h[k] + 4; j++) {
                    record(g, m[j], at, j * 8);
                }
            }
            return;
        }
        // msb = 0 (mainnet: any network with more than 256 * K1 labels): every candidate needs the 56-bit check
        IntList out = lazy[g];
        out.ensure(out.size + hits * 4);
        int[] list = out.values;
        int size = out.size;
        for (int k = 0; k < hits; k++) {
            for (int j = h[k]; j < h[k] + 4; j++) {
                long mk = m[j];
                list[size] = at + j * 8 + (Long.numberOfTrailingZeros(mk) >>> 3);
                size += nonZero(mk);
                if ((mk & (mk - 1)) != 0) { // two candidates in one word: 1 word in 2,500
                    out.size = size;
                    record(g, mk & (mk - 1), at, j * 8);
                    out.ensure(out.size + (hits - k) * 4);
                    list = out.values;
                    size = out.size;
                }
            }
        }
        out.size = size;
    }

    /** 1 when {@code v} is not zero, else 0, without a branch. */
    private static int nonZero(long v) {
        return (int) ((v | -v) >>> 63);
    }

    private void record(int g, long mask, int at, int word) {
        while (mask != 0) {
            int i = word + (Long.numberOfTrailingZeros(mask) >>> 3);
            mask &= mask - 1;
            if ((slice[i] & 0xff) == msb) {
                lazy[g].add(at + i);
            } else {
                direct[g].add(at + i);
            }
        }
    }

    /**
     * The 56-bit check of group {@code g}'s candidates: their labels gathered per nonce and encrypted with that nonce's
     * key in one call; those that pass join the outright qualifiers in {@code qualified[g]}, ascending.
     */
    private void checkLazy(int g, byte[] batch) {
        IntList candidates = lazy[g];
        int count = candidates.size();
        Arrays.fill(perNonce, 0);
        for (int c = 0; c < count; c++) {
            perNonce[(candidates.get(c) & 0xf) + 1]++;
        }
        for (int k = 0; k < 16; k++) {
            perNonce[k + 1] += perNonce[k];
        }
        ensureGatherCapacity(count);
        int[] next = Arrays.copyOf(perNonce, 16);
        for (int c = 0; c < count; c++) {
            int p = candidates.get(c);
            int slot = next[p & 0xf]++;
            slotOf[c] = slot;
            int from = p & ~0xf;
            int to = slot * Batching.LABEL;
            LONGS.set(gathered, to, (long) LONGS.get(batch, from));
            LONGS.set(gathered, to + 8, (long) LONGS.get(batch, from + 8));
        }
        for (int k = 0; k < 16; k++) {
            int from = perNonce[k];
            int blocks = perNonce[k + 1] - from;
            if (blocks > 0) {
                lazyCiphers[g * 16 + k].encrypt(gathered, from * Batching.LABEL, blocks * Batching.LABEL, encrypted,
                        from * Batching.LABEL);
            }
        }
        IntList out = qualified[g];
        out.clear();
        IntList outright = direct[g];
        int d = 0;
        for (int c = 0; c < count; c++) {
            int p = candidates.get(c);
            while (d < outright.size() && outright.get(d) < p) {
                out.add(outright.get(d++));
            }
            if (((long) LONGS.get(encrypted, slotOf[c] * Batching.LABEL) & LSB_MASK) < lsb) {
                out.add(p);
            }
        }
        while (d < outright.size()) {
            out.add(outright.get(d++));
        }
    }

    private void ensureGatherCapacity(int count) {
        if (slotOf.length < count) {
            slotOf = new int[Math.max(count, slotOf.length * 2)];
        }
        if (gathered.length < count * Batching.LABEL) {
            gathered = new byte[Math.max(count * Batching.LABEL, gathered.length * 2)];
            encrypted = new byte[gathered.length];
        }
    }

    /** The qualifying pairs of all groups in the reference's order: chunk, then group, then output byte. */
    private void merge(long firstLabel, Hits hits) {
        int[] cursor = new int[groups];
        while (true) {
            int chunk = Integer.MAX_VALUE;
            for (int g = 0; g < groups; g++) {
                if (cursor[g] < qualified[g].size()) {
                    chunk = Math.min(chunk, qualified[g].get(cursor[g]) / Batching.CHUNK);
                }
            }
            if (chunk == Integer.MAX_VALUE) {
                return;
            }
            for (int g = 0; g < groups; g++) {
                IntList list = qualified[g];
                for (; cursor[g] < list.size() && list.get(cursor[g]) / Batching.CHUNK == chunk; cursor[g]++) {
                    int p = list.get(cursor[g]);
                    hits.add((firstGroup + g) * 16 + (p & 0xf), firstLabel + p / Batching.LABEL);
                }
            }
        }
    }

    /** A growable list of ints, reused batch after batch; the sweep writes its array directly. */
    private static final class IntList {
        private int[] values = new int[1024];
        private int size;

        /** Room for {@code capacity} values without growing. */
        void ensure(int capacity) {
            if (values.length < capacity) {
                values = Arrays.copyOf(values, Math.max(capacity, values.length * 2));
            }
        }

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int get(int i) {
            return values[i];
        }

        int size() {
            return size;
        }

        void clear() {
            size = 0;
        }
    }
}
