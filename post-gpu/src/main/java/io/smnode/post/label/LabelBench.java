package io.smnode.post.label;

import io.smnode.core.types.Hash32;
import java.io.PrintStream;
import java.util.function.LongSupplier;

/**
 * Measures one generator's label rate on the calling thread: a warm-up, then labels until the time is up. The clock
 * is a parameter so that a CLI (or a test) decides where time comes from; {@link #main} uses {@code nanoTime}.
 */
public final class LabelBench {
    /** What one run measured. */
    public record Result(int n, long labels, long nanos) {
        public double labelsPerSecond() {
            return labels * 1e9 / nanos;
        }

        public double millisPerLabel() {
            return nanos / 1e6 / labels;
        }

        @Override
        public String toString() {
            return String.format("N=%d: %d labels in %.2f s = %.1f labels/s (%.3f ms/label, %.1f KiB/s of labels)",
                    n, labels, nanos / 1e9, labelsPerSecond(), millisPerLabel(),
                    labelsPerSecond() * LabelGenerator.LABEL_SIZE / 1024);
        }
    }

    private LabelBench() {}

    /** Computes labels 0,1,2,... of a fixed commitment for {@code warmupNanos}, then measures for {@code runNanos}. */
    public static Result run(LabelGeneratorFactory factory, int n, long warmupNanos, long runNanos,
                             LongSupplier nanoTime) {
        LabelGenerator gen = factory.create(Hash32.ZERO, n);
        byte[] out = new byte[LabelGenerator.OUTPUT_SIZE];
        long index = 0;
        long warmEnd = nanoTime.getAsLong() + warmupNanos;
        while (nanoTime.getAsLong() < warmEnd) {
            gen.output(index++, out, 0);
        }
        long start = nanoTime.getAsLong();
        long labels = 0;
        long now;
        do {
            gen.output(index++, out, 0);
            labels++;
            now = nanoTime.getAsLong();
        } while (now - start < runNanos);
        return new Result(n, labels, now - start);
    }

    /** {@code LabelBench [N=8192] [seconds=10]}: prints the single-core CPU label rate. */
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 8192;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 10;
        PrintStream out = System.out;
        Result r = run(ScryptJane.FACTORY, n, 2_000_000_000L, (long) (seconds * 1e9), System::nanoTime);
        out.println("cpu scrypt-jane, 1 thread, " + r);
    }
}
