package io.smnode.p2p.host;

/**
 * Bandwidth limits in bytes per second, 0 meaning unlimited (go-spacemesh has none, so that is the default). Global
 * limits bound all connections together, per-peer ones each connection (a host keeps one connection per peer).
 * Bytes on the socket count (Noise and yamux framing included); gossip and requests share them.
 */
public record BandwidthLimits(long globalIn, long globalOut, long peerIn, long peerOut) {
    public static final BandwidthLimits UNLIMITED = new BandwidthLimits(0, 0, 0, 0);

    public BandwidthLimits {
        if (globalIn < 0 || globalOut < 0 || peerIn < 0 || peerOut < 0) {
            throw new IllegalArgumentException("a bandwidth limit is 0 (unlimited) or a positive byte rate");
        }
    }

    public static BandwidthLimits perPeer(long in, long out) {
        return new BandwidthLimits(0, 0, in, out);
    }

    public static BandwidthLimits global(long in, long out) {
        return new BandwidthLimits(in, out, 0, 0);
    }

    public boolean unlimited() {
        return equals(UNLIMITED);
    }
}
