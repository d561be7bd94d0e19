package io.smnode.sim;

import io.smnode.core.codec.Scale;
import io.smnode.core.codec.ScaleException;
import io.smnode.core.hash.Blake3;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.types.BallotId;
import io.smnode.core.types.BlockId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.NodeId;
import io.smnode.core.types.ProposalId;
import io.smnode.hare.Body;
import io.smnode.hare.HareCodecs;
import io.smnode.hare.HareEquivocation;
import io.smnode.hare.HareMessage;
import io.smnode.hare.HareSession;
import io.smnode.hare.InvalidHareMessageException;
import io.smnode.hare.RoundOutcome;
import io.smnode.hare.Value;
import io.smnode.hare.MessageOutcome;
import io.smnode.tortoise.AtxInfo;
import io.smnode.tortoise.BallotInput;
import io.smnode.tortoise.BlockHeader;
import io.smnode.tortoise.EncodeResult;
import io.smnode.tortoise.EpochData;
import io.smnode.tortoise.LayerUpdate;
import io.smnode.tortoise.Rejection;
import io.smnode.tortoise.Tortoise;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One simulated node: a real Ed25519/VRF identity, one {@link HareSession} per layer and one {@link Tortoise}.
 * Each layer it tallies the previous one, casts a ballot with {@code encodeVotes}, proposes, runs hare on the
 * proposals that arrived before the preround, and feeds the hare output, its block and the weak coin to its tortoise.
 * Its {@link Behaviour} only changes what it sends.
 */
public final class SimNode {
    private final int index;
    private final SimWorld world;
    private final EdSigner signer;
    private final Behaviour behaviour;
    private final EventQueue clock;
    private final SimNetwork network;
    private final Tortoise tortoise;

    /** Identities this node holds proof against, with the proof, in the order they were caught. */
    private final Map<NodeId, HareEquivocation> evidence = new LinkedHashMap<>();
    private final Map<Long, HareSession> sessions = new HashMap<>();
    /** Proposals received per layer, with their smesher, in arrival order. */
    private final Map<Long, Map<ProposalId, NodeId>> proposals = new HashMap<>();
    private final Map<Long, Optional<List<ProposalId>>> hareOutputs = new HashMap<>();
    /** The pubsub seen-cache: hashes of hare gossip already handled or sent. */
    private final Set<Hash32> seenGossip = new HashSet<>();
    private final Set<BallotId> seenBallots = new HashSet<>();
    private final Set<BlockId> seenBlocks = new HashSet<>();
    /** Ballots whose base ballot is not known yet (lost or late); retried when new ballots arrive. */
    private final List<BallotInput> waiting = new ArrayList<>();
    /** The mesh: the latest tortoise update per layer. */
    private final Map<Long, LayerUpdate> mesh = new HashMap<>();
    private final Map<Rejection.Reason, Integer> rejections = new HashMap<>();
    /** What a withholder held back, released once it stops withholding. */
    private final List<Payload> withheld = new ArrayList<>();
    private int ballotsMissed;

