package io.smnode.sim;

import io.smnode.core.codec.Scale;
import io.smnode.core.codec.ScaleException;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.types.BallotId;
import io.smnode.core.types.BlockId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.NodeId;
import io.smnode.core.types.ProposalId;
import io.smnode.core.types.TxId;
import io.smnode.core.verdict.Rule;
import io.smnode.core.verdict.Verdict;
import io.smnode.hare.Body;
import io.smnode.hare.HareCodecs;
import io.smnode.hare.HareEquivocation;
import io.smnode.hare.HareMessage;
import io.smnode.hare.InvalidHareMessageException;
import io.smnode.hare.Value;
import io.smnode.mesh.block.AppliedLayer;
import io.smnode.mesh.block.Block;
import io.smnode.mesh.malfeasance.MalfeasanceProofs;
import io.smnode.mesh.pipeline.FetchedTx;
import io.smnode.mesh.pipeline.Hint;
import io.smnode.mesh.pipeline.LocalPipeline;
import io.smnode.mesh.pipeline.Timer;
import io.smnode.mesh.pipeline.Topic;
import io.smnode.mesh.proposal.Ballot;
import io.smnode.mesh.proposal.Proposal;
import io.smnode.mesh.store.MeshRecord;
import io.smnode.mesh.store.MeshStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One simulated node: a real Ed25519/VRF identity driving the node's {@link LocalPipeline} (the coordinators every
 * smnode node runs) over the simulated network, clock and a store of its own. Its {@link Behaviour} only changes
 * what it sends. It can be restarted from its store at a layer start, as a node after a crash.
 */
public final class SimNode {
    private final int index;
    private final SimWorld world;
    private final EdSigner signer;
    private final Behaviour behaviour;
    private final EventQueue clock;
    private final SimNetwork network;
    private final MeshStore store;
    private final LocalPipeline.Wiring wiring;
    private final LocalPipeline.Outside outside = new Outside();
    private LocalPipeline pipeline;
    /** What a withholder held back, released once it stops withholding. */
    private final List<Payload> withheld = new ArrayList<>();
    private final Set<String> fetching = new HashSet<>();
    private final Map<Long, ProposalId> ownProposals = new TreeMap<>();
    private final Set<Long> learnedEpochs = new HashSet<>();
    /** Archive entries (by position) this node has yet to hold, and how far it has looked. */
    private final List<Integer> unsynced = new ArrayList<>();
    private int archiveSeen;
    private final List<String> log = new ArrayList<>();

    SimNode(int index, SimWorld world, EventQueue clock, SimNetwork network, MeshStore store) {
        this.index = index;
        this.world = world;
        this.signer = world.signers.get(index);
        this.behaviour = world.config.behaviours().get(index);
        this.clock = clock;
        this.network = network;
        this.store = store;
        this.wiring = new LocalPipeline.Wiring(world, id -> Optional.empty(), epoch -> {
            throw new IllegalStateException("the simulator runs no beacon protocol");
        }, world::layerTime, Optional.empty());
        this.pipeline = LocalPipeline.fresh(world.config.pipeline(), List.of(signer), store, outside, wiring, List.of());
    }

    public int index() {
        return index;
    }

    public NodeId id() {
        return signer.nodeId();
    }

    public Behaviour behaviour() {
        return behaviour;
    }

    public MeshStore store() {
        return store;
    }

    /** The hare equivocations this node holds proof of, by offender. */
    public Map<NodeId, HareEquivocation> evidence() {
        Map<NodeId, HareEquivocation> out = new LinkedHashMap<>();
        for (MeshRecord.MalfeasanceRecord m : store.malfeasance()) {
            MalfeasanceProofs.asHare(m.proof()).ifPresent(h -> out.put(m.offender(), h));
        }
        return out;
    }

    /** Ballots this node's tortoise refused, by rule (ballots waiting for their base that later resolved are not). */
    public Map<Rule, Integer> rejections() {
        return pipeline.refusedBallots();
    }

    /** Layers in which this node could not encode votes and cast no ballot. */
    public int ballotsMissed() {
        return pipeline.ballotsMissed();
    }

    /** The proposals this node made, by layer. */
    public Map<Long, ProposalId> proposals() {
        return Map.copyOf(ownProposals);
    }

    /** The operator log of this node's pipeline. */
    public List<String> log() {
        return List.copyOf(log);
    }

    // ---- layer clock -------------------------------------------------------------------------------------------

