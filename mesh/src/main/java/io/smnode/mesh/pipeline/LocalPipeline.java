package io.smnode.mesh.pipeline;

import io.smnode.beacon.EpochMiners;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Beacon;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.NodeId;
import io.smnode.core.types.ProposalId;
import io.smnode.core.verdict.CommonRule;
import io.smnode.core.verdict.Rule;
import io.smnode.core.verdict.Verdict;
import io.smnode.mesh.block.Certificate;
import io.smnode.mesh.block.MeshState;
import io.smnode.mesh.store.MeshReads;
import io.smnode.mesh.store.MeshRecord;
import io.smnode.tortoise.EncodeResult;
import io.smnode.tortoise.Tortoise;
import io.smnode.vm.Vm;
import io.smnode.vm.state.Account;
import io.smnode.vm.state.Ledger;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * One node's whole layer pipeline in one thread: every coordinator, and the routing of each {@link Decision} to
 * the coordinator that takes it (in a node, the message from one actor to another). The simulator drives one per
 * node; the node's actors split the same routing between them. The outside world (network, timers, storage, log) is
 * the {@link Outside} port. Deterministic: the same inputs in the same order give the same decisions.
 *
 * <p>{@link #fresh} starts a node at genesis; {@link #restore} rebuilds one from what it stored (the tortoise
 * replayed from stored ATXs, beacons, ballots in arrival order, blocks, hare outputs and weak coins; the mesh
 * and ledger from the stored layers, accounts and undo records), so it continues as if it had not stopped.
 */
public final class LocalPipeline {
    /** What a node's pipeline asks of the world around it. */
    public interface Outside {
        /** Send to peers (this pipeline has already handled its own copy). */
        void publish(Topic topic, Bytes bytes);

        /** Ask peers for an object; deliver the answer through {@link #onFetched}. */
        void fetch(Hint hint, Bytes id);

        /** Call {@link #onTimer} with {@code timer} at {@code at}. */
        void schedule(Timer timer, Instant at);

        /** Store the record now; later reads of {@link MeshReads} see it. */
        void persist(MeshRecord record);

        void log(String line);
    }

    /** What the pipeline needs besides its config, identities and store. */
    public record Wiring(AtxReads atxs, TxLookup txs, Function<EpochId, EpochMiners> miners,
            Function<LayerId, Instant> layerTime, Optional<Beacon> genesisBeacon) {
        public Wiring {
            Objects.requireNonNull(atxs, "atxs");
            Objects.requireNonNull(txs, "txs");
            Objects.requireNonNull(miners, "miners");
            Objects.requireNonNull(layerTime, "layerTime");
            Objects.requireNonNull(genesisBeacon, "genesisBeacon");
        }
    }

    private final PipelineConfig config;
    private final MeshReads store;
    private final Outside outside;
    private final Wiring wiring;
    private final TortoiseCoordinator tortoise;
    private final ProposalIntake intake;
    private final HareCoordinator hare;
    private final BlockCoordinator blocks;
    private final MeshCoordinator mesh;
    private final ProposalBuilder builder;
    private final BeaconCoordinator beacon;
    private final MalfeasanceCoordinator malfeasance;
    private final SeenSet seen;
    private final ArrayDeque<Decision> queue = new ArrayDeque<>();
    private final Map<LayerId, List<ProposalId>> hareResults = new TreeMap<>();
    private final Map<Rule, Integer> refusedBallots = new LinkedHashMap<>();
    private LayerId current;
    private int ballotsMissed;

    private LocalPipeline(PipelineConfig config, List<EdSigner> signers, MeshReads store, Outside outside,
            Wiring wiring, TortoiseCoordinator tortoise, MeshState meshState, long nextArrival, Set<NodeId> malicious,
            LayerId current) {
        this.config = config;
        this.store = store;
        this.outside = outside;
        this.wiring = wiring;
        this.tortoise = tortoise;
        this.intake = new ProposalIntake(config, new ProposalChecks(config, wiring.atxs(), store), store, nextArrival);
        this.hare = new HareCoordinator(config, signers, wiring.atxs(), store);
        this.blocks = new BlockCoordinator(config, signers, wiring.atxs(), store, wiring.txs());
        this.mesh = new MeshCoordinator(config, meshState, store);
        this.builder = new ProposalBuilder(config, signers, wiring.atxs(), store);
        this.beacon = new BeaconCoordinator(config, signers, wiring.atxs(), store, wiring.miners(), wiring.layerTime(),
                wiring.genesisBeacon());
        this.malfeasance = new MalfeasanceCoordinator(config, malicious);
        this.seen = new SeenSet(config.keepLayers());
        this.current = current;
        this.intake.onLayer(current);
        this.malfeasance.onLayer(current);
        malicious.forEach(hare::onMalicious);
    }

