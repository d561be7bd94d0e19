package io.smnode.mesh.pipeline;

import io.smnode.core.types.BallotId;
import io.smnode.core.types.Beacon;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.NodeId;
import io.smnode.core.verdict.Verdict;
import io.smnode.mesh.block.Block;
import io.smnode.mesh.block.BlockValidity;
import io.smnode.mesh.block.ValidityUpdate;
import io.smnode.mesh.malfeasance.MultipleBallotsProof;
import io.smnode.mesh.proposal.Ballot;
import io.smnode.mesh.store.MeshReads;
import io.smnode.mesh.store.MeshRecord;
import io.smnode.tortoise.AtxInfo;
import io.smnode.tortoise.BallotInput;
import io.smnode.tortoise.BlockHeader;
import io.smnode.tortoise.DecodeResult;
import io.smnode.tortoise.EncodeResult;
import io.smnode.tortoise.LayerUpdate;
import io.smnode.tortoise.Mode;
import io.smnode.tortoise.Rejection;
import io.smnode.tortoise.Tortoise;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The single writer of tortoise state (the TortoiseActor's core): ATXs, beacons and malfeasance in; validated ballots
 * decoded and stored, in the order they arrive (recorded, so a restart replays it), a ballot whose base ballot is
 * unknown parked until the base arrives (bounded, the base fetched meanwhile), a second ballot of a smesher in one
 * layer turned into a {@code MultipleBallots} proof; hare outputs, weak coins and blocks in; votes tallied at each
 * layer start and after each hare output ({@code ProcessLayer}), with the results handed to the mesh; votes encoded
 * for this node's ballots.
 */
public final class TortoiseCoordinator implements HandOverTaker {
    private final PipelineConfig config;
    private final Tortoise tortoise;
    private final Set<NodeId> malicious = new HashSet<>();
    /** ATXs given to the tortoise, per target epoch (recent epochs only). */
    private final TreeMap<EpochId, Set<io.smnode.core.types.AtxId>> fedAtxs = new TreeMap<>();
    /** Ballots waiting for their base ballot, by base, in arrival order. */
    private final Map<BallotId, List<Ballot>> waiting = new LinkedHashMap<>();
    private int waitingCount;
    /** The first ballot stored per layer and smesher: a different second one is an equivocation. */
    private final TreeMap<LayerId, Map<NodeId, Ballot>> firstBallots = new TreeMap<>();
    /** The latest opinion the tortoise reported per layer (what the mesh stores as the layer's mesh hash). */
    private final TreeMap<LayerId, Hash32> opinions = new TreeMap<>();
    private long nextArrival;
    private LayerId current;

    /**
     * @param nextArrival the arrival number the next stored ballot gets (one past the highest stored, after a
     *     restart)
     */
    public TortoiseCoordinator(PipelineConfig config, Tortoise tortoise, long nextArrival) {
        this.config = Objects.requireNonNull(config, "config");
        this.tortoise = Objects.requireNonNull(tortoise, "tortoise");
        this.nextArrival = nextArrival;
        this.current = config.effectiveGenesis();
    }

    public Tortoise tortoise() {
        return tortoise;
    }

    /** An ATX targeting its epoch (weight, height); its smesher already known malicious adds no weight. */
    public void onAtx(AtxReads.Atx atx) {
        if (!fedAtxs.computeIfAbsent(atx.targetEpoch(), e -> new HashSet<>()).add(atx.id())) {
            return; // the tortoise would count its weight twice
        }
        fedAtxs.headMap(EpochId.of(Math.max(0, atx.targetEpoch().value() - 2)), false).clear();
        tortoise.onAtx(atx.targetEpoch(), atx.id(), new AtxInfo(atx.smesher(), atx.weight(), atx.height(),
                malicious.contains(atx.smesher())));
    }

    public void onBeacon(EpochId epoch, Beacon beacon) {
        tortoise.onBeacon(epoch, Bytes.of(beacon.toByteArray()));
    }

    /** From now on the identity's ballots weigh nothing and its later ATXs add no weight. */
    public void onMalicious(NodeId id) {
        if (malicious.add(id)) {
            tortoise.onMalfeasance(id);
        }
    }

    public boolean isMalicious(NodeId id) {
        return malicious.contains(id);
    }

    /** A ballot that passed validation (signatures, eligibility): decode its votes and store it. */
    public BallotOutcome onBallot(Ballot ballot) {
        List<Decision> out = new ArrayList<>();
        BallotOutcome outcome = intake(ballot, out);
        return new BallotOutcome(outcome.status(), outcome.verdict(), out);
    }

    private BallotOutcome intake(Ballot ballot, List<Decision> out) {
        LayerId layer = ballot.inner().layer();
        Ballot first = firstBallots.getOrDefault(layer, Map.of()).get(ballot.smesherId());
        Optional<MultipleBallotsProof> proof = first == null ? Optional.empty()
                : MultipleBallotsProof.of(first, ballot);
        boolean isMalicious = malicious.contains(ballot.smesherId()) || proof.isPresent();
        BallotInput input = BallotViews.tortoiseInput(ballot, isMalicious);
        DecodeResult decoded = tortoise.decodeBallot(input);
        if (decoded instanceof DecodeResult.Rejected r) {
            Rejection rejection = r.rejection();
            if (rejection.reason() == Rejection.Reason.DANGLING_BASE) {
                return park(ballot, out);
            }
            return refused(Verdict.ignore(ProposalRule.VOTES, rejection.reason() + ": " + rejection.detail()));
        }
        Optional<Rejection> stored = tortoise.storeBallot(((DecodeResult.Decoded) decoded).ballot());
        if (stored.isPresent()) {
            return refused(Verdict.ignore(ProposalRule.KNOWN, stored.get().detail()));
        }
        firstBallots.computeIfAbsent(layer, l -> new LinkedHashMap<>()).putIfAbsent(ballot.smesherId(), ballot);
        out.add(new Decision.Persist(new MeshRecord.BallotRecord(ballot, nextArrival++, isMalicious)));
        out.add(new Decision.BallotStored(ballot));
        proof.ifPresent(p -> out.add(new Decision.ProofFound(Bytes.wrap(p.encode()))));
        release(ballot.id(), out);
        return new BallotOutcome(BallotOutcome.Status.STORED, Verdict.ACCEPT, List.of());
    }

    private BallotOutcome park(Ballot ballot, List<Decision> out) {
        if (waitingCount >= config.maxWaiting()) {
            return refused(Verdict.ignore(ProposalRule.TOO_MANY_WAITING, waitingCount + " ballots wait"));
        }
        BallotId base = ballot.votes().base();
        boolean fetching = waiting.containsKey(base);
        waiting.computeIfAbsent(base, b -> new ArrayList<>()).add(ballot);
        waitingCount++;
        if (!fetching) {
            out.add(new Decision.Fetch(Hint.BALLOT, Bytes.of(base.toByteArray())));
        }
        return new BallotOutcome(BallotOutcome.Status.WAITING,
                Verdict.ignore(ProposalRule.BASE_PENDING, "base ballot " + base.hex()), List.of());
    }

    /** Stores the ballots that waited for {@code base}, and those that waited for them, and so on. */
    private void release(BallotId base, List<Decision> out) {
        List<Ballot> ready = waiting.remove(base);
        if (ready == null) {
            return;
        }
        waitingCount -= ready.size();
        for (Ballot b : ready) {
            intake(b, out);
        }
    }

    private static BallotOutcome refused(Verdict verdict) {
        return new BallotOutcome(BallotOutcome.Status.REFUSED, verdict, List.of());
    }

    /**
     * Layer start: tally the layers before {@code layer} and hand the results to the mesh; forget parked ballots
     * and equivocation records of layers past keeping.
     */
    public List<Decision> onLayer(LayerId layer) {
        current = layer;
        LayerId horizon = layer.value() > config.keepLayers() ? layer.sub(config.keepLayers()) : LayerId.of(0);
        firstBallots.headMap(horizon, false).clear();
        opinions.headMap(horizon, false).clear();
        waiting.values().forEach(list -> list.removeIf(b -> b.inner().layer().compareTo(horizon) < 0));
        waiting.values().removeIf(List::isEmpty);
        waitingCount = waiting.values().stream().mapToInt(List::size).sum();
        return tally(layer.sub(1));
    }

    /**
     * The layer's hare output as a block (the mesh's {@code ProcessLayerPerHareOutput}): the block's data if this
     * node has it, the hare output, then a tally up to the layer and its results for the mesh.
     */
    public List<Decision> onHareBlock(Decision.HareBlock hb) {
        hb.block().ifPresent(b -> tortoise.onBlock(header(b)));
        tortoise.onHareOutput(hb.layer(), hb.id());
        return tally(hb.layer());
    }

    /** A block's data arrived (fetched or from sync): the mesh can now apply a layer that waited for it. */
    public List<Decision> onBlock(Block block) {
        tortoise.onBlock(header(block));
        return updates();
    }

    public void onWeakCoin(LayerId layer, boolean coin) {
        tortoise.onWeakCoin(layer, coin);
    }

    /** The mesh applied a verified layer: the tortoise may move its pending layer (and evict) past it. */
    public void onApplied(LayerId layer, Hash32 opinion) {
        tortoise.onApplied(layer, opinion);
    }

    @Override
    public List<Decision> take(Decision d) {
        if (d instanceof Decision.MarkMalicious m) {
            onMalicious(m.id());
        } else if (d instanceof Decision.WeakCoin w) {
            onWeakCoin(w.layer(), w.coin());
        } else if (d instanceof Decision.HareBlock hb) {
            return onHareBlock(hb);
        } else if (d instanceof Decision.BlockStored b) {
            return onBlock(b.block());
        } else if (d instanceof Decision.Applied a) {
            onApplied(a.layer(), a.opinion());
        } else if (d instanceof Decision.BeaconDecided b) {
            onBeacon(b.epoch(), b.beacon());
        } else {
            throw HandOverTaker.notMine("the tortoise", d);
        }
        return List.of();
    }

    /** The layer the coordinator last started (its tally ran up to the one before). */
    public LayerId current() {
        return current;
    }

    /**
     * Votes for this node's ballot in {@code layer}. The reference's proposal builder tallies up to the ballot's own
     * layer first ({@code TallyVotes(lid)}); with that layer as the last one, a layer that has just left hdist
     * unverified sends the tortoise to full mode, so its blocks are voted on by their counted margin instead of the
     * weak coin — without it a lone smesher's light layer (its ballot weighs under the verifying threshold) is
     * reverted by coin votes. That tally runs here exactly when it changes the votes: when the first unverified layer
     * is outside hdist of {@code layer}. (Tallying at every ballot, before the layer's ballots are in, lowers the
     * verified layer until they arrive, which the simulator's honest runs do not tolerate; see the issue note.)
     * What the tally changes reaches the mesh with the next one.
     */
    public EncodeResult encodeVotes(LayerId layer) {
        long hdist = config.tortoise().hdist();
        long firstUnverified = tortoise.latestComplete().value() + 1;
        if (layer.compareTo(config.effectiveGenesis()) > 0 && firstUnverified + hdist <= layer.value()) {
            tortoise.tallyVotes(layer);
        }
        return tortoise.encodeVotes(layer);
    }

    /** The latest opinion the tortoise reported for a recent layer. */
    public Optional<Hash32> opinion(LayerId layer) {
        return Optional.ofNullable(opinions.get(layer));
    }

    public LayerId verified() {
        return tortoise.latestComplete();
    }

    public Mode mode() {
        return tortoise.mode();
    }

    /** The arrival number the next stored ballot gets. */
    public long nextArrival() {
        return nextArrival;
    }

    public int waitingBallots() {
        return waitingCount;
    }

    /**
     * A tortoise coordinator rebuilt from the store after a restart: layer by layer from the effective genesis to the
     * last stored one, its epoch's ATXs and beacon, its ballots in the order they were taken (with the malicious
     * flag they had), blocks, hare output and weak coin, the proofs taken in it, then a tally; arrivals continue
     * after the stored ones.
     */
    public static TortoiseCoordinator rebuild(PipelineConfig config, MeshReads store, AtxReads atxs) {
        LayerId last = store.lastLayerWithData().orElse(config.effectiveGenesis());
        TortoiseCoordinator t = new TortoiseCoordinator(config, new Tortoise(config.tortoise()), 0);
        Map<LayerId, List<NodeId>> proofsByLayer = new HashMap<>();
        store.malfeasance().forEach(m -> proofsByLayer.computeIfAbsent(m.received(), l -> new ArrayList<>())
                .add(m.offender()));
        LayerId first = config.effectiveGenesis().add(1);
        for (LayerId l = first; l.compareTo(last) <= 0; l = l.add(1)) {
            if (l.equals(first) || l.ordinal(config.layersPerEpoch()) == 0) {
                EpochId epoch = config.epochOf(l);
                atxs.targeting(epoch).forEach(t::onAtx);
                store.beacon(epoch).ifPresent(b -> t.onBeacon(epoch, b));
            }
            store.ballotsIn(l).forEach(t::replay);
            LayerId layer = l;
            t.replayLayer(layer, store.blocksIn(layer), store.hareOutput(layer).map(MeshRecord.HareOutputRecord::block),
                    store.weakCoin(layer));
            proofsByLayer.getOrDefault(layer, List.of()).forEach(t::onMalicious);
            t.replayTally(layer);
        }
        return t;
    }

    /** Rebuilding after a restart: a stored ballot, exactly as it was taken, with no decisions. */
    void replay(MeshRecord.BallotRecord stored) {
        Ballot ballot = stored.ballot();
        DecodeResult decoded = tortoise.decodeBallot(BallotViews.tortoiseInput(ballot, stored.malicious()));
        if (decoded instanceof DecodeResult.Decoded d) {
            tortoise.storeBallot(d.ballot());
            firstBallots.computeIfAbsent(ballot.inner().layer(), l -> new LinkedHashMap<>())
                    .putIfAbsent(ballot.smesherId(), ballot);
        }
        nextArrival = Math.max(nextArrival, stored.arrival() + 1);
    }

    /** Rebuilding: the hare output or a block of a stored layer, without tallying. */
    void replayLayer(LayerId layer, List<Block> blocks, Optional<io.smnode.core.types.BlockId> hare,
            Optional<Boolean> coin) {
        blocks.forEach(b -> tortoise.onBlock(header(b)));
        hare.ifPresent(id -> tortoise.onHareOutput(layer, id));
        coin.ifPresent(c -> tortoise.onWeakCoin(layer, c));
    }

    void replayTally(LayerId layer) {
        current = layer.add(1);
        tortoise.tallyVotes(layer);
    }

    private List<Decision> tally(LayerId last) {
        if (last.compareTo(config.effectiveGenesis()) <= 0) {
            return List.of();
        }
        tortoise.tallyVotes(last);
        return updates();
    }

    private List<Decision> updates() {
        List<LayerUpdate> updates = tortoise.updates();
        if (updates.isEmpty()) {
            return List.of();
        }
        updates.forEach(u -> opinions.put(u.layer(), u.opinion()));
        return List.of(new Decision.LayerUpdates(updates.stream().map(TortoiseCoordinator::validity).toList()));
    }

    static BlockHeader header(Block block) {
        return new BlockHeader(block.id(), block.layer(), block.inner().tickHeight());
    }

    private static ValidityUpdate validity(LayerUpdate u) {
        return new ValidityUpdate(u.layer(), u.verified(), u.opinion(), u.blocks().stream()
                .map(b -> new BlockValidity(b.header().id(), b.data(), b.hare(), b.valid(), b.invalid(), b.local()))
                .toList());
    }
}
