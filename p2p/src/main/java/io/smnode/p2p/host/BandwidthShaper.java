package io.smnode.p2p.host;

import io.smnode.p2p.reqresp.TokenBucket;

/**
 * One direction of one connection's bandwidth shaping: the connection's own bucket and the host's bucket shared by
 * every connection (either may be absent, not both). Each holds one second's worth (the burst) and may go into debt
 * by what was read or written beyond it; while either is in debt the connection neither reads nor writes in that
 * direction, so the average stays at the limit and nothing is dropped. Time is an input (milliseconds, monotonic).
 *
 * <p>The connection's bucket is used on the connection's thread only; the shared one under its own lock.
 */
final class BandwidthShaper {
    private static final long MIN_QUANTUM = 1024;
    private static final long MAX_QUANTUM = 64 * 1024;

    private final TokenBucket peer;
    private final TokenBucket global;
    private final long quantum;

    /**
     * @param quantum the most a write may take beyond what the buckets hold: small enough that the wait it causes
     *                stays short (an eighth of a second at the lowest rate), large enough not to wake per packet
     */
    private BandwidthShaper(TokenBucket peer, TokenBucket global, long quantum) {
        this.peer = peer;
        this.global = global;
        this.quantum = quantum;
    }

    /** A bucket for a limit (bytes per second, burst one second's worth). */
    static TokenBucket bucket(long bytesPerSecond, long nowMillis) {
        return new TokenBucket(bytesPerSecond, bytesPerSecond, nowMillis);
    }

    /** The shaper of a direction with a per-peer rate (0: none) and a host bucket of the given rate (null: none). */
    static BandwidthShaper of(long peerRate, TokenBucket global, long globalRate, long nowMillis) {
        if (peerRate <= 0 && global == null) {
            return null;
        }
        long slowest = peerRate <= 0 ? globalRate : global == null ? peerRate : Math.min(peerRate, globalRate);
        long quantum = Math.max(MIN_QUANTUM, Math.min(MAX_QUANTUM, slowest / 8));
        return new BandwidthShaper(peerRate > 0 ? bucket(peerRate, nowMillis) : null, global, quantum);
    }

    /** Milliseconds until neither bucket is in debt (0: go now). */
    long delayMillis(long now) {
        long wait = peer == null ? 0 : peer.reserve(now, 0);
        if (global != null) {
            synchronized (global) {
                wait = Math.max(wait, global.reserve(now, 0));
            }
        }
        return wait;
    }

    /** Accounts bytes that already passed (a read: the socket decides its size). */
    void take(long now, long bytes) {
        if (peer != null) {
            peer.reserve(now, bytes);
        }
        if (global != null) {
            synchronized (global) {
                global.reserve(now, bytes);
            }
        }
    }

    /**
     * How much of {@code wanted} may be written now, taken from the buckets: what they hold, and at least a quantum
     * (the debt repaid before the next write). Ask only when {@link #delayMillis} is 0.
     */
    long takeUpTo(long now, long wanted) {
        double room = peer == null ? Double.MAX_VALUE : peer.available(now);
        if (global == null) {
            long n = grant(room, wanted);
            peer.reserve(now, n);
            return n;
        }
        synchronized (global) {
            long n = grant(Math.min(room, global.available(now)), wanted);
            global.reserve(now, n);
            if (peer != null) {
                peer.reserve(now, n);
            }
            return n;
        }
    }

    private long grant(double room, long wanted) {
        return Math.min(wanted, Math.max(quantum, (long) Math.min(room, Long.MAX_VALUE)));
    }
}
