package io.smnode.node.bench;

/** Shared formatting of benchmark figures. */
final class Benchmarks {
    private Benchmarks() {}

    /** Three decimals: enough for figures measured on a shared machine. */
    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
