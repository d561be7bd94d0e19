package io.smnode.p2p.pubsub;

import io.smnode.p2p.identity.PeerId;
import java.util.HashMap;
import java.util.Map;

/**
 * Gossipsub v1.1 peer scores as go-spacemesh configures them: per scored topic (ax1, pp1) time in mesh (P1),
 * first message deliveries (P2) and invalid message deliveries (P4, squared), weighted by the topic weight; an
 * application score (P5, +10000 for bootnodes); the behaviour penalty (P7, squared excess over the threshold).
 * Mesh message delivery (P3) and IP colocation (P6) are off in go-spacemesh and so here. Counters decay every decay
 * interval towards zero (to 1% over each parameter's decay time, as go's {@code ScoreParameterDecay}). Time is an
 * input.
 */
public final class PeerScore {
    private static final double DECAY_TO_ZERO = 0.01;

    private static final class TopicStats {
        long meshSince = -1;
        double firstDeliveries;
        double invalidDeliveries;
    }

    private static final class Stats {
        final Map<String, TopicStats> topics = new HashMap<>();
        boolean connected = true;
        double appScore;
        double behaviourPenalty;
    }

    private final GossipParams p;
    private final Map<PeerId, Stats> peers = new HashMap<>();
    private final double behaviourDecay;
    private final double firstDecay;
    private final double invalidDecay;

    public PeerScore(GossipParams params) {
        this.p = params;
        this.behaviourDecay = decay(params.behaviourPenaltyDecayMillis());
        this.firstDecay = decay(params.firstDeliveriesDecayMillis());
        this.invalidDecay = decay(params.invalidDeliveriesDecayMillis());
    }

    private double decay(long decayMillis) {
        double ticks = (double) decayMillis / p.decayIntervalMillis();
        return Math.pow(DECAY_TO_ZERO, 1 / ticks);
    }

    private Stats stats(PeerId peer) {
        return peers.computeIfAbsent(peer, k -> new Stats());
    }

    private TopicStats topic(PeerId peer, String topic) {
        return p.scoredTopics().contains(topic) ? stats(peer).topics.computeIfAbsent(topic, k -> new TopicStats()) : null;
    }

    public void setAppScore(PeerId peer, double score) {
        stats(peer).appScore = score;
    }

    /** The peer is connected (again): its kept penalties apply. */
    public void connected(PeerId peer) {
        stats(peer).connected = true;
    }

    /**
     * The peer disconnected. A peer in good standing is forgotten; a penalised one is kept (and keeps decaying), so
     * reconnecting does not wash a penalty away (go retains scores for 6 h).
     */
    public void disconnected(PeerId peer, long now) {
        Stats s = peers.get(peer);
        if (s != null) {
            s.connected = false;
            for (TopicStats t : s.topics.values()) {
                t.meshSince = -1;
            }
            if (score(peer, now) >= 0) {
                peers.remove(peer);
            }
        }
    }

    /** Peers with a score kept (connected or penalised). */
    public int tracked() {
        return peers.size();
    }

    public void grafted(PeerId peer, String topic, long now) {
        TopicStats t = topic(peer, topic);
        if (t != null) {
            t.meshSince = now;
        }
    }

    public void pruned(PeerId peer, String topic) {
        TopicStats t = topic(peer, topic);
        if (t != null) {
            t.meshSince = -1;
        }
    }

    public void firstDelivery(PeerId peer, String topic) {
        TopicStats t = topic(peer, topic);
        if (t != null) {
            t.firstDeliveries = Math.min(p.firstDeliveriesCap(), t.firstDeliveries + 1);
        }
    }

    /** An invalid message (a validator's reject, or an unexpected signature): P4. */
    public void invalidDelivery(PeerId peer, String topic) {
        TopicStats t = topic(peer, topic);
        if (t != null) {
            t.invalidDeliveries += 1;
        }
    }

    /** A protocol misbehaviour (GRAFT during backoff, broken promises): P7. */
    public void behaviourPenalty(PeerId peer, double amount) {
        stats(peer).behaviourPenalty += amount;
    }

    public double score(PeerId peer, long now) {
        Stats s = peers.get(peer);
        if (s == null) {
            return 0;
        }
        double score = 0;
        for (Map.Entry<String, TopicStats> e : s.topics.entrySet()) {
            TopicStats t = e.getValue();
            double topicScore = 0;
            if (t.meshSince >= 0) {
                double quanta = (double) (now - t.meshSince) / p.timeInMeshQuantumMillis();
                topicScore += p.timeInMeshWeight() * Math.min(quanta, p.timeInMeshCap());
            }
            topicScore += p.firstDeliveriesWeight() * t.firstDeliveries;
            topicScore += p.invalidDeliveriesWeight() * t.invalidDeliveries * t.invalidDeliveries;
            score += p.topicWeight() * topicScore;
        }
        score += s.appScore;
        double excess = s.behaviourPenalty - p.behaviourPenaltyThreshold();
        if (excess > 0) {
            score += p.behaviourPenaltyWeight() * excess * excess;
        }
        return score;
    }

    /** One decay interval passed; a gone peer whose penalties decayed to nothing is forgotten. */
    public void decay() {
        peers.values().removeIf(s -> !s.connected && s.behaviourPenalty == 0
                && s.topics.values().stream().allMatch(t -> t.invalidDeliveries == 0));
        for (Stats s : peers.values()) {
            s.behaviourPenalty = zeroIfSmall(s.behaviourPenalty * behaviourDecay);
            for (TopicStats t : s.topics.values()) {
                t.firstDeliveries = zeroIfSmall(t.firstDeliveries * firstDecay);
                t.invalidDeliveries = zeroIfSmall(t.invalidDeliveries * invalidDecay);
            }
        }
    }

    private static double zeroIfSmall(double v) {
        return Math.abs(v) < DECAY_TO_ZERO ? 0 : v;
    }
}
