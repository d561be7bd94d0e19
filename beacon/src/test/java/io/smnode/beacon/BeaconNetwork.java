package io.smnode.beacon;

import io.smnode.core.verdict.Verdict;
import io.smnode.core.net.NetworkParams;
import io.smnode.core.net.NetworkParams.Ratio;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.signing.EdVerifier;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.NodeId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * Several nodes running one epoch of the beacon protocol against each other in one thread. Time advances in
 * one-second steps; after each step every message sent is delivered to every other node at the sending instant,
 * unless a hold rule keeps it back for a node, in which case it arrives at the hold's release time.
 */
final class BeaconNetwork {
    static final Bytes PREFIX = Bytes.ofHex("2a76efba89bf8d751d858ae04a8a6c0834a522e5");
    static final EdVerifier VERIFIER = new EdVerifier(PREFIX);
    static final EpochId EPOCH = EpochId.of(5);
    /** S(e): every honest ATX arrived well before S(e) − grace. */
    static final Instant EPOCH_START = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant EARLY_ATX = EPOCH_START.minus(Duration.ofHours(1));

    /** κ 40, q 1/3, θ 1/4 as every preset; short phases; 4 rounds (1 first + 3 following with a coin each). */
    static final NetworkParams.Beacon PARAMS = new NetworkParams.Beacon(40, new Ratio(1, 3), new Ratio(1, 4),
            Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(20), 4, Duration.ofSeconds(10),
            Duration.ofSeconds(5), 100, 10);

    /** Total protocol length from start: proposal + first round + 3 × (vote + coin). */
    static final Duration LENGTH = Duration.ofSeconds(10 + 20 + 3 * 15);

    final Map<NodeId, EpochMiners.Miner> atxs = new LinkedHashMap<>();
    final Map<NodeId, EdSigner> signers = new LinkedHashMap<>();
    /** The nodes running the protocol, created by {@link #build} once every ATX is known (totals are fixed then). */
    final Map<NodeId, BeaconProtocol> nodes = new LinkedHashMap<>();
    private final List<EdSigner> participants = new ArrayList<>();
    /** Everything gossiped, in order, with its send time. */
    final List<Sent> log = new ArrayList<>();
    private final List<Held> held = new ArrayList<>();
    private final List<Hold> holds = new ArrayList<>();
    final EpochMiners port = new EpochMiners() {
        @Override
        public Optional<Miner> miner(NodeId id) {
            return Optional.ofNullable(atxs.get(id));
        }

        @Override
        public Collection<Miner> all() {
            return atxs.values();
        }
    };

    record Sent(NodeId from, BeaconMessage message, Instant at) {}

    private record Held(NodeId to, BeaconMessage message, Instant release) {}

    /** Keeps messages matching {@code rule(recipient, message)} back until {@code delay} after they were sent. */
    record Hold(BiPredicate<NodeId, BeaconMessage> rule, Duration delay) {}

    static EdSigner signer(int i) {
        byte[] seed = new byte[32];
        seed[0] = (byte) (i + 1);
        seed[31] = (byte) 0x5a;
        return EdSigner.fromSeed(seed, PREFIX);
    }

    /** An identity with an ATX for the epoch; only those {@link #addNode}ed run the protocol. */
    EdSigner addMiner(int i, long weight, long numUnits, Instant atxReceived, boolean malicious) {
        EdSigner s = signer(i);
        signers.put(s.nodeId(), s);
        atxs.put(s.nodeId(), new EpochMiners.Miner(s.nodeId(), weight, numUnits, 100 + i, atxReceived, malicious));
        return s;
    }

    void addNode(EdSigner s) {
        participants.add(s);
    }

    /** Creates the protocol instances (idempotent); {@link #run} does it first. */
    BeaconNetwork build() {
        for (EdSigner s : participants) {
            nodes.computeIfAbsent(s.nodeId(), id -> new BeaconProtocol(PARAMS, EPOCH, EPOCH_START, port, List.of(s), VERIFIER));
        }
        return this;
    }

    void hold(Hold h) {
        holds.add(h);
    }

    /** Starts every node at S(e) and runs one-second steps until all finish. */
    void run() {
        build();
        Instant now = EPOCH_START;
        for (Map.Entry<NodeId, BeaconProtocol> e : nodes.entrySet()) {
            publish(e.getKey(), e.getValue().start(now), now);
        }
        deliver(now);
        Instant end = now.plus(LENGTH).plusSeconds(5);
        while (now.isBefore(end)) {
            now = now.plusSeconds(1);
            for (Map.Entry<NodeId, BeaconProtocol> e : nodes.entrySet()) {
                publish(e.getKey(), e.getValue().tick(now), now);
            }
            deliver(now);
        }
    }

    void publish(NodeId from, List<BeaconMessage> messages, Instant at) {
        for (BeaconMessage m : messages) {
            log.add(new Sent(from, m, at));
            for (EdSigner recipient : participants) {
                NodeId to = recipient.nodeId();
                if (to.equals(from)) {
                    continue; // the sender handled its own message already
                }
                Duration delay = holds.stream().filter(h -> h.rule().test(to, m)).map(Hold::delay)
                        .findFirst().orElse(Duration.ZERO);
                held.add(new Held(to, m, at.plus(delay)));
            }
        }
    }

    /** Delivers every message due by {@code now}, in send order. */
    private void deliver(Instant now) {
        List<Held> due = held.stream().filter(h -> !h.release().isAfter(now)).toList();
        held.removeAll(due);
        for (Held h : due) {
            receive(nodes.get(h.to()), h.message(), h.release());
        }
    }

    static Verdict receive(BeaconProtocol node, BeaconMessage m, Instant at) {
        byte[] bytes = m.encode();
        return switch (m.topic()) {
            case PROPOSAL -> node.onProposal(bytes, at);
            case FIRST_VOTES -> node.onFirstVotes(bytes, at);
            case FOLLOWING_VOTES -> node.onFollowingVotes(bytes, at);
            case WEAK_COIN -> node.onWeakCoin(bytes, at);
        };
    }

    <T extends BeaconMessage> List<T> sent(Class<T> type) {
        return log.stream().map(Sent::message).filter(type::isInstance).map(type::cast).toList();
    }
}
