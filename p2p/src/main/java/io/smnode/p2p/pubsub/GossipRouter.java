package io.smnode.p2p.pubsub;

import io.smnode.core.hash.Blake3;
import io.smnode.core.types.Bytes;
import io.smnode.core.verdict.Verdict;
import io.smnode.p2p.identity.PeerId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The gossipsub v1.1 router ({@code /meshsub/1.1.0}) with go-spacemesh's settings: topic meshes kept between Dlo and
 * Dhi by GRAFT/PRUNE with backoff, fanout for topics published but not joined, IHAVE/IWANT gossip from the message
 * cache, the seen cache, StrictNoSign (messages with from, seqno, signature or key are rejected), message id =
 * BLAKE3-256(topic ‖ data), peer scores, and the validation verdicts: accept forwards to the mesh, ignore drops,
 * reject penalises the sender and disconnects it.
 *
 * <p>Pure and single-threaded: time and randomness are inputs, every effect goes out through {@link Actions}.
 */
public final class GossipRouter {
    /** What the router asks its shell to do. */
    public interface Actions {
        void send(PeerId to, Rpc rpc);

        /** Hand a new message to the topic's ingestion; its verdict comes back through {@link #onVerdict}. */
        void validate(PeerId from, Bytes msgId, Rpc.Message msg);

        void disconnect(PeerId peer, String reason);

        /** A message's fate, for metrics and logs (also for messages refused before validation). */
        default void decided(PeerId from, String topic, Bytes msgId, Verdict verdict) {}
    }

    private record Pending(PeerId from, Rpc.Message msg, Set<PeerId> alsoFrom) {}

    /** Control messages for one peer gathered during a heartbeat, sent as one RPC. */
    private static final class Outgoing {
        final List<Rpc.Graft> graft = new ArrayList<>();
        final List<Rpc.Prune> prune = new ArrayList<>();
        final List<Rpc.IHave> ihave = new ArrayList<>();
    }

    private final GossipParams p;
    private final Random rng;
    private final Actions actions;
    private final PeerScore score;
    private final SeenCache seen;
    private final MessageCache mcache;
    private final Map<PeerId, Boolean> peers = new TreeMap<>();
    private final Map<PeerId, Set<String>> peerTopics = new HashMap<>();
    private final Set<String> joined = new TreeSet<>();
    private final Map<String, Set<PeerId>> mesh = new TreeMap<>();
    private final Map<String, Set<PeerId>> fanout = new TreeMap<>();
    private final Map<String, Long> lastPublished = new HashMap<>();
    private final Map<String, Map<PeerId, Long>> backoff = new HashMap<>();
    private final Map<Bytes, Pending> pending = new LinkedHashMap<>();
    private final Map<PeerId, Integer> ihaveCount = new HashMap<>();
    private final Map<PeerId, Integer> iasked = new HashMap<>();
    private final Map<PeerId, Map<Bytes, Integer>> retransmitted = new HashMap<>();

    public GossipRouter(GossipParams params, Random rng, Actions actions) {
        this.p = params;
        this.rng = rng;
        this.actions = actions;
        this.score = new PeerScore(params);
        this.seen = new SeenCache(params.seenTtlMillis(), params.maxSeen());
        this.mcache = new MessageCache(params.historyLength(), params.historyGossip());
    }

    /** go-spacemesh's message id: BLAKE3-256(topic ‖ data), 32 raw bytes. */
    public static Bytes messageId(String topic, Bytes data) {
        return Bytes.wrap(Blake3.hash(topic.getBytes(StandardCharsets.UTF_8), data.toByteArray()).toByteArray());
    }

    // ---- peers and topics ----

    /** We can now send RPCs to the peer (its meshsub stream is open); it learns our subscriptions. */
    public void addPeer(PeerId peer, boolean outbound) {
        if (peers.put(peer, outbound) != null) {
            return;
        }
        score.connected(peer);
        peerTopics.putIfAbsent(peer, new TreeSet<>());
        if (!joined.isEmpty()) {
            List<Rpc.SubOpts> subs = new ArrayList<>();
            for (String t : joined) {
                subs.add(new Rpc.SubOpts(true, t));
            }
            actions.send(peer, Rpc.subscriptions(subs));
        }
    }

