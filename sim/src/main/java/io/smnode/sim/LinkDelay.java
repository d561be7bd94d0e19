package io.smnode.sim;

/**
 * A one-way link's latency, uniform in {@code [minMillis, maxMillis]} of virtual time. {@code from} or {@code to}
 * of -1 matches any node.
 */
public record LinkDelay(int from, int to, long minMillis, long maxMillis) {
    public LinkDelay {
        if (minMillis < 0 || maxMillis < minMillis) {
            throw new IllegalArgumentException("bad delay range " + minMillis + ".." + maxMillis);
        }
    }

    /** The same latency on every link. */
    public static LinkDelay everywhere(long minMillis, long maxMillis) {
        return new LinkDelay(-1, -1, minMillis, maxMillis);
    }

    boolean matches(int a, int b) {
        return (from < 0 || from == a) && (to < 0 || to == b);
    }
}