    SimNode(int index, SimWorld world, EventQueue clock, SimNetwork network) {
        this.index = index;
        this.world = world;
        this.signer = world.signers.get(index);
        this.behaviour = world.config.behaviours().get(index);
        this.clock = clock;
        this.network = network;
        this.tortoise = new Tortoise(world.config.tortoise());
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

    /** The malfeasance proofs this node produced or accepted, by offender. */
    public Map<NodeId, HareEquivocation> evidence() {
        return Map.copyOf(evidence);
    }

    /** Ballots this node's tortoise refused, by reason (dangling bases that later resolved are not counted). */
    public Map<Rejection.Reason, Integer> rejections() {
        return Map.copyOf(rejections);
    }

    /** Layers in which this node could not encode votes and cast no ballot. */
    public int ballotsMissed() {
        return ballotsMissed;
    }

    // ---- layer clock -------------------------------------------------------------------------------------------

    /**
     * Layer start: learn the epoch's ATXs and beacon, sync what peers can give, tally the previous layer and
     * report it; then (unless {@code tallyOnly}) cast a ballot, propose and start the layer's hare session.
     */
    NodeLayerResult onLayerStart(LayerId layer, boolean tallyOnly) {
        long l = layer.value();
        if (l == world.config.firstLayer() || l % world.config.tortoise().layersPerEpoch() == 0) {
            learnEpoch(world.epochOf(l));
        }
        if (acting() != Behaviour.WITHHOLD && !withheld.isEmpty()) {
            withheld.forEach(p -> network.publish(index, p));
            withheld.clear();
        }
        sync(layer);
        LayerId previous = layer.sub(1);
        tortoise.tallyVotes(previous);
        applyUpdates();
        NodeLayerResult result = new NodeLayerResult(previous, index, behaviour,
                hareOutputs.getOrDefault(previous.value(), Optional.empty()), tortoise.latestComplete(),
                tortoise.mode(), Optional.ofNullable(mesh.get(previous.value() - 1)).map(LayerUpdate::opinion));
        sessions.remove(previous.value());
        if (!tallyOnly) {
            castBallot(layer);
            HareSession session = new HareSession(world.config.hare(), layer, world.oracle(layer), world.verifier,
                    List.of(signer), evidence::containsKey);
            sessions.put(l, session);
            scheduleRound(session);
        }
        return result;
    }

    private void learnEpoch(long epoch) {
        for (int i = 0; i < world.ids.size(); i++) {
            tortoise.onAtx(EpochId.of(epoch), SimIds.atx(i, epoch),
                    new AtxInfo(world.ids.get(i), world.config.weights().get(i), world.atxHeight(epoch), false));
        }
        tortoise.onBeacon(EpochId.of(epoch), Bytes.of(SimIds.beacon(epoch).toByteArray()));
    }

    /** Fetches archived proposals, blocks and proofs from publishers this node can reach now. */
    private void sync(LayerId layer) {
        for (SimNetwork.Archived a : network.archive()) {
            if (a.publisher() != index && network.connected(a.publisher(), index, layer)) {
                receive(a.publisher(), a.payload());
            }
        }
    }

    /** The mesh's part: keep the latest record per layer, and confirm verified layers so the tortoise moves on. */
    private void applyUpdates() {
        for (LayerUpdate u : tortoise.updates()) {
            mesh.put(u.layer().value(), u);
            if (u.verified()) {
                tortoise.onApplied(u.layer(), u.opinion());
            }
        }
    }

    private void castBallot(LayerId layer) {
        EncodeResult encoded = tortoise.encodeVotes(layer);
        if (!(encoded instanceof EncodeResult.Encoded e)) {
            ballotsMissed++;
            return;
        }
        long epoch = world.epochOf(layer.value());
        BallotInput ballot = new BallotInput(SimIds.ballot(index, layer.value()), layer, id(),
                SimIds.atx(index, epoch), 1, e.opinion(),
                Optional.of(new EpochData(Bytes.of(SimIds.beacon(epoch).toByteArray()),
                        world.config.tortoise().layersPerEpoch())),
                Optional.empty(), false);
        Payload proposal = new Payload.Proposal(layer, SimIds.proposal(index, layer.value()), ballot);
        receive(index, proposal);
        switch (acting()) {
            case WITHHOLD -> withheld.add(proposal);
            // Late: after the layer was tallied by everyone, too late for hare and for that tally.
            case LATE -> clock.at(clock.now() + world.config.layerMillis() * 3 / 2,
                    () -> network.publish(index, proposal));
            default -> network.publish(index, proposal);
        }
    }

    // ---- hare --------------------------------------------------------------------------------------------------

    private void scheduleRound(HareSession session) {
        long at = world.layerStart(session.layer().value())
                + world.config.timing().roundStart(session.current()).toMillis();
        clock.at(at, () -> runRound(session));
    }

    private void runRound(HareSession session) {
        long layer = session.layer().value();
        if (session.current().iter() == 0 && session.current().round() == 0) {
            // Spec 04 §8: the proposals stored before the preround, without those of known malicious smeshers.
            TreeSet<ProposalId> initial = new TreeSet<>();
            proposals.getOrDefault(layer, Map.of()).forEach((p, smesher) -> {
                if (!evidence.containsKey(smesher)) {
                    initial.add(p);
                }
            });
            session.onInitial(List.copyOf(initial));
        }
        RoundOutcome out = session.next();
        out.messages().forEach(this::sendHare);
        out.coin().ifPresent(c -> tortoise.onWeakCoin(session.layer(), c));
        out.result().ifPresent(r -> onHareOutput(session.layer(), r));
        if (out.finished()) {
            hareOutputs.putIfAbsent(layer, Optional.empty());
        } else {
            scheduleRound(session);
        }
    }

    private void onHareOutput(LayerId layer, List<ProposalId> result) {
        hareOutputs.put(layer.value(), Optional.of(result));
        if (result.isEmpty()) {
            tortoise.onHareOutput(layer, BlockId.ZERO);
            return;
        }
        BlockHeader block = new BlockHeader(SimIds.block(layer.value(), result), layer, 0);
        receive(index, new Payload.Block(block));
        tortoise.onHareOutput(layer, block.id());
        publishUnlessWithheld(new Payload.Block(block));
    }

    private void sendHare(HareMessage message) {
        byte[] bytes = HareCodecs.encodeMessage(message);
        seenGossip.add(Blake3.hash(bytes));
        Payload payload = new Payload.Hare(Bytes.of(bytes));
        switch (acting()) {
            case WITHHOLD -> { }
            case LATE -> clock.at(clock.now() + world.config.lateBy().toMillis(),
                    () -> network.publish(index, payload));
            case EQUIVOCATE -> equivocate(message, payload);
            default -> network.publish(index, payload);
        }
    }

    /** The message to the even-numbered peers, a conflicting twin with the same seats to the odd ones. */
    private void equivocate(HareMessage message, Payload payload) {
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
        byte[] twinBytes = HareCodecs.encodeMessage(twin);
        seenGossip.add(Blake3.hash(twinBytes));
        List<Integer> even = new ArrayList<>();
        List<Integer> odd = new ArrayList<>();
        for (int i = 0; i < world.ids.size(); i++) {
            if (i != index) {
                (i % 2 == 0 ? even : odd).add(i);
            }
        }
        network.sendTo(index, even, payload);
        network.sendTo(index, odd, new Payload.Hare(Bytes.of(twinBytes)));
    }

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

    // ---- receiving ---------------------------------------------------------------------------------------------

    void receive(int from, Payload payload) {
        if (payload instanceof Payload.Hare h) {
            onHareGossip(h);
        } else if (payload instanceof Payload.Proposal p) {
            onProposal(p);
        } else if (payload instanceof Payload.Block b) {
            onBlock(b.header());
        } else if (payload instanceof Payload.Proof p) {
            onProof(p.bytes());
        }
    }

    private void onHareGossip(Payload.Hare gossip) {
        byte[] bytes = gossip.bytes().toByteArray();
        if (!seenGossip.add(Blake3.hash(bytes))) {
            return;
        }
        HareMessage message;
        try {
            message = HareCodecs.decodeMessage(bytes);
        } catch (InvalidHareMessageException e) {
            return;
        }
        HareSession session = sessions.get(message.body().layer().value());
        if (session == null || session.finished()) {
            return;
        }
        MessageOutcome outcome = session.onMessage(message);
        outcome.equivocation().ifPresent(this::onEquivocation);
        if (outcome.accepted() && acting() != Behaviour.WITHHOLD) {
            network.publish(index, gossip); // relay, as pubsub does with accepted messages
        }
    }

    private void onProof(Bytes bytes) {
        try {
            onEquivocation(Scale.decode("MalfeasanceProof", HareCodecs.MALFEASANCE_PROOF, bytes.toByteArray()));
        } catch (ScaleException e) {
            // a malformed proof proves nothing
        }
    }

    /** A checked proof marks its offender malicious everywhere in this node, once, and is gossiped on. */
    private void onEquivocation(HareEquivocation proof) {
        Optional<NodeId> offender = proof.offender(world.verifier);
        if (offender.isEmpty() || evidence.containsKey(offender.get())) {
            return;
        }
        evidence.put(offender.get(), proof);
        tortoise.onMalfeasance(offender.get());
        publishUnlessWithheld(new Payload.Proof(Bytes.of(proof.malfeasanceProofBytes())));
    }

    private void onProposal(Payload.Proposal p) {
        BallotInput b = p.ballot();
        if (!seenBallots.add(b.id())) {
            return;
        }
        proposals.computeIfAbsent(p.layer().value(), k -> new LinkedHashMap<>()).put(p.id(), b.smesher());
        BallotInput ours = new BallotInput(b.id(), b.layer(), b.smesher(), b.atxId(), b.eligibilities(), b.opinion(),
                b.epochData(), b.ref(), evidence.containsKey(b.smesher()));
        if (intake(ours)) {
            retryWaiting();
        }
    }

    /** Stores a ballot; false when it waits for its base or was refused. */
    private boolean intake(BallotInput ballot) {
        Optional<Rejection> rejection = tortoise.onBallot(ballot);
        if (rejection.isEmpty()) {
            return true;
        }
        if (rejection.get().reason() == Rejection.Reason.DANGLING_BASE) {
            waiting.add(ballot);
        } else {
            rejections.merge(rejection.get().reason(), 1, Integer::sum);
        }
        return false;
    }

    private void retryWaiting() {
        boolean progress = true;
        while (progress && !waiting.isEmpty()) {
            List<BallotInput> again = List.copyOf(waiting);
            waiting.clear();
            progress = false;
            for (BallotInput b : again) {
                progress |= intake(b);
            }
        }
    }

    private void onBlock(BlockHeader header) {
        if (seenBlocks.add(header.id())) {
            tortoise.onBlock(header);
        }
    }
}