    /**
     * Layer start: learn the epoch's ATXs, active set and beacon, release what was withheld, sync what peers can
     * give, then the pipeline's layer start (tally, mesh, hare session, ballot and proposal); reports the layer
     * before.
     */
    NodeLayerResult onLayerStart(LayerId layer) {
        long l = layer.value();
        long epoch = world.epochOf(l);
        learnEpoch(epoch);
        if (acting() != Behaviour.WITHHOLD && !withheld.isEmpty()) {
            withheld.forEach(p -> network.publish(index, p));
            withheld.clear();
        }
        sync(layer);
        pipeline.onLayer(layer, world.layerTime(layer));
        LayerId previous = layer.sub(1);
        return new NodeLayerResult(previous, index, behaviour, pipeline.hareResult(previous),
                pipeline.tortoise().verified(), pipeline.tortoise().mode(),
                pipeline.tortoise().opinion(previous.sub(1)),
                store.layer(previous).map(AppliedLayer::stateHash));
    }

    /** Restart: a new pipeline rebuilt from this node's store, as after a crash; in-flight fetches are lost. */
    void restart() {
        fetching.clear();
        learnedEpochs.clear();
        pipeline = LocalPipeline.restore(world.config.pipeline(), List.of(signer), store, outside, wiring);
    }

    private void learnEpoch(long epoch) {
        if (!learnedEpochs.add(epoch)) {
            return;
        }
        world.targeting(EpochId.of(epoch)).forEach(pipeline::onAtx);
        pipeline.onActiveSet(EpochId.of(epoch), world.activeSet(epoch));
        pipeline.onBeacon(EpochId.of(epoch), SimIds.beacon(epoch));
    }

    /**
     * Layer data from peers this node can reach now: proposals it lacks, and every malfeasance proof. Each archived
     * item is looked at until this node holds it (a proof: until it was delivered once).
     */
    private void sync(LayerId layer) {
        List<SimNetwork.Archived> archive = network.archive();
        for (int i = archiveSeen; i < archive.size(); i++) {
            if (archive.get(i).publisher() != index) {
                unsynced.add(i);
            }
        }
        archiveSeen = archive.size();
        unsynced.removeIf(i -> {
            SimNetwork.Archived a = archive.get(i);
            Payload.Gossip g = (Payload.Gossip) a.payload();
            if (g.topic() == Topic.PROPOSAL) {
                ProposalId id = proposalId(g.bytes());
                if (id == null || store.proposal(id).isPresent()) {
                    return true;
                }
                if (network.connected(a.publisher(), index, layer)) {
                    pipeline.onFetched(Hint.PROPOSAL, g.bytes());
                }
                return store.proposal(id).isPresent();
            }
            if (!network.connected(a.publisher(), index, layer)) {
                return false;
            }
            receive(a.publisher(), a.payload());
            return true;
        });
    }

    private static ProposalId proposalId(Bytes bytes) {
        try {
            return Scale.decode(Proposal.CODEC, bytes.toByteArray()).id();
        } catch (ScaleException e) {
            return null;
        }
    }

    // ---- receiving ---------------------------------------------------------------------------------------------

    void receive(int from, Payload payload) {
        Instant now = Instant.ofEpochMilli(clock.now());
        if (payload instanceof Payload.Hare h) {
            Verdict v = pipeline.onGossip(Topic.HARE, h.bytes(), now);
            if (v.accepted() && acting() != Behaviour.WITHHOLD) {
                network.publish(index, payload); // relay, as pubsub does with accepted messages
            }
        } else if (payload instanceof Payload.Gossip g) {
            Verdict v = pipeline.onGossip(g.topic(), g.bytes(), now);
            if (v.accepted() && g.topic() == Topic.MALFEASANCE) {
                publishUnlessWithheld(payload);
            }
        } else if (payload instanceof Payload.Fetched f) {
            fetching.remove(f.hint() + ":" + f.id().hex());
            if (f.hint() == Hint.TX && !FetchedTx.judge(TxId.of(f.id().toByteArray()), f.bytes()).accepted()) {
                return; // not the transaction asked for: a node's fetch edge drops it (and the peer)
            }
            pipeline.onFetched(f.hint(), f.bytes());
        }
    }

    /** What this node would send a peer that fetches an object from it. */
    Optional<Bytes> holding(Hint hint, Bytes id) {
        if (acting() == Behaviour.WITHHOLD) {
            return Optional.empty();
        }
        return switch (hint) {
            case BALLOT -> store.ballot(BallotId.of(id.toByteArray()))
                    .map(b -> Bytes.wrap(Scale.encode(Ballot.CODEC, b)));
            case PROPOSAL -> store.proposal(ProposalId.of(id.toByteArray()))
                    .map(p -> Bytes.wrap(Scale.encode(Proposal.CODEC, p)));
            case BLOCK -> store.block(BlockId.of(id.toByteArray()))
                    .map(b -> Bytes.wrap(Scale.encode(Block.CODEC, b)));
            case TX -> store.tx(TxId.of(id.toByteArray()));
            default -> Optional.empty();
        };
    }