    /** A node at genesis: the genesis accounts applied and stored. */
    public static LocalPipeline fresh(PipelineConfig config, List<EdSigner> signers, MeshReads store, Outside outside,
            Wiring wiring, List<Account> genesis) {
        Ledger ledger = new Ledger();
        ledger.applyGenesis(genesis);
        outside.persist(new MeshRecord.GenesisRecord(genesis));
        MeshState state = new MeshState(new Vm(config.vm()), ledger, MeshCoordinator.sources(store, wiring.atxs()),
                config.effectiveGenesis());
        return new LocalPipeline(config, signers, store, outside, wiring,
                new TortoiseCoordinator(config, new Tortoise(config.tortoise()), 0), state, 0, Set.of(),
                config.effectiveGenesis());
    }

    /**
     * A node rebuilt from its store after a stop (or a crash): it resumes with the next {@link #onLayer}, and the
     * outside supplies ATXs and active sets as for a fresh node.
     */
    public static LocalPipeline restore(PipelineConfig config, List<EdSigner> signers, MeshReads store,
            Outside outside, Wiring wiring) {
        LayerId genesis = config.effectiveGenesis();
        LayerId last = store.lastLayerWithData().orElse(genesis);
        Set<NodeId> malicious = new HashSet<>();
        store.malfeasance().forEach(m -> malicious.add(m.offender()));
        TortoiseCoordinator tortoise = TortoiseCoordinator.rebuild(config, store, wiring.atxs());
        MeshState state = MeshCoordinator.rebuiltState(config, store, MeshCoordinator.sources(store, wiring.atxs()));
        long nextArrival = Math.max(tortoise.nextArrival(),
                store.lastArrival(last.value() > config.keepLayers() ? last.sub(config.keepLayers()) : genesis) + 1);
        LocalPipeline p = new LocalPipeline(config, signers, store, outside, wiring, tortoise, state, nextArrival,
                malicious, last);
        for (long e = genesis.add(1).epoch(config.layersPerEpoch()).value();
                e <= last.add(1).epoch(config.layersPerEpoch()).value() + 1; e++) {
            EpochId epoch = EpochId.of(e);
            store.beacon(epoch).ifPresent(b -> p.route(new Decision.BeaconDecided(epoch, b)));
        }
        p.drain();
        return p;
    }

    // ---- events from outside ---------------------------------------------------------------------------------------

    /** An ATX targeting its epoch became known (before the epoch's first layer, or later from sync). */
    public void onAtx(AtxReads.Atx atx) {
        tortoise.onAtx(atx);
        resubmit(intake.onStored(Bytes.of(atx.id().toByteArray())));
        drain();
    }

    /** The epoch's active set: the one this node's reference ballots declare and hare's (stored if new). */
    public void onActiveSet(EpochId epoch, List<AtxId> set) {
        MeshRecord.ActiveSetRecord record = new MeshRecord.ActiveSetRecord(epoch, set);
        if (store.activeSet(record.id()).isEmpty()) {
            queue.add(new Decision.Persist(record));
            drain();
        }
        builder.onActiveSet(epoch, set);
        hare.onActiveSet(epoch, set);
        blocks.onActiveSet(epoch, set);
        resubmit(intake.onStored(Bytes.of(record.id().toByteArray())));
        drain();
    }

    /** A beacon from bootstrap data (or the simulator's world). */
    public void onBeacon(EpochId epoch, Beacon b) {
        queue.addAll(beacon.onBootstrap(epoch, b));
        drain();
    }

