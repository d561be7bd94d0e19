package io.smnode.post.label;

import io.smnode.core.types.Hash32;
import java.util.function.BooleanSupplier;

/** Labels on CPU threads: one {@link LabelGenerator} (and its scratch memory) per concurrent batch. */
public final class CpuLabelBackend implements LabelBackend {
    private final LabelGeneratorFactory generators;
    private final int threads;

    /** @param threads how many batches run at once; each holds {@code 128·N} bytes of scratch */
    public CpuLabelBackend(LabelGeneratorFactory generators, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.generators = generators;
        this.threads = threads;
    }

    /** scrypt-jane on {@code threads} threads. */
    public static CpuLabelBackend scryptJane(int threads) {
        return new CpuLabelBackend(ScryptJane.FACTORY, threads);
    }

    @Override
    public String name() {
        return "cpu(" + threads + " threads)";
    }

    @Override
    public int concurrency() {
        return threads;
    }

    /** About one second of one thread: 512 labels at N = 8192 (≈ 2.3 ms each), more for smaller N. */
    @Override
    public int preferredBatchLabels(int n) {
        return (int) Math.min(1 << 20, Math.max(512, 512L * 8192 / n));
    }

    @Override
    public LabelBatcher open(Hash32 commitment, int n) {
        LabelGenerator gen = generators.create(commitment, n);
        return new LabelBatcher() {
            private final byte[] out = new byte[LabelGenerator.OUTPUT_SIZE];

            @Override
            public boolean compute(long start, int count, byte[] labels, int offset, NonceScan nonces,
                                   BooleanSupplier cancelled) {
                for (int i = 0; i < count; i++) {
                    if (cancelled.getAsBoolean()) {
                        return false;
                    }
                    gen.output(start + i, out, 0);
                    if (labels != null) {
                        System.arraycopy(out, 0, labels, offset + i * LabelGenerator.LABEL_SIZE,
                                LabelGenerator.LABEL_SIZE);
                    }
                    nonces.offer(start + i, out, 0);
                }
                return true;
            }

            @Override
            public void close() {}
        };
    }
}