    public void removePeer(PeerId peer, long now) {
        peers.remove(peer);
        peerTopics.remove(peer);
        mesh.values().forEach(s -> s.remove(peer));
        fanout.values().forEach(s -> s.remove(peer));
        ihaveCount.remove(peer);
        iasked.remove(peer);
        retransmitted.remove(peer);
        score.disconnected(peer, now);
    }

    public void setAppScore(PeerId peer, double value) {
        score.setAppScore(peer, value);
    }

    public double score(PeerId peer, long now) {
        return score.score(peer, now);
    }

    public Set<PeerId> meshPeers(String topic) {
        return Collections.unmodifiableSet(mesh.getOrDefault(topic, Set.of()));
    }

    public Set<PeerId> topicPeers(String topic) {
        Set<PeerId> out = new TreeSet<>();
        peerTopics.forEach((peer, topics) -> {
            if (topics.contains(topic)) {
                out.add(peer);
            }
        });
        return out;
    }

    public int pendingValidations() {
        return pending.size();
    }

    public boolean isJoined(String topic) {
        return joined.contains(topic);
    }

    public void join(String topic, long now) {
        if (!joined.add(topic)) {
            return;
        }
        for (PeerId peer : peers.keySet()) {
            actions.send(peer, Rpc.subscriptions(List.of(new Rpc.SubOpts(true, topic))));
        }
        Set<PeerId> m = new TreeSet<>();
        Set<PeerId> fan = fanout.remove(topic);
        lastPublished.remove(topic);
        if (fan != null) {
            for (PeerId peer : fan) {
                if (m.size() < p.d() && score.score(peer, now) >= 0) {
                    m.add(peer);
                }
            }
        }
        if (m.size() < p.d()) {
            List<PeerId> candidates = candidates(topic, m, now, 0, true);
            m.addAll(candidates.subList(0, Math.min(candidates.size(), p.d() - m.size())));
        }
        mesh.put(topic, m);
        for (PeerId peer : m) {
            score.grafted(peer, topic, now);
            actions.send(peer, Rpc.control(new Rpc.Control(List.of(), List.of(), List.of(new Rpc.Graft(topic)), List.of(), List.of())));
        }
    }

    public void leave(String topic, long now) {
        if (!joined.remove(topic)) {
            return;
        }
        // Their ingestion is closing: no verdict will come back for them.
        pending.values().removeIf(p -> p.msg.topic().equals(topic));
        for (PeerId peer : peers.keySet()) {
            actions.send(peer, Rpc.subscriptions(List.of(new Rpc.SubOpts(false, topic))));
        }
        Set<PeerId> m = mesh.remove(topic);
        if (m != null) {
            for (PeerId peer : m) {
                score.pruned(peer, topic);
                addBackoff(peer, topic, now, p.unsubscribeBackoffMillis());
                actions.send(peer, Rpc.control(new Rpc.Control(List.of(), List.of(), List.of(),
                        List.of(prune(topic, p.unsubscribeBackoffMillis())), List.of())));
            }
        }
    }

    // ---- messages ----

    /**
     * Publishes our own message: to the topic's mesh when joined, else to its fanout (flood publish is off).
     *
     * @return its message id, or empty when it was already seen (a duplicate is not sent again)
     */
    public Optional<Bytes> publish(String topic, Bytes data, long now) {
        Bytes id = messageId(topic, data);
        if (!seen.add(id, now)) {
            return Optional.empty();
        }
        Rpc.Message msg = Rpc.Message.unsigned(topic, data);
        mcache.put(id, msg);
        Set<PeerId> targets;
        if (joined.contains(topic)) {
            targets = mesh.getOrDefault(topic, Set.of());
        } else {
            targets = fanout.computeIfAbsent(topic, t -> new TreeSet<>());
            if (targets.isEmpty()) {
                List<PeerId> c = candidates(topic, Set.of(), now, p.publishThreshold(), false);
                targets.addAll(c.subList(0, Math.min(c.size(), p.d())));
            }
            lastPublished.put(topic, now);
        }
        Rpc rpc = Rpc.messages(List.of(msg));
        for (PeerId peer : targets) {
            actions.send(peer, rpc);
        }
        return Optional.of(id);
    }

