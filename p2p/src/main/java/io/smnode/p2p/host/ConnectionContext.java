package io.smnode.p2p.host;

import io.smnode.p2p.identity.HostKey;
import io.smnode.p2p.yamux.YamuxSession;
import java.time.Duration;
import java.util.Optional;

/** What a connection needs from its host; called on the connection's thread, so implementations hop off it. */
interface ConnectionContext {
    HostKey key();

    byte[] prologue();

    /** Fresh secret bytes (Noise keys). */
    byte[] randomBytes(int n);

    YamuxSession.Limits yamuxLimits();

    Duration handshakeTimeout();

    Duration writeStall();

    /** A handler for an inbound stream's protocol, or empty to answer {@code na}. */
    Optional<StreamHandler> inboundHandler(String protocol);

    void established(Connection connection);

    void closed(Connection connection, String reason);

    void countWire(boolean in, long bytes);

    void countProtocol(String protocol, boolean in, long bytes);

    /** A new connection's shaping of one direction, or null when that direction is unlimited. */
    BandwidthShaper shaper(boolean in);

    /** A connection held its reads ({@code in}) or writes for this long to keep to the bandwidth limits. */
    void throttled(boolean in, long millis);
}