    /** Layer start: beacon, tortoise tally and mesh, certificates, hare session, this node's ballots. */
    public void onLayer(LayerId layer, Instant start) {
        current = layer;
        intake.onLayer(layer);
        malfeasance.onLayer(layer);
        seen.expire(layer);
        hareResults.keySet().removeIf(l -> l.value() + config.keepLayers() < layer.value());
        queue.addAll(beacon.onLayer(layer));
        drain();
        queue.addAll(tortoise.onLayer(layer));
        drain();
        blocks.onLayer(layer);
        queue.addAll(hare.onLayer(layer, start));
        drain();
        build(layer);
        drain();
    }

    /** A gossip message (each node's gossip layer dedups by message id first); the verdict goes to the sender. */
    public Verdict onGossip(Topic topic, Bytes bytes, Instant received) {
        if (!seen.firstTime(topic, bytes, current)) {
            return Verdict.ignore(CommonRule.DUPLICATE, topic.wireName());
        }
        Verdict v = handle(topic, bytes, received);
        drain();
        return v;
    }

    /** An object that arrived for a {@link Outside#fetch}. */
    public void onFetched(Hint hint, Bytes bytes) {
        switch (hint) {
            case BALLOT -> ballotStep(intake.onBallot(bytes));
            case PROPOSAL -> ballotStep(intake.onProposal(bytes, false));
            case BLOCK -> queue.addAll(blocks.onBlock(bytes, Optional.empty()).decisions());
            case TX -> queue.addAll(FetchedTx.store(bytes, store));
            default -> queue.add(new Decision.Log("pipeline: fetched " + hint + " is handled outside"));
        }
        drain();
    }

    /** Marks gossip as seen without handling it (a message this node sends that its pipeline did not make). */
    public void markSeen(Topic topic, Bytes bytes) {
        seen.firstTime(topic, bytes, current);
    }

    /** A timer asked for earlier fired at {@code now}. */
    public void onTimer(Timer timer, Instant now) {
        if (timer instanceof Timer.HareRound h) {
            queue.addAll(hare.onRoundTimer(h.layer()));
        } else if (timer instanceof Timer.BeaconStep b) {
            queue.addAll(beacon.onTimer(b.epoch(), now));
        }
        drain();
    }

    /** A certificate from sync ({@code lp/2}). */
    public Verdict onCertificate(LayerId layer, Certificate certificate) {
        Handled h = blocks.onCertificate(layer, certificate);
        queue.addAll(h.decisions());
        drain();
        return h.verdict();
    }

    // ---- what the node looks like --------------------------------------------------------------------------------

    public LayerId current() {
        return current;
    }

    public TortoiseCoordinator tortoise() {
        return tortoise;
    }

    public MeshCoordinator mesh() {
        return mesh;
    }

    public HareCoordinator hare() {
        return hare;
    }

    public MalfeasanceCoordinator malfeasance() {
        return malfeasance;
    }

    /**
     * Hare's result for a recent layer (none: no session, or it ended without agreement); the stored output when
     * the session ran before a restart.
     */
    public Optional<List<ProposalId>> hareResult(LayerId layer) {
        return Optional.ofNullable(hareResults.get(layer))
                .or(() -> store.hareOutput(layer).map(MeshRecord.HareOutputRecord::proposals));
    }

    /** Ballots the tortoise refused, by rule (those waiting for a base ballot are not refused). */
    public Map<Rule, Integer> refusedBallots() {
        return Map.copyOf(refusedBallots);
    }

    /** Layers in which this node was eligible but could not encode votes and made no ballot. */
    public int ballotsMissed() {
        return ballotsMissed;
    }

    // ---- routing -------------------------------------------------------------------------------------------------

