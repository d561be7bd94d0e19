package io.smnode.p2p.reqresp;

import java.time.Duration;
import java.util.Map;

/**
 * Admission and timeouts of a request/response protocol (go-spacemesh {@code p2p/server} and fetch's
 * {@code ServersConfig}): requests larger than {@link #MAX_REQUEST} close the connection; {@code queue} requests at
 * once (more are reset), {@code perSecond} admitted per second across all peers (more wait), an idle timeout extended by
 * traffic and a hard timeout per request.
 */
public record ServerLimits(int queue, double perSecond, Duration idleTimeout, Duration hardTimeout) {
    /** go-spacemesh's {@code requestLimit}. */
    public static final int MAX_REQUEST = 10_240;
    public static final Duration IDLE = Duration.ofSeconds(25);
    public static final Duration HARD = Duration.ofMinutes(5);
    /** fetch's default for unlisted protocols. */
    public static final ServerLimits DEFAULT = new ServerLimits(10_000, 100, IDLE, HARD);

    /** go-spacemesh's per-protocol table (fetch {@code DefaultConfig().ServersConfig}). */
    public static final Map<String, ServerLimits> SPACEMESH = Map.of(
            "ax/1", new ServerLimits(10, 1, IDLE, HARD),
            "ld/1", new ServerLimits(1000, 100, IDLE, HARD),
            "hs/1", new ServerLimits(2000, 200, IDLE, HARD),
            "as/1", new ServerLimits(10, 1, IDLE, HARD),
            "mh/1", new ServerLimits(1000, 100, IDLE, HARD),
            "ml/1", new ServerLimits(100, 10, IDLE, HARD),
            // [VERIFY] ml/2 (malfeasance v2, spec 11 §6.1) is not in the fetch config that could be read: ml/1's.
            "ml/2", new ServerLimits(100, 10, IDLE, HARD),
            "lp/2", new ServerLimits(10_000, 1000, IDLE, HARD));

    public static ServerLimits forProtocol(String protocol) {
        return SPACEMESH.getOrDefault(protocol, DEFAULT);
    }
}