    public void onRpc(PeerId from, Rpc rpc, long now) {
        if (!peerTopics.containsKey(from)) {
            peerTopics.put(from, new TreeSet<>());
        }
        if (score.score(from, now) < p.graylistThreshold()) {
            return;
        }
        for (Rpc.SubOpts s : rpc.subscriptions()) {
            onSubscription(from, s);
        }
        for (Rpc.Message m : rpc.publish()) {
            onMessage(from, m, now);
        }
        onControl(from, rpc.control(), now);
    }

    private void onSubscription(PeerId from, Rpc.SubOpts s) {
        Set<String> topics = peerTopics.get(from);
        if (s.subscribe()) {
            if (topics.size() < 256) {
                topics.add(s.topic());
            }
        } else {
            topics.remove(s.topic());
            Set<PeerId> m = mesh.get(s.topic());
            if (m != null) {
                m.remove(from);
            }
            Set<PeerId> f = fanout.get(s.topic());
            if (f != null) {
                f.remove(from);
            }
        }
    }

    private void onMessage(PeerId from, Rpc.Message m, long now) {
        if (!joined.contains(m.topic())) {
            return;
        }
        Bytes id = messageId(m.topic(), m.data());
        Pending inFlight = pending.get(id);
        if (inFlight != null) {
            inFlight.alsoFrom.add(from);
            return;
        }
        if (!seen.add(id, now)) {
            return;
        }
        if (m.hasAuthorFields()) {
            // StrictNoSign: go rejects these before any validator (RejectUnexpectedSignature / AuthInfo).
            score.invalidDelivery(from, m.topic());
            actions.decided(from, m.topic(), id, Verdict.reject(PubsubRule.UNEXPECTED_AUTH,
                    "message carries from/seqno/signature/key under StrictNoSign"));
            return;
        }
        pending.put(id, new Pending(from, m, new TreeSet<>()));
        actions.validate(from, id, m);
    }

    /** The ingestion graph's verdict on a message handed out by {@link Actions#validate}. */
    public void onVerdict(Bytes msgId, Verdict verdict, long now) {
        Pending pend = pending.remove(msgId);
        if (pend == null) {
            return;
        }
        String topic = pend.msg.topic();
        actions.decided(pend.from, topic, msgId, verdict);
        if (verdict.accepted()) {
            score.firstDelivery(pend.from, topic);
            mcache.put(msgId, pend.msg);
            Rpc rpc = Rpc.messages(List.of(pend.msg));
            for (PeerId peer : mesh.getOrDefault(topic, Set.of())) {
                if (!peer.equals(pend.from) && !pend.alsoFrom.contains(peer)) {
                    actions.send(peer, rpc);
                }
            }
        } else if (verdict.rejected()) {
            score.invalidDelivery(pend.from, topic);
            for (PeerId peer : pend.alsoFrom) {
                score.invalidDelivery(peer, topic);
            }
            actions.disconnect(pend.from, "message rejected: " + verdict);
        }
    }

    // ---- control ----

    private void onControl(PeerId from, Rpc.Control c, long now) {
        if (c.isEmpty()) {
            return;
        }
        List<Rpc.Message> wanted = new ArrayList<>();
        List<Bytes> iwant = new ArrayList<>();
        List<Rpc.Prune> pruneBack = new ArrayList<>();
        double s = score.score(from, now);
        if (s >= p.gossipThreshold()) {
            for (Rpc.IHave h : c.ihave()) {
                onIHave(from, h, now, iwant);
            }
            for (Rpc.IWant w : c.iwant()) {
                onIWant(from, w, wanted);
            }
        }
        for (Rpc.Graft g : c.graft()) {
            onGraft(from, g.topic(), now, pruneBack);
        }
        for (Rpc.Prune pr : c.prune()) {
            onPrune(from, pr, now);
        }
        List<Rpc.IWant> iw = iwant.isEmpty() ? List.of() : List.of(new Rpc.IWant(iwant));
        if (!wanted.isEmpty() || !iw.isEmpty() || !pruneBack.isEmpty()) {
            actions.send(from, new Rpc(List.of(), wanted, new Rpc.Control(List.of(), iw, List.of(), pruneBack, List.of())));
        }
    }