    // ---- sending -----------------------------------------------------------------------------------------------

    /** This node's behaviour in the layer now in progress. */
    private Behaviour acting() {
        return world.config.behaviourAt(index, world.layerAt(clock.now()));
    }

    private void publishUnlessWithheld(Payload payload) {
        if (acting() == Behaviour.WITHHOLD) {
            withheld.add(payload);
        } else {
            network.publish(index, payload);
        }
    }

    private void publishHare(Bytes bytes) {
        Payload payload = new Payload.Hare(bytes);
        switch (acting()) {
            case WITHHOLD -> { }
            case LATE -> clock.at(clock.now() + world.config.lateBy().toMillis(), () -> network.publish(index, payload));
            case EQUIVOCATE -> equivocate(bytes, payload);
            default -> network.publish(index, payload);
        }
    }

    private void publishProposal(Bytes bytes) {
        Payload payload = new Payload.Gossip(Topic.PROPOSAL, bytes);
        try {
            Proposal p = Scale.decode(Proposal.CODEC, bytes.toByteArray());
            ownProposals.put(p.ballot().inner().layer().value(), p.id());
        } catch (ScaleException e) {
            throw new IllegalStateException("own proposal does not decode", e);
        }
        switch (acting()) {
            case WITHHOLD -> withheld.add(payload);
            // Late: after the layer was tallied by everyone, too late for hare and for that tally.
            case LATE -> clock.at(clock.now() + world.config.layerMillis() * 3 / 2,
                    () -> network.publish(index, payload));
            default -> network.publish(index, payload);
        }
    }

    /** The message to the even-numbered peers, a conflicting twin with the same seats to the odd ones. */
    private void equivocate(Bytes bytes, Payload payload) {
        HareMessage message;
        try {
            message = HareCodecs.decodeMessage(bytes.toByteArray());
        } catch (InvalidHareMessageException e) {
            throw new IllegalStateException("own hare message does not decode", e);
        }
        Body body = message.body();
        Value value = body.value().reference()
                .map(r -> Value.ofReference(SimIds.twinReference(r)))
                .orElseGet(() -> {
                    TreeSet<ProposalId> more = new TreeSet<>(body.value().proposals());
                    more.add(SimIds.twinProposal(body.layer().value(), body.iterRound().absolute()));
                    return Value.ofProposals(List.copyOf(more));
                });
        HareMessage twin = HareMessage.sign(new Body(body.layer(), body.iterRound(), value, body.eligibility()),
                signer);
        Bytes twinBytes = Bytes.wrap(HareCodecs.encodeMessage(twin));
        pipeline.markSeen(Topic.HARE, twinBytes);
        List<Integer> even = new ArrayList<>();
        List<Integer> odd = new ArrayList<>();
        for (int i = 0; i < world.ids.size(); i++) {
            if (i != index) {
                (i % 2 == 0 ? even : odd).add(i);
            }
        }
        network.sendTo(index, even, payload);
        network.sendTo(index, odd, new Payload.Hare(twinBytes));
    }

    /** The world the pipeline sees: this node's network, clock, store and log. */
    private final class Outside implements LocalPipeline.Outside {
        @Override
        public void publish(Topic topic, Bytes bytes) {
            switch (topic) {
                case HARE -> publishHare(bytes);
                case PROPOSAL -> publishProposal(bytes);
                default -> publishUnlessWithheld(new Payload.Gossip(topic, bytes));
            }
        }

        @Override
        public void fetch(Hint hint, Bytes id) {
            String key = hint + ":" + id.hex();
            if (fetching.add(key) && !network.fetch(index, hint, id)) {
                fetching.remove(key); // nobody reachable has it: a later need asks again
            }
        }

        @Override
        public void schedule(Timer timer, Instant at) {
            LocalPipeline scheduledBy = pipeline;
            clock.at(Math.max(clock.now(), at.toEpochMilli()), () -> {
                if (pipeline == scheduledBy) { // a restart forgets the timers of the pipeline before it
                    pipeline.onTimer(timer, at);
                }
            });
        }

        @Override
        public void persist(MeshRecord record) {
            store.apply(record);
        }

        @Override
        public void log(String line) {
            log.add(line);
        }
    }

}
