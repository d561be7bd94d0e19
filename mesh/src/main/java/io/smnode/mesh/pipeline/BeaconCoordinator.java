package io.smnode.mesh.pipeline;

import io.smnode.beacon.BallotBeacons;
import io.smnode.beacon.BeaconMessage;
import io.smnode.beacon.BeaconProtocol;
import io.smnode.beacon.BeaconRule;
import io.smnode.beacon.EpochMiners;
import io.smnode.beacon.ProposalMessage;
import io.smnode.core.codec.ScaleException;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.signing.EdVerifier;
import io.smnode.core.types.Beacon;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.NodeId;
import io.smnode.core.verdict.CommonRule;
import io.smnode.core.verdict.Verdict;
import io.smnode.mesh.proposal.Ballot;
import io.smnode.mesh.proposal.EpochData;
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
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The beacon of each epoch (the BeaconActor's core, spec 03 §1): the first epoch after genesis takes the genesis
 * beacon (standalone and tests; a network's bootstrap gives it through {@link #onBootstrap}); where the protocol is
 * on ({@code RoundsNumber > 0}) each epoch e runs it from its first layer to produce beacon(e+1), with its messages
 * gossiped and its phase changes on timers; an epoch still without a beacon takes the one its valid ballots carry
 * ({@link BallotBeacons}).
 */
public final class BeaconCoordinator implements HandOverTaker {
    private final PipelineConfig config;
    private final List<EdSigner> signers;
    private final Set<NodeId> ownIds;
    private final AtxReads atxs;
    private final MeshReads store;
    private final Function<EpochId, EpochMiners> miners;
    private final Function<LayerId, Instant> layerTime;
    private final Optional<Beacon> genesisBeacon;
    private final EdVerifier verifier;
    private final Map<EpochId, Beacon> beacons = new HashMap<>();
    private final TreeMap<EpochId, BeaconProtocol> protocols = new TreeMap<>();
    private final Map<EpochId, BallotBeacons> fromBallots = new HashMap<>();
    /** Epochs whose protocol this coordinator started (once each). */
    private final Set<EpochId> started = new HashSet<>();

    /**
     * @param miners the ATXs targeting an epoch as the protocol reads them (weights, receipt times)
     * @param layerTime the start of a layer on the network's clock
     * @param genesisBeacon the beacon of the first epoch after genesis when the node sets it itself (standalone)
     */
    public BeaconCoordinator(PipelineConfig config, List<EdSigner> signers, AtxReads atxs, MeshReads store,
            Function<EpochId, EpochMiners> miners, Function<LayerId, Instant> layerTime,
            Optional<Beacon> genesisBeacon) {
        this.config = Objects.requireNonNull(config, "config");
        this.signers = List.copyOf(signers);
        this.ownIds = this.signers.stream().map(EdSigner::nodeId).collect(Collectors.toUnmodifiableSet());
        this.atxs = Objects.requireNonNull(atxs, "atxs");
        this.store = Objects.requireNonNull(store, "store");
        this.miners = Objects.requireNonNull(miners, "miners");
        this.layerTime = Objects.requireNonNull(layerTime, "layerTime");
        this.genesisBeacon = Objects.requireNonNull(genesisBeacon, "genesisBeacon");
        this.verifier = new EdVerifier(config.signingPrefix());
    }

    public Optional<Beacon> beacon(EpochId epoch) {
        return Optional.ofNullable(beacons.get(epoch)).or(() -> store.beacon(epoch));
    }

    /**
     * Layer start: at an epoch's first layer, the genesis beacon if due, and the epoch's protocol run. A node that
     * starts (or restarts) later in an epoch whose next beacon it lacks runs the protocol from the epoch's start,
     * catching up on the phases it missed, only when its own identities are the epoch's only miners: alone it reaches
     * the beacon it would have. With other miners it would reach one without their messages, another than theirs;
     * it sits the epoch out instead, as the reference's node (which runs the protocol only from an epoch's first
     * layer), and takes beacon(e+1) from the ballots of e+1.
     */
    public List<Decision> onLayer(LayerId layer) {
        return onLayer(layer, true);
    }

    /**
     * Layer start on a node that is {@code synced} with its network or not: a node not synced when an epoch with other
     * miners begins sits its protocol out (the reference's runs it only when synced: its own messages would not go
     * out, and a beacon counting them would be its own) and takes the next beacon from ballots.
     */
    public List<Decision> onLayer(LayerId layer, boolean synced) {
        EpochId epoch = config.epochOf(layer);
        List<Decision> out = new ArrayList<>();
        EpochId first = config.epochOf(config.effectiveGenesis().add(1));
        // Known from genesis on: decided at the first layer start, so the first epoch's ballots can be prepared.
        if (epoch.compareTo(first) <= 0 && genesisBeacon.isPresent()) {
            out.addAll(decide(first, genesisBeacon.get()));
        }
        if (layer.compareTo(config.effectiveGenesis()) <= 0) {
            return out;
        }
        protocols.headMap(epoch, false).clear();
        if (config.beacon().roundsNumber() > 0 && beacon(epoch.next()).isEmpty() && started.add(epoch)) {
            boolean late = !layer.equals(epoch.firstLayer(config.layersPerEpoch()));
            if ((late || !synced) && !aloneIn(epoch)) {
                protocols.remove(epoch);
                out.add(new Decision.Log("beacon: epoch " + epoch.value() + (late ? " began before this node ran (layer "
                        + layer.value() + ")" : " began while this node was not synced") + ": beacon("
                        + epoch.next().value() + ") will come from its ballots"));
                return out;
            }
            BeaconProtocol p = protocol(epoch);
            Instant start = layerTime.apply(epoch.firstLayer(config.layersPerEpoch()));
            p.start(start).forEach(m -> out.add(publish(m)));
            Instant now = layerTime.apply(layer);
            if (now.isAfter(start)) {
                p.tick(now).forEach(m -> out.add(publish(m)));
            }
            out.addAll(afterStep(p));
        }
        return out;
    }

    /** Whether this node's identities are the only miners of the epoch (a lone node, or none at all). */
    private boolean aloneIn(EpochId epoch) {
        return miners.apply(epoch).all().stream().allMatch(m -> ownIds.contains(m.id()));
    }

    /** The epoch's phase change is due. */
    public List<Decision> onTimer(EpochId epoch, Instant now) {
        BeaconProtocol p = protocols.get(epoch);
        if (p == null) {
            return List.of();
        }
        List<Decision> out = new ArrayList<>();
        p.tick(now).forEach(m -> out.add(publish(m)));
        out.addAll(afterStep(p));
        return out;
    }

    /** A beacon message from gossip, received at {@code received}: the protocol of its epoch judges it. */
    public Handled onMessage(Topic topic, Bytes bytes, Instant received) {
        Verdict last = Verdict.ignore(BeaconRule.NOT_RUNNING, "no beacon protocol runs");
        for (BeaconProtocol p : List.copyOf(protocols.values())) {
            Verdict v = route(p, topic, bytes, received);
            if (v.ruleOrNull() != BeaconRule.WRONG_EPOCH) {
                return new Handled(v, List.of());
            }
            last = v;
        }
        // A proposal for an epoch whose protocol this node has not started yet (the next epoch's, from
        // S(e+1) − grace on, or the current one's when a peer's first layer came before ours): its state starts with
        // the first of them, as the reference's does (its weights are read then). Dropping it instead left this node
        // without a proposal every peer had, and so with another beacon, whenever the previous epoch's protocol had
        // already ended.
        if (topic == Topic.BEACON_PROPOSAL && config.beacon().roundsNumber() > 0) {
            Optional<EpochId> early = notStartedYet(bytes, received);
            if (early.isPresent()) {
                return new Handled(route(protocol(early.get()), topic, bytes, received), List.of());
            }
        }
        return new Handled(last, List.of());
    }

    /**
     * The epoch of a proposal received within [S(e) − grace, S(e+1)) whose protocol is not running here yet and was
     * never started (a finished one is not made again), while its beacon is still to come; empty otherwise (a
     * malformed proposal too: the running protocols judged it).
     */
    private Optional<EpochId> notStartedYet(Bytes bytes, Instant received) {
        EpochId epoch;
        try {
            epoch = ProposalMessage.decode(bytes.toByteArray()).epoch();
        } catch (ScaleException e) {
            return Optional.empty();
        }
        if (protocols.containsKey(epoch) || started.contains(epoch) || beacon(epoch.next()).isPresent()) {
            return Optional.empty();
        }
        Instant start = layerTime.apply(epoch.firstLayer(config.layersPerEpoch()));
        Instant end = layerTime.apply(epoch.next().firstLayer(config.layersPerEpoch()));
        boolean timely = received.isAfter(start.minus(config.beacon().gracePeriod())) && received.isBefore(end);
        return timely ? Optional.of(epoch) : Optional.empty();
    }

    private static Verdict route(BeaconProtocol p, Topic topic, Bytes bytes, Instant received) {
        byte[] b = bytes.toByteArray();
        return switch (topic) {
            case BEACON_PROPOSAL -> p.onProposal(b, received);
            case BEACON_FIRST_VOTES -> p.onFirstVotes(b, received);
            case BEACON_FOLLOWING_VOTES -> p.onFollowingVotes(b, received);
            case BEACON_WEAK_COIN -> p.onWeakCoin(b, received);
            default -> Verdict.reject(CommonRule.MALFORMED, "not a beacon topic: " + topic);
        };
    }

    @Override
    public List<Decision> take(Decision d) {
        if (d instanceof Decision.BallotStored b) {
            return onBallot(b.ballot());
        }
        throw HandOverTaker.notMine("the beacon", d);
    }

    /** A stored ballot: while its epoch has no beacon, it votes for the one it carries (fallback (a)). */
    public List<Decision> onBallot(Ballot ballot) {
        EpochId epoch = config.epochOf(ballot.inner().layer());
        if (beacon(epoch).isPresent()) {
            return List.of();
        }
        Optional<EpochData> data = ballot.inner().epochData()
                .or(() -> store.ballot(ballot.inner().refBallot()).flatMap(r -> r.inner().epochData()));
        Optional<AtxReads.Atx> atx = atxs.atx(ballot.inner().atxId());
        if (data.isEmpty() || atx.isEmpty() || data.get().eligibilityCount() == 0) {
            return List.of();
        }
        BallotBeacons votes = fromBallots.computeIfAbsent(epoch,
                e -> new BallotBeacons(config.beacon().syncWeightUnits()));
        Optional<Beacon> decided = votes.report(ballot.id(), data.get().beacon(), atx.get().weight(),
                data.get().eligibilityCount(), ballot.eligibilityProofs().size());
        return decided.map(b -> decide(epoch, b)).orElse(List.of());
    }

    /** A beacon from the network's bootstrap data (or the simulator's world). */
    public List<Decision> onBootstrap(EpochId epoch, Beacon beacon) {
        return decide(epoch, beacon);
    }

    private List<Decision> decide(EpochId epoch, Beacon beacon) {
        if (beacon(epoch).isPresent()) {
            beacons.putIfAbsent(epoch, beacon(epoch).get());
            return List.of();
        }
        beacons.put(epoch, beacon);
        fromBallots.remove(epoch);
        return List.of(new Decision.Persist(new MeshRecord.BeaconRecord(epoch, beacon)),
                new Decision.BeaconDecided(epoch, beacon));
    }

    private List<Decision> afterStep(BeaconProtocol p) {
        if (p.isFinished()) {
            protocols.remove(p.epoch());
            if (p.beacon().isPresent()) {
                List<Decision> out = new ArrayList<>();
                out.add(new Decision.Log("beacon: epoch " + p.epoch().value() + " gave beacon " + p.beacon().get().hex()
                        + " for epoch " + p.epoch().next().value() + " (" + p.summary() + ")"));
                out.addAll(decide(p.epoch().next(), p.beacon().get()));
                return out;
            }
            return List.of(new Decision.Log("beacon: epoch " + p.epoch().value() + " ended without a beacon: "
                    + p.failure().map(Enum::name).orElse("?") + " (" + p.summary() + ")"));
        }
        return p.nextTickAt().map(at -> List.<Decision>of(new Decision.Schedule(new Timer.BeaconStep(p.epoch()), at)))
                .orElse(List.of());
    }

    private BeaconProtocol protocol(EpochId epoch) {
        return protocols.computeIfAbsent(epoch, e -> new BeaconProtocol(config.beacon(), e,
                layerTime.apply(e.firstLayer(config.layersPerEpoch())), miners.apply(e), signers, verifier));
    }

    private static Decision publish(BeaconMessage m) {
        return new Decision.Publish(Topic.of(m.topic()), Bytes.wrap(m.encode()));
    }
}