    private void onIHave(PeerId from, Rpc.IHave h, long now, List<Bytes> iwant) {
        if (!joined.contains(h.topic())) {
            return;
        }
        int count = ihaveCount.merge(from, 1, Integer::sum);
        if (count > p.maxIHaveMessages()) {
            return;
        }
        int asked = iasked.getOrDefault(from, 0);
        for (Bytes id : h.messageIds()) {
            if (asked >= p.maxIHaveLength()) {
                break;
            }
            if (!seen.contains(id, now) && !pending.containsKey(id) && !iwant.contains(id)) {
                iwant.add(id);
                asked++;
            }
        }
        iasked.put(from, asked);
    }

    private void onIWant(PeerId from, Rpc.IWant w, List<Rpc.Message> out) {
        Map<Bytes, Integer> counts = retransmitted.computeIfAbsent(from, k -> new HashMap<>());
        for (Bytes id : w.messageIds()) {
            Rpc.Message m = mcache.get(id);
            if (m == null) {
                continue;
            }
            int n = counts.merge(id, 1, Integer::sum);
            if (n <= p.gossipRetransmission()) {
                out.add(m);
            }
        }
    }

    private void onGraft(PeerId from, String topic, long now, List<Rpc.Prune> pruneBack) {
        Set<PeerId> m = mesh.get(topic);
        if (m == null || m.contains(from)) {
            return;
        }
        Long until = backoff.getOrDefault(topic, Map.of()).get(from);
        if (until != null && until > now) {
            // GRAFT during our backoff: P7, and refuse again.
            score.behaviourPenalty(from, 1);
            pruneBack.add(prune(topic, p.pruneBackoffMillis()));
            return;
        }
        boolean outbound = peers.getOrDefault(from, false);
        if (score.score(from, now) < 0 || (m.size() >= p.dhi() && !outbound)) {
            addBackoff(from, topic, now, p.pruneBackoffMillis());
            pruneBack.add(prune(topic, p.pruneBackoffMillis()));
            return;
        }
        m.add(from);
        score.grafted(from, topic, now);
    }

    private void onPrune(PeerId from, Rpc.Prune pr, long now) {
        Set<PeerId> m = mesh.get(pr.topic());
        if (m != null && m.remove(from)) {
            score.pruned(from, pr.topic());
        }
        long millis = pr.backoffSeconds().map(sec -> Math.min(sec, 3600L) * 1000).orElse(p.pruneBackoffMillis());
        addBackoff(from, pr.topic(), now, millis);
    }

    private Rpc.Prune prune(String topic, long backoffMillis) {
        return new Rpc.Prune(topic, List.of(), Optional.of(backoffMillis / 1000));
    }

    private void addBackoff(PeerId peer, String topic, long now, long millis) {
        backoff.computeIfAbsent(topic, t -> new HashMap<>()).merge(peer, now + millis, Math::max);
    }

    // ---- heartbeat ----

    /** Once per heartbeat interval (1 s): decay scores, keep meshes and fanout within bounds, emit gossip. */
    public void heartbeat(long now) {
        score.decay();
        ihaveCount.clear();
        iasked.clear();
        Map<PeerId, Outgoing> out = new TreeMap<>();
        for (String topic : joined) {
            maintainMesh(topic, mesh.computeIfAbsent(topic, t -> new TreeSet<>()), now, out);
        }
        for (String topic : new ArrayList<>(fanout.keySet())) {
            maintainFanout(topic, now);
        }
        for (Map.Entry<String, Set<PeerId>> e : mesh.entrySet()) {
            emitGossip(e.getKey(), e.getValue(), now, out);
        }
        for (Map.Entry<String, Set<PeerId>> e : fanout.entrySet()) {
            emitGossip(e.getKey(), e.getValue(), now, out);
        }
        out.forEach((peer, o) -> actions.send(peer, Rpc.control(new Rpc.Control(o.ihave, List.of(), o.graft, o.prune, List.of()))));
        mcache.shift();
        seen.expire(now);
        retransmitted.clear();
        backoff.values().forEach(m -> m.values().removeIf(until -> until <= now));
    }

