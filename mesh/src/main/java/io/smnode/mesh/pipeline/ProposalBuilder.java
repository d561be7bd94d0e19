package io.smnode.mesh.pipeline;

import io.smnode.core.signing.Domain;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.signing.Signature;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.BallotId;
import io.smnode.core.types.Beacon;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.NodeId;
import io.smnode.core.types.TxId;
import io.smnode.core.codec.Scale;
import io.smnode.mesh.proposal.Ballot;
import io.smnode.mesh.proposal.Eligibility;
import io.smnode.mesh.proposal.EligibilityProof;
import io.smnode.mesh.proposal.EpochData;
import io.smnode.mesh.proposal.InnerBallot;
import io.smnode.mesh.proposal.Proposal;
import io.smnode.mesh.proposal.Votes;
import io.smnode.mesh.store.MeshReads;
import io.smnode.mesh.store.MeshRecord;
import io.smnode.tortoise.Opinion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The proposal builder's per-layer decision (the ProposalBuilderActor's core, spec 03 §4): per epoch, each own
 * identity's slots and the layers its VRF proofs land in, from its ATX, the active set and the beacon; per layer,
 * who is eligible ({@link #eligible}); then, with the votes the tortoise encoded, the mesh hash and the mempool's
 * transactions, a signed ballot and proposal for each ({@link #build}). The first ballot of an identity in an epoch
 * is its reference ballot (epoch data, the active set stored first); later ones name it. Never two ballots of one
 * identity in one layer, also across a restart (the stored ballots say which were made).
 */
public final class ProposalBuilder implements HandOverTaker {
    private final PipelineConfig config;
    private final List<EdSigner> signers;
    private final AtxReads atxs;
    private final MeshReads store;
    private final Map<EpochId, Beacon> beacons = new HashMap<>();
    private final Map<EpochId, List<AtxId>> activeSets = new HashMap<>();
    private final Map<EpochId, List<Plan>> plans = new HashMap<>();

    /** One identity's epoch: its ATX, slot count, proofs and (once made) reference ballot. */
    private static final class Plan {
        final EdSigner signer;
        final AtxReads.Atx atx;
        final long slots;
        final List<EligibilityProof> proofs;
        BallotId reference = BallotId.ZERO;
        LayerId lastBuilt = LayerId.of(0);

        Plan(EdSigner signer, AtxReads.Atx atx, long slots, List<EligibilityProof> proofs) {
            this.signer = signer;
            this.atx = atx;
            this.slots = slots;
            this.proofs = proofs;
        }
    }

    /** An identity eligible in a layer, with its proofs there. */
    public record Eligible(NodeId id, AtxId atx, List<EligibilityProof> proofs) {
        public Eligible {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(atx, "atx");
            proofs = List.copyOf(proofs);
        }
    }

    public ProposalBuilder(PipelineConfig config, List<EdSigner> signers, AtxReads atxs, MeshReads store) {
        this.config = Objects.requireNonNull(config, "config");
        this.signers = List.copyOf(signers);
        this.atxs = Objects.requireNonNull(atxs, "atxs");
        this.store = Objects.requireNonNull(store, "store");
    }

    public void onBeacon(EpochId epoch, Beacon beacon) {
        beacons.put(epoch, beacon);
    }

    @Override
    public List<Decision> take(Decision d) {
        if (d instanceof Decision.BeaconDecided b) {
            onBeacon(b.epoch(), b.beacon());
            return List.of();
        }
        throw HandOverTaker.notMine("the proposal builder", d);
    }

    /** The active set this node's reference ballots of {@code epoch} declare. */
    public void onActiveSet(EpochId epoch, List<AtxId> set) {
        activeSets.put(epoch, set.stream().sorted().toList());
    }

    /**
     * Which own identities hold slots in {@code layer} and have made no ballot there yet (empty when the epoch's
     * beacon, active set or their ATXs are unknown). The driver then asks the tortoise for votes and the mempool
     * for transactions, and calls {@link #build}.
     */
    public List<Eligible> eligible(LayerId layer) {
        if (layer.compareTo(config.effectiveGenesis()) <= 0) {
            return List.of();
        }
        List<Eligible> out = new ArrayList<>();
        for (Plan p : plans(config.epochOf(layer))) {
            if (p.lastBuilt.compareTo(layer) >= 0 || ownBallotStored(p, layer)) {
                continue;
            }
            List<EligibilityProof> here = p.proofs.stream()
                    .filter(pr -> config.slots().layerOf(pr, p.atx.targetEpoch(), config.layersPerEpoch()).equals(layer))
                    .toList();
            if (!here.isEmpty()) {
                out.add(new Eligible(p.signer.nodeId(), p.atx.id(), here));
            }
        }
        return out;
    }

    /**
     * The ballots and proposals of the eligible identities: {@code opinion} from the tortoise's encoding for the
     * layer, {@code meshHash} this node's (or zero, spec 03 §4.3), {@code txs} the mempool's pick. Publishing the
     * proposal also hands it to this node's own intake, which stores it as any peer's.
     */
    public List<Decision> build(LayerId layer, List<Eligible> eligible, Opinion opinion, Hash32 meshHash,
            List<TxId> txs) {
        EpochId epoch = config.epochOf(layer);
        List<Decision> out = new ArrayList<>();
        for (Eligible e : eligible) {
            Plan p = plans(epoch).stream().filter(x -> x.signer.nodeId().equals(e.id())).findFirst().orElseThrow();
            if (p.lastBuilt.compareTo(layer) >= 0) {
                continue; // never two ballots of one identity in a layer, whoever asks twice
            }
            Optional<EpochData> epochData = Optional.empty();
            if (p.reference.isZero()) {
                List<AtxId> set = activeSets.get(epoch);
                MeshRecord.ActiveSetRecord record = new MeshRecord.ActiveSetRecord(epoch, set);
                if (store.activeSet(record.id()).isEmpty()) {
                    out.add(new Decision.Persist(record));
                }
                epochData = Optional.of(new EpochData(record.id(), beacons.get(epoch), p.slots));
            }
            InnerBallot inner = new InnerBallot(layer, p.atx.id(), opinion.hash(), p.reference, epochData);
            Votes votes = BallotViews.wireVotes(opinion.votes());
            Ballot unsigned = new Ballot(inner, Signature.of(new byte[Signature.LENGTH]), e.id(), votes, e.proofs(),
                    List.of());
            Ballot ballot = new Ballot(inner, p.signer.sign(Domain.BALLOT, unsigned.metadata().encode()), e.id(),
                    votes, e.proofs(), List.of());
            Proposal proposal = new Proposal(ballot, txs, meshHash, null);
            proposal = proposal.withSignature(p.signer.sign(Domain.PROPOSAL, proposal.metadata().encode()));
            if (p.reference.isZero()) {
                p.reference = ballot.id();
            }
            p.lastBuilt = layer;
            out.add(new Decision.Publish(Topic.PROPOSAL, Bytes.wrap(Scale.encode(Proposal.CODEC, proposal))));
            // The operator's (and the localnet test's) record of what this node put into the mesh.
            out.add(new Decision.Log("proposal: ballot " + ballot.id().hex() + " of layer " + layer.value()
                    + " by smesher " + p.signer.nodeId().hex() + " published"));
        }
        return out;
    }

    /**
     * The mesh hash a proposal of {@code layer} carries (spec 03 §4.3): the mesh hash of the layer before
     * ({@code previous}), when the tortoise verified up to {@code max(L − hdist − 1, effective genesis)} and every
     * layer since has a hare output; else zero.
     */
    public Hash32 meshHash(LayerId layer, LayerId verified, Optional<Hash32> previous) {
        long hdist = config.tortoise().hdist();
        long from = Math.max(layer.value() - hdist - 1, config.effectiveGenesis().value());
        if (verified.value() < from) {
            return Hash32.ZERO;
        }
        for (long l = from + 1; l < layer.value(); l++) {
            if (store.hareOutput(LayerId.of(l)).isEmpty()) {
                return Hash32.ZERO;
            }
        }
        return previous.orElse(Hash32.ZERO);
    }

    /**
     * Prepares the epoch's plans (each own identity's slots and VRF proofs, the expensive part) ahead of its first
     * layer, once its beacon and active set are known; true when they were.
     */
    public boolean prepare(EpochId epoch) {
        plans(epoch);
        return plans.containsKey(epoch);
    }

    /**
     * The ballot {@code id} this builder made was not stored (refused by this node's own intake): when it was its
     * epoch's reference ballot, the next ballot of that identity declares the epoch data again.
     */
    public void notStored(BallotId id) {
        for (Map.Entry<EpochId, List<Plan>> e : plans.entrySet()) {
            for (Plan p : e.getValue()) {
                if (p.reference.equals(id)) {
                    p.reference = storedReference(p.signer.nodeId(), e.getKey());
                }
            }
        }
    }

    /** How many transactions the proposals of {@code eligible} may carry (spec 06 §6: proofs × TxsPerProposal). */
    public int txBudget(List<Eligible> eligible) {
        return eligible.stream().mapToInt(e -> e.proofs().size()).sum() * config.txsPerProposal();
    }

    private boolean ownBallotStored(Plan p, LayerId layer) {
        return store.ballotsIn(layer).stream().anyMatch(b -> b.ballot().smesherId().equals(p.signer.nodeId()));
    }

    private List<Plan> plans(EpochId epoch) {
        List<Plan> existing = plans.get(epoch);
        if (existing != null) {
            return existing;
        }
        Beacon beacon = beacons.get(epoch);
        List<AtxId> set = activeSets.get(epoch);
        if (beacon == null || set == null) {
            return List.of();
        }
        OptionalLong setWeight = StoreBallotContext.weightOf(set, atxs);
        if (setWeight.isEmpty()) {
            return List.of();
        }
        List<Plan> made = new ArrayList<>();
        for (EdSigner s : signers) {
            Optional<AtxReads.Atx> atx = atxs.atxOf(s.nodeId(), epoch);
            if (atx.isEmpty()) {
                continue;
            }
            long slots = config.slots().slots(atx.get().weight(), config.layerAvgSize(), config.layersPerEpoch(),
                    config.minimalActiveSetWeight(epoch), setWeight.getAsLong());
            Plan plan = new Plan(s, atx.get(), slots,
                    Eligibility.epochProofs(s.vrfSigner(), beacon, epoch, atx.get().vrfNonce(), slots));
            plan.reference = storedReference(s.nodeId(), epoch);
            made.add(plan);
        }
        plans.keySet().removeIf(e -> e.value() + 1 < epoch.value()); // the epoch before may still be building
        plans.put(epoch, made);
        return made;
    }

    /** After a restart: the reference ballot this identity already made in the epoch, if any. */
    private BallotId storedReference(NodeId id, EpochId epoch) {
        LayerId first = epoch.firstLayer(config.layersPerEpoch());
        for (long l = 0; l < config.layersPerEpoch(); l++) {
            for (MeshRecord.BallotRecord b : store.ballotsIn(first.add(l))) {
                if (b.ballot().smesherId().equals(id) && b.ballot().inner().isReference()) {
                    return b.ballot().id();
                }
            }
        }
        return BallotId.ZERO;
    }
}
