package io.smnode.mesh.pipeline;

import io.smnode.core.signing.EdSigner;
import io.smnode.core.signing.EdVerifier;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Beacon;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.NodeId;
import io.smnode.core.types.ProposalId;
import io.smnode.core.verdict.Verdict;
import io.smnode.hare.ActiveSet;
import io.smnode.hare.HareCodecs;
import io.smnode.hare.HareMessage;
import io.smnode.hare.HareOracle;
import io.smnode.hare.HareRule;
import io.smnode.hare.HareSession;
import io.smnode.hare.InitialSet;
import io.smnode.hare.InvalidHareMessageException;
import io.smnode.hare.MessageOutcome;
import io.smnode.hare.RoundOutcome;
import io.smnode.mesh.proposal.Ballot;
import io.smnode.mesh.proposal.Proposal;
import io.smnode.mesh.store.MeshReads;
import io.smnode.mesh.store.MeshRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * The session driver of spec 04 §8 (the HareActor's core): one {@link HareSession} per layer, created at the
 * layer's start when the layer is in hare's range and its beacon and active set are known; round timers at the
 * {@code HareTiming} offsets; at the preround the initial set from the proposals stored before it
 * ({@link InitialSet}); every gossip message handed to its layer's session. Out come the signed messages to
 * publish, the weak coin and the agreed proposals (both stored), and equivocations as proofs.
 */
public final class HareCoordinator implements HandOverTaker {
    private final PipelineConfig config;
    private final List<EdSigner> signers;
    private final AtxReads atxs;
    private final MeshReads store;
    private final EdVerifier verifier;
    private final TreeMap<LayerId, HareSession> sessions = new TreeMap<>();
    private final Map<LayerId, Instant> layerStarts = new HashMap<>();
    private final TreeMap<LayerId, List<InitialSet.Candidate>> candidates = new TreeMap<>();
    private final Map<EpochId, Beacon> beacons = new HashMap<>();
    private final Map<EpochId, ActiveSet> activeSets = new HashMap<>();
    private final Set<NodeId> malicious = new HashSet<>();

    /** @param signers this node's identities taking part (each with its ATX of the epoch, or it stays silent) */
    public HareCoordinator(PipelineConfig config, List<EdSigner> signers, AtxReads atxs, MeshReads store) {
        this.config = Objects.requireNonNull(config, "config");
        this.signers = List.copyOf(signers);
        this.atxs = Objects.requireNonNull(atxs, "atxs");
        this.store = Objects.requireNonNull(store, "store");
        this.verifier = new EdVerifier(config.signingPrefix());
    }

    public void onBeacon(EpochId epoch, Beacon beacon) {
        beacons.put(epoch, beacon);
    }

    /** The hare active set of an epoch: its ATXs (each weighs its ATX weight, counted for its smesher). */
    public void onActiveSet(EpochId epoch, List<AtxId> set) {
        activeSets.put(epoch, ActiveSet.of(ActiveSetWeights.of(set, atxs).bySmesher()));
    }

    public void onMalicious(NodeId id) {
        malicious.add(id);
    }

    @Override
    public List<Decision> take(Decision d) {
        if (d instanceof Decision.MarkMalicious m) {
            onMalicious(m.id());
        } else if (d instanceof Decision.ProposalStored p) {
            onProposal(p.proposal());
        } else if (d instanceof Decision.BeaconDecided b) {
            onBeacon(b.epoch(), b.beacon());
        } else {
            throw HandOverTaker.notMine("hare", d);
        }
        return List.of();
    }

    /**
     * Layer start at {@code start}: a session for the layer when it can run, its preround timer, old ones dropped. A
     * layer whose output is stored already (a node restarted within it) gets none.
     */
    public List<Decision> onLayer(LayerId layer, Instant start) {
        LayerId horizon = layer.value() > config.keepLayers() ? layer.sub(config.keepLayers()) : LayerId.of(0);
        sessions.headMap(horizon, false).clear();
        candidates.headMap(horizon, false).clear();
        layerStarts.keySet().removeIf(l -> l.compareTo(horizon) < 0);
        layerStarts.put(layer, start);
        if (sessions.containsKey(layer) || store.hareOutput(layer).isPresent()
                || layer.compareTo(config.effectiveGenesis()) <= 0
                || layer.compareTo(config.hareEnable()) < 0 || layer.compareTo(config.hareDisable()) >= 0) {
            return List.of();
        }
        Beacon beacon = beacons.get(config.epochOf(layer));
        ActiveSet set = config.hareEpoch(layer).map(activeSets::get).orElse(null);
        if (beacon == null || set == null) {
            return List.of(new Decision.Log("hare: no session for layer " + layer.value() + " (beacon "
                    + (beacon != null) + ", active set " + (set != null) + ")"));
        }
        HareSession session = new HareSession(config.hare(), layer, new HareOracle(beacon, set), verifier, signers,
                malicious::contains);
        sessions.put(layer, session);
        if (!candidates.containsKey(layer)) {
            candidates.put(layer, new ArrayList<>());
            store.proposalsIn(layer).forEach(p -> candidate(p).ifPresent(candidates.get(layer)::add));
        }
        return List.of(schedule(session));
    }

    /** A stored proposal: a candidate for its layer's initial set if it came before the preround. */
    public void onProposal(Proposal p) {
        LayerId layer = p.ballot().inner().layer();
        HareSession session = sessions.get(layer);
        if (session != null && !session.current().equals(io.smnode.hare.IterRound.of(0, io.smnode.hare.Round.PREROUND))) {
            return; // the preround has run: spec 04 §8 ignores later proposals for the initial set
        }
        candidate(p).ifPresent(c -> candidates.computeIfAbsent(layer, l -> new ArrayList<>()).add(c));
    }

    /** The layer's round timer: execute the round, publish, store the coin and the result, schedule the next. */
    public List<Decision> onRoundTimer(LayerId layer) {
        HareSession session = sessions.get(layer);
        if (session == null || session.finished()) {
            return List.of();
        }
        List<Decision> out = new ArrayList<>();
        if (session.current().equals(io.smnode.hare.IterRound.of(0, io.smnode.hare.Round.PREROUND))
                && session.activeInPreround()) {
            session.onInitial(initialSet(layer));
        }
        RoundOutcome round = session.next();
        for (HareMessage m : round.messages()) {
            out.add(new Decision.Publish(Topic.HARE, Bytes.wrap(HareCodecs.encodeMessage(m))));
        }
        round.coin().ifPresent(c -> {
            out.add(new Decision.Persist(new MeshRecord.WeakCoinRecord(layer, c)));
            out.add(new Decision.WeakCoin(layer, c));
        });
        round.result().ifPresent(r -> out.add(new Decision.HareOutput(layer, r)));
        if (session.finished()) {
            if (round.result().isEmpty() && !round.terminated()) {
                out.add(new Decision.Log("hare: layer " + layer.value() + " ended without agreement"));
            }
        } else {
            out.add(schedule(session));
        }
        return out;
    }

    /** A hare message from gossip: its session's verdict, and a proof when it revealed an equivocation. */
    public Handled onMessage(Bytes bytes) {
        HareMessage message;
        try {
            message = HareCodecs.decodeMessage(bytes.toByteArray());
        } catch (InvalidHareMessageException e) {
            return new Handled(Verdict.reject(HareRule.MALFORMED, e.getMessage()), List.of());
        }
        HareSession session = sessions.get(message.body().layer());
        if (session == null || session.finished()) {
            return new Handled(Verdict.ignore(HareRule.NO_SESSION, "layer " + message.body().layer()), List.of());
        }
        MessageOutcome outcome = session.onMessage(message);
        List<Decision> out = outcome.equivocation()
                .map(e -> List.<Decision>of(new Decision.ProofFound(Bytes.wrap(e.malfeasanceProofBytes()))))
                .orElse(List.of());
        return new Handled(outcome.verdict(), out);
    }

    public Optional<HareSession> session(LayerId layer) {
        return Optional.ofNullable(sessions.get(layer));
    }

    private Decision schedule(HareSession session) {
        Instant at = layerStarts.get(session.layer()).plus(config.hareTiming().roundStart(session.current()));
        return new Decision.Schedule(new Timer.HareRound(session.layer()), at);
    }

    /** Spec 04 §8: the stored proposals by this node's identities' ATX heights, beacon and malicious smeshers. */
    private List<ProposalId> initialSet(LayerId layer) {
        EpochId epoch = config.epochOf(layer);
        List<Long> ownHeights = new ArrayList<>();
        for (EdSigner s : signers) {
            atxs.atxOf(s.nodeId(), epoch).ifPresent(a -> ownHeights.add(a.height()));
        }
        return InitialSet.select(candidates.getOrDefault(layer, List.of()), ownHeights,
                id -> atxs.atx(id).map(a -> OptionalLong.of(a.baseHeight())).orElse(OptionalLong.empty()),
                malicious::contains, beacons.get(epoch));
    }

    private Optional<InitialSet.Candidate> candidate(Proposal p) {
        Ballot ballot = p.ballot();
        Optional<Beacon> beacon = ballot.inner().epochData().map(e -> e.beacon())
                .or(() -> store.ballot(ballot.inner().refBallot()).flatMap(r -> r.inner().epochData())
                        .map(e -> e.beacon()));
        return beacon.map(b -> new InitialSet.Candidate(p.id(), ballot.smesherId(), ballot.inner().atxId(),
                malicious.contains(ballot.smesherId()), b));
    }
}