    private void maintainMesh(String topic, Set<PeerId> m, long now, Map<PeerId, Outgoing> out) {
        for (PeerId peer : new ArrayList<>(m)) {
            if (score.score(peer, now) < 0) {
                m.remove(peer);
                score.pruned(peer, topic);
                addBackoff(peer, topic, now, p.pruneBackoffMillis());
                out.computeIfAbsent(peer, k -> new Outgoing()).prune.add(prune(topic, p.pruneBackoffMillis()));
            }
        }
        if (m.size() < p.dlo()) {
            List<PeerId> c = candidates(topic, m, now, 0, true);
            for (PeerId peer : c.subList(0, Math.min(c.size(), p.d() - m.size()))) {
                m.add(peer);
                score.grafted(peer, topic, now);
                out.computeIfAbsent(peer, k -> new Outgoing()).graft.add(new Rpc.Graft(topic));
            }
        }
        if (m.size() > p.dhi()) {
            List<PeerId> byScore = new ArrayList<>(m);
            Collections.shuffle(byScore, rng);
            byScore.sort((a, b) -> Double.compare(score.score(b, now), score.score(a, now)));
            List<PeerId> keep = new ArrayList<>(byScore.subList(0, p.dscore()));
            List<PeerId> rest = new ArrayList<>(byScore.subList(p.dscore(), byScore.size()));
            Collections.shuffle(rest, rng);
            keep.addAll(rest.subList(0, p.d() - p.dscore()));
            for (PeerId peer : byScore) {
                if (!keep.contains(peer)) {
                    m.remove(peer);
                    score.pruned(peer, topic);
                    addBackoff(peer, topic, now, p.pruneBackoffMillis());
                    out.computeIfAbsent(peer, k -> new Outgoing()).prune.add(prune(topic, p.pruneBackoffMillis()));
                }
            }
        }
    }

    private void maintainFanout(String topic, long now) {
        Long last = lastPublished.get(topic);
        if (last == null || last + p.fanoutTtlMillis() < now) {
            fanout.remove(topic);
            lastPublished.remove(topic);
            return;
        }
        Set<PeerId> f = fanout.get(topic);
        Set<PeerId> inTopic = topicPeers(topic);
        f.removeIf(peer -> !inTopic.contains(peer) || score.score(peer, now) < p.publishThreshold());
        if (f.size() < p.d()) {
            List<PeerId> c = candidates(topic, f, now, p.publishThreshold(), false);
            f.addAll(c.subList(0, Math.min(c.size(), p.d() - f.size())));
        }
    }

    private void emitGossip(String topic, Set<PeerId> exclude, long now, Map<PeerId, Outgoing> out) {
        List<Bytes> ids = mcache.gossipIds(topic);
        if (ids.isEmpty()) {
            return;
        }
        List<PeerId> c = candidates(topic, exclude, now, p.gossipThreshold(), false);
        int target = Math.max(p.dlazy(), (int) (p.gossipFactor() * c.size()));
        if (ids.size() > p.maxIHaveLength()) {
            Collections.shuffle(ids, rng);
            ids = ids.subList(0, p.maxIHaveLength());
        }
        for (PeerId peer : c.subList(0, Math.min(target, c.size()))) {
            out.computeIfAbsent(peer, k -> new Outgoing()).ihave.add(new Rpc.IHave(topic, List.copyOf(ids)));
        }
    }

    /** Connected peers in the topic, not excluded, at or above the score, optionally not in backoff; shuffled. */
    private List<PeerId> candidates(String topic, Collection<PeerId> exclude, long now, double minScore, boolean checkBackoff) {
        Map<PeerId, Long> bo = backoff.getOrDefault(topic, Map.of());
        List<PeerId> out = new ArrayList<>();
        for (PeerId peer : peers.keySet()) {
            Set<String> topics = peerTopics.get(peer);
            if (topics == null || !topics.contains(topic) || exclude.contains(peer)) {
                continue;
            }
            if (checkBackoff && bo.getOrDefault(peer, 0L) > now) {
                continue;
            }
            if (score.score(peer, now) < minScore) {
                continue;
            }
            out.add(peer);
        }
        Collections.shuffle(out, rng);
        return out;
    }
}