    private Verdict handle(Topic topic, Bytes bytes, Instant received) {
        switch (topic) {
            case PROPOSAL -> {
                return ballotStep(intake.onProposal(bytes, true));
            }
            case HARE -> {
                Handled h = hare.onMessage(bytes);
                queue.addAll(h.decisions());
                return h.verdict();
            }
            case CERTIFY -> {
                Handled h = blocks.onCertifyMessage(bytes);
                queue.addAll(h.decisions());
                return h.verdict();
            }
            case MALFEASANCE -> {
                Handled h = malfeasance.onGossip(bytes);
                queue.addAll(h.decisions());
                return h.verdict();
            }
            case BEACON_PROPOSAL, BEACON_FIRST_VOTES, BEACON_FOLLOWING_VOTES, BEACON_WEAK_COIN -> {
                Handled h = beacon.onMessage(topic, bytes, received);
                queue.addAll(h.decisions());
                return h.verdict();
            }
            default -> {
                return Verdict.ignore(CommonRule.NOT_NOW, "no intake for " + topic.wireName() + " here");
            }
        }
    }

    /** Carries an intake step through the tortoise when it gets there. */
    private Verdict ballotStep(ProposalIntake.Step step) {
        if (step instanceof ProposalIntake.Step.Done d) {
            queue.addAll(d.decisions());
            return d.verdict();
        }
        ProposalIntake.Step.ToTortoise t = (ProposalIntake.Step.ToTortoise) step;
        BallotOutcome outcome = tortoise.onBallot(t.ballot());
        if (outcome.status() == BallotOutcome.Status.REFUSED && outcome.verdict().ruleOrNull() != ProposalRule.KNOWN) {
            refusedBallots.merge(outcome.verdict().ruleOrNull(), 1, Integer::sum);
        }
        ProposalIntake.Step.Done done = intake.complete(t, outcome);
        queue.addAll(done.decisions());
        return done.verdict();
    }

    private void resubmit(List<ProposalIntake.Parked> parked) {
        for (ProposalIntake.Parked p : parked) {
            ballotStep(intake.resubmit(p));
        }
    }

    private void drain() {
        while (!queue.isEmpty()) {
            route(queue.poll());
        }
    }

    private void route(Decision d) {
        if (d instanceof Decision.Publish p) {
            seen.firstTime(p.topic(), p.bytes(), current);
            if (p.topic() != Topic.HARE) {
                handle(p.topic(), p.bytes(), wiring.layerTime().apply(current)); // pubsub delivers to itself
            }
            outside.publish(p.topic(), p.bytes());
        } else if (d instanceof Decision.Persist p) {
            outside.persist(p.record());
        } else if (d instanceof Decision.Schedule s) {
            outside.schedule(s.timer(), s.at());
        } else if (d instanceof Decision.Fetch f) {
            outside.fetch(f.hint(), f.id());
        } else if (d instanceof Decision.Log l) {
            outside.log(l.line());
        } else {
            if (d instanceof Decision.HareOutput h) {
                hareResults.put(h.layer(), h.proposals());
            }
            for (Recipient r : DecisionRouter.recipients(d)) {
                if (r == Recipient.INTAKE) {
                    resubmit(intake.take(d));
                } else {
                    queue.addAll(taker(r).take(d));
                }
            }
        }
    }

    /** The coordinator a hand-over for {@code r} goes to (all but the intake, whose parked inputs come back). */
    HandOverTaker taker(Recipient r) {
        return switch (r) {
            case TORTOISE -> tortoise;
            case HARE -> hare;
            case BLOCKS -> blocks;
            case MESH -> mesh;
            case BUILDER -> builder;
            case BEACON -> beacon;
            case MALFEASANCE -> malfeasance;
            case INTAKE -> throw new IllegalArgumentException("the intake resubmits what it takes");
        };
    }

    /** This node's ballots and proposals for the layer, with votes from the tortoise and the mesh's hash. */
    private void build(LayerId layer) {
        List<ProposalBuilder.Eligible> eligible = builder.eligible(layer);
        if (eligible.isEmpty()) {
            return;
        }
        EncodeResult votes = tortoise.encodeVotes(layer);
        if (!(votes instanceof EncodeResult.Encoded encoded)) {
            ballotsMissed++;
            queue.add(new Decision.Log("builder: no votes for layer " + layer.value() + ": "
                    + ((EncodeResult.Failed) votes).rejection()));
            return;
        }
        queue.addAll(builder.build(layer, eligible, encoded.opinion(),
                builder.meshHash(layer, tortoise.verified(), mesh.meshHash(layer.sub(1))), List.of()));
    }
}
