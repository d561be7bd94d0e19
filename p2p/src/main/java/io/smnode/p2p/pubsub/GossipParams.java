package io.smnode.p2p.pubsub;

import java.util.Set;

/**
 * Gossipsub overlay parameters. {@link #SPACEMESH} is go-spacemesh's {@code p2p/pubsub} setting (D 6, Dlo 4, Dhi 8,
 * Dscore 4, Dout 3, Dlazy 8, gossip factor 0.1, 10 history windows, flood publish off) on go-libp2p-pubsub v0.12.0's
 * other defaults.
 */
public record GossipParams(
        int d, int dlo, int dhi, int dscore, int dout, int dlazy, double gossipFactor,
        int historyLength, int historyGossip, long heartbeatMillis, long fanoutTtlMillis, long pruneBackoffMillis,
        long unsubscribeBackoffMillis, long seenTtlMillis, int maxIHaveLength, int maxIHaveMessages,
        int gossipRetransmission, int maxSeen,
        // peer scoring (go-spacemesh thresholds and weights)
        double gossipThreshold, double publishThreshold, double graylistThreshold,
        double behaviourPenaltyThreshold, double behaviourPenaltyWeight, long behaviourPenaltyDecayMillis,
        Set<String> scoredTopics, double topicWeight, double timeInMeshWeight, long timeInMeshQuantumMillis,
        double timeInMeshCap, double firstDeliveriesWeight, double firstDeliveriesCap, long firstDeliveriesDecayMillis,
        double invalidDeliveriesWeight, long invalidDeliveriesDecayMillis, long decayIntervalMillis) {

    /** The same parameters with another seen-cache TTL (go: 120 s). */
    public GossipParams withSeenTtl(long millis) {
        return new GossipParams(d, dlo, dhi, dscore, dout, dlazy, gossipFactor, historyLength, historyGossip, heartbeatMillis,
                fanoutTtlMillis, pruneBackoffMillis, unsubscribeBackoffMillis, millis, maxIHaveLength, maxIHaveMessages,
                gossipRetransmission, maxSeen, gossipThreshold, publishThreshold, graylistThreshold,
                behaviourPenaltyThreshold, behaviourPenaltyWeight, behaviourPenaltyDecayMillis, scoredTopics, topicWeight,
                timeInMeshWeight, timeInMeshQuantumMillis, timeInMeshCap, firstDeliveriesWeight, firstDeliveriesCap,
                firstDeliveriesDecayMillis, invalidDeliveriesWeight, invalidDeliveriesDecayMillis, decayIntervalMillis);
    }

    public static final GossipParams SPACEMESH = new GossipParams(
            6, 4, 8, 4, 3, 8, 0.1,
            10, 3, 1000, 60_000, 60_000,
            10_000, 120_000, 5000, 10,
            3, 1_000_000,
            -500, -1000, -2500,
            6, -10, 3_600_000,
            Set.of("ax1", "pp1"), 0.1, 0.00027, 1000,
            1, 5, 100, 3_600_000,
            -1000, 3_600_000, 1000);
}
