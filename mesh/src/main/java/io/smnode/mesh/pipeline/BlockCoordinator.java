package io.smnode.mesh.pipeline;

import io.smnode.core.signing.EdSigner;
import io.smnode.core.signing.EdVerifier;
import io.smnode.core.types.AtxId;
import io.smnode.core.vrf.VrfSigner;
import io.smnode.core.types.BallotId;
import io.smnode.core.types.Beacon;
import io.smnode.core.types.BlockId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.NodeId;
import io.smnode.core.types.ProposalId;
import io.smnode.core.types.TxId;
import io.smnode.core.verdict.Verdict;
import io.smnode.mesh.block.AppliedLayer;
import io.smnode.mesh.block.AtxInfo;
import io.smnode.mesh.block.Block;
import io.smnode.mesh.block.BlockChecks;
import io.smnode.mesh.block.BlockGenerator;
import io.smnode.mesh.block.BlockSources;
import io.smnode.mesh.block.Certificate;
import io.smnode.mesh.block.CertifierEligibility;
import io.smnode.mesh.block.CertifierWeights;
import io.smnode.mesh.block.Certifier;
import io.smnode.mesh.block.CertifyMessage;
import io.smnode.mesh.block.GeneratorOutcome;
import io.smnode.mesh.block.KnownTx;
import io.smnode.mesh.proposal.Ballot;
import io.smnode.mesh.proposal.Proposal;
import io.smnode.mesh.store.MeshReads;
import io.smnode.mesh.store.MeshRecord;
import io.smnode.core.codec.Scale;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Blocks and certificates (the BlockGeneratorActor's and CertifierActor's core, spec 06 §1–2): a hare output becomes
 * a block once every agreed proposal and its reference ballot are stored (missing ones are fetched and the output
 * waits); an empty output is the empty block; an optimistic one goes to the mesh to execute. Each decided output
 * is registered with the certifier and certified by this node's eligible identities; certify messages collect into
 * certificates; a certificate from sync is adopted as the layer's hare output when the node has none. Blocks
 * received by id are checked here ({@link BlockChecks}) and stored once the transactions they name are.
 */
public final class BlockCoordinator implements HandOverTaker {
    private final PipelineConfig config;
    private final List<EdSigner> signers;
    /** The signers' VRF provers, derived once (each derivation costs a base-point multiplication). */
    private final List<VrfSigner> vrfSigners;
    private final AtxReads atxs;
    private final MeshReads store;
    private final TxLookup txs;
    private final BlockGenerator generator;
    private final Certifier certifier;
    private final Sources sources = new Sources();
    private final Map<EpochId, Beacon> beacons = new HashMap<>();
    private final Map<EpochId, ActiveSetWeights> activeSets = new HashMap<>();
    /** Hare outputs waiting for proposals or reference ballots, and optimistic ones waiting for the mesh. */
    private final TreeMap<LayerId, List<ProposalId>> pending = new TreeMap<>();
    private final TreeMap<LayerId, List<ProposalId>> optimistic = new TreeMap<>();
    /** Blocks received whose transactions are being fetched, by id: stored once every one of them is. */
    private final Map<BlockId, Block> waitingTxs = new LinkedHashMap<>();
    private LayerId current;

    public BlockCoordinator(PipelineConfig config, List<EdSigner> signers, AtxReads atxs, MeshReads store,
            TxLookup txs) {
        this.config = Objects.requireNonNull(config, "config");
        this.signers = List.copyOf(signers);
        this.vrfSigners = this.signers.stream().map(EdSigner::vrfSigner).toList();
        this.atxs = Objects.requireNonNull(atxs, "atxs");
        this.store = Objects.requireNonNull(store, "store");
        this.txs = Objects.requireNonNull(txs, "txs");
        this.generator = new BlockGenerator(config.block(), config.layersPerEpoch());
        this.certifier = new Certifier(config.cert(), new EdVerifier(config.signingPrefix()), config.effectiveGenesis());
        this.current = config.effectiveGenesis();
    }

    public void onBeacon(EpochId epoch, Beacon beacon) {
        beacons.put(epoch, beacon);
    }

    /** The epoch's hare active set: certifier seats are drawn from it as hare's are (spec 06 §2). */
    public void onActiveSet(EpochId epoch, List<AtxId> set) {
        activeSets.put(epoch, ActiveSetWeights.of(set, atxs));
    }

    /** Layer start: forget certificate tallies and waiting outputs past keeping. */
    public void onLayer(LayerId layer) {
        current = layer;
        certifier.prune(layer, config.keepLayers());
        LayerId horizon = layer.value() > config.keepLayers() ? layer.sub(config.keepLayers()) : LayerId.of(0);
        pending.headMap(horizon, false).clear();
        optimistic.headMap(horizon, false).clear();
        waitingTxs.values().removeIf(b -> b.layer().compareTo(horizon) < 0);
    }

    @Override
    public List<Decision> take(Decision d) {
        if (d instanceof Decision.HareOutput h) {
            return onHareOutput(h.layer(), h.proposals());
        } else if (d instanceof Decision.BallotStored b) {
            return onBallotStored(b.ballot());
        } else if (d instanceof Decision.ProposalStored p) {
            return onProposalStored(p.proposal());
        } else if (d instanceof Decision.HareBlock hb) {
            return onHareBlock(hb);
        } else if (d instanceof Decision.TxStored t) {
            return onTxStored(t.id());
        } else if (d instanceof Decision.BeaconDecided b) {
            onBeacon(b.epoch(), b.beacon());
            return List.of();
        }
        throw HandOverTaker.notMine("the block generator", d);
    }

    /** Hare agreed on {@code proposals} for {@code layer}. */
    public List<Decision> onHareOutput(LayerId layer, List<ProposalId> proposals) {
        pending.put(layer, List.copyOf(proposals));
        return tryGenerate(layer);
    }

    /** A proposal was stored: outputs that waited for it may be built now. */
    public List<Decision> onProposalStored(Proposal p) {
        return retry();
    }

    /** A ballot was stored: outputs that waited for it as a reference ballot may be built now. */
    public List<Decision> onBallotStored(Ballot b) {
        return retry();
    }

    /** The mesh executed an optimistic layer: register and certify its block, store the hare output. */
    public List<Decision> onHareBlock(Decision.HareBlock hb) {
        if (!hb.executed()) {
            return List.of();
        }
        List<ProposalId> proposals = optimistic.remove(hb.layer());
        List<Decision> out = new ArrayList<>();
        out.add(new Decision.Persist(new MeshRecord.HareOutputRecord(hb.layer(),
                proposals == null ? List.of() : proposals, hb.id())));
        out.addAll(certify(hb.layer(), hb.id()));
        return out;
    }

    /** A certify message from gossip ({@code bc1}). */
    public Handled onCertifyMessage(Bytes bytes) {
        Certifier.Received r = certifier.receive(bytes.toByteArray(), current, this::eligibility);
        return new Handled(r.verdict(), r.certificate().map(c -> List.<Decision>of(new Decision.Persist(
                new MeshRecord.CertificateRecord(layerOf(c), c)))).orElse(List.of()));
    }

    /**
     * A certificate of {@code layer} from sync: valid, it is stored and, when the node has no hare output for the
     * layer, adopted as one (the block is fetched if missing).
     */
    public Handled onCertificate(LayerId layer, Certificate certificate) {
        Verdict v = certifier.check(certificate, this::eligibility);
        if (!v.accepted()) {
            return new Handled(v, List.of());
        }
        List<Decision> out = new ArrayList<>();
        out.add(new Decision.Persist(new MeshRecord.CertificateRecord(layer, certificate)));
        if (store.hareOutput(layer).isEmpty() && !pending.containsKey(layer)) {
            BlockId id = certificate.blockId();
            Optional<Block> block = id.isZero() ? Optional.empty() : store.block(id);
            if (!id.isZero() && block.isEmpty()) {
                out.add(new Decision.Fetch(Hint.BLOCK, Bytes.of(id.toByteArray())));
            }
            out.add(new Decision.Persist(new MeshRecord.HareOutputRecord(layer, List.of(), id)));
            out.add(new Decision.HareBlock(layer, id, block, false));
        }
        return new Handled(Verdict.ACCEPT, out);
    }

    /**
     * A block that arrived by id ({@code expected}) or in sync: checked, and once every transaction it names is stored
     * (the reference's {@code HandleSyncedBlock} fetches them first, {@code GetBlockTxs}), stored and handed to the
     * tortoise. One naming transactions this node lacks waits (bounded, until it falls past the kept layers) while
     * they are fetched ({@code TXDB}); the same block arriving again (the mesh asks for a block it still has no data
     * for at every tally) asks again for those still missing, so a transaction whose fetch failed is retried.
     */
    public Handled onBlock(Bytes bytes, Optional<BlockId> expected) {
        BlockChecks.Result r = BlockChecks.decode(bytes.toByteArray(), expected, config.effectiveGenesis());
        if (r.block().isEmpty()) {
            return new Handled(r.verdict(), List.of());
        }
        Block block = r.block().get();
        if (store.block(block.id()).isPresent()) {
            return new Handled(Verdict.ignore(ProposalRule.KNOWN, "block " + block.id().hex()), List.of());
        }
        List<TxId> missing = missingTxs(block);
        if (missing.isEmpty()) {
            waitingTxs.remove(block.id());
            return new Handled(Verdict.ACCEPT, stored(block));
        }
        if (!waitingTxs.containsKey(block.id()) && waitingTxs.size() >= config.maxWaiting()) {
            return new Handled(Verdict.ignore(ProposalRule.TOO_MANY_WAITING, waitingTxs.size()
                    + " blocks wait for transactions"), List.of());
        }
        waitingTxs.put(block.id(), block);
        List<Decision> fetches = new ArrayList<>(missing.size());
        for (TxId id : missing) {
            fetches.add(new Decision.Fetch(Hint.TX, Bytes.of(id.toByteArray())));
        }
        return new Handled(Verdict.ignore(ProposalRule.WAITING, "block " + block.id().hex() + " waits for "
                + missing.size() + " transaction(s)"), fetches);
    }

    /** A fetched transaction was stored: blocks that waited for it and now have all theirs are stored. */
    public List<Decision> onTxStored(TxId id) {
        List<Decision> out = new ArrayList<>();
        for (Block block : List.copyOf(waitingTxs.values())) {
            if (block.inner().txIds().contains(id) && missingTxs(block).isEmpty()) {
                waitingTxs.remove(block.id());
                out.addAll(stored(block));
            }
        }
        return out;
    }

    /** Blocks that wait for their transactions. */
    public int waitingForTxs() {
        return waitingTxs.size();
    }

    private List<TxId> missingTxs(Block block) {
        List<TxId> missing = new ArrayList<>();
        for (TxId id : block.inner().txIds()) {
            if (store.tx(id).isEmpty()) {
                missing.add(id);
            }
        }
        return missing;
    }

    private static List<Decision> stored(Block block) {
        return List.of(new Decision.Persist(new MeshRecord.BlockRecord(block)), new Decision.BlockStored(block));
    }

    private List<Decision> retry() {
        List<Decision> out = new ArrayList<>();
        for (LayerId layer : List.copyOf(pending.keySet())) {
            out.addAll(tryGenerate(layer));
        }
        return out;
    }

    private List<Decision> tryGenerate(LayerId layer) {
        List<ProposalId> ids = pending.get(layer);
        List<Proposal> proposals = new ArrayList<>();
        List<Decision> fetches = new ArrayList<>();
        for (ProposalId id : ids) {
            Optional<Proposal> p = store.proposal(id);
            if (p.isEmpty()) {
                fetches.add(new Decision.Fetch(Hint.PROPOSAL, Bytes.of(id.toByteArray())));
                continue;
            }
            proposals.add(p.get());
            BallotId ref = p.get().ballot().inner().refBallot();
            if (!p.get().ballot().inner().isReference() && store.ballot(ref).isEmpty()) {
                fetches.add(new Decision.Fetch(Hint.BALLOT, Bytes.of(ref.toByteArray())));
            }
        }
        if (!fetches.isEmpty()) {
            return fetches;
        }
        pending.remove(layer);
        GeneratorOutcome outcome = generator.generate(layer, proposals, sources);
        List<Decision> out = new ArrayList<>();
        if (outcome instanceof GeneratorOutcome.Built b) {
            Block block = b.block();
            out.add(new Decision.Persist(new MeshRecord.BlockRecord(block)));
            out.add(new Decision.Persist(new MeshRecord.HareOutputRecord(layer, ids, block.id())));
            out.add(new Decision.HareBlock(layer, block.id(), Optional.of(block), false));
            out.addAll(certify(layer, block.id()));
        } else if (outcome instanceof GeneratorOutcome.Empty) {
            out.add(new Decision.Persist(new MeshRecord.HareOutputRecord(layer, List.of(), BlockId.ZERO)));
            out.add(new Decision.HareBlock(layer, BlockId.ZERO, Optional.empty(), false));
            out.addAll(certify(layer, BlockId.ZERO));
        } else if (outcome instanceof GeneratorOutcome.Optimistic o) {
            optimistic.put(layer, ids);
            out.add(new Decision.ExecuteOptimistic(o.metadata(), ids));
        } else if (outcome instanceof GeneratorOutcome.Failed f) {
            out.add(new Decision.Log("block: no block for layer " + layer.value() + ": " + f.reason() + " "
                    + f.detail()));
        }
        return out;
    }

    /** Registers the layer's output and sends this node's certify messages (delivered to itself by pubsub). */
    private List<Decision> certify(LayerId layer, BlockId id) {
        List<Decision> out = new ArrayList<>();
        certifier.register(layer, id).ifPresent(c -> out.add(new Decision.Persist(
                new MeshRecord.CertificateRecord(layer, c))));
        Optional<CertifierEligibility> eligibility = eligibility(layer);
        if (eligibility.isPresent()) {
            for (int i = 0; i < signers.size(); i++) {
                EdSigner signer = signers.get(i);
                eligibility.get().seats(vrfSigners.get(i), layer)
                        .map(s -> CertifyMessage.sign(signer, layer, id, s.count(), s.proof()))
                        .ifPresent(m -> out.add(new Decision.Publish(Topic.CERTIFY,
                                Bytes.wrap(Scale.encode(CertifyMessage.CODEC, m)))));
            }
        }
        return out;
    }

    private Optional<CertifierEligibility> eligibility(LayerId layer) {
        Beacon beacon = beacons.get(config.epochOf(layer));
        ActiveSetWeights weights = config.hareEpoch(layer).map(activeSets::get).orElse(null);
        if (beacon == null || weights == null) {
            return Optional.empty();
        }
        return Optional.of(new CertifierEligibility(beacon, new Weights(weights), config.cert().committeeSize()));
    }

    private static LayerId layerOf(Certificate c) {
        return c.signatures().get(0).layer();
    }

    /** Certifier weights of one epoch's active set. */
    private record Weights(ActiveSetWeights set) implements CertifierWeights {
        @Override
        public OptionalLong weight(NodeId id) {
            Long w = set.bySmesher().get(id);
            return w == null ? OptionalLong.empty() : OptionalLong.of(w);
        }

        @Override
        public long totalWeight() {
            return set.total();
        }
    }

    /** What the generator reads: ATXs of the epoch, stored ballots, transactions, the mesh hash of a layer. */
    private final class Sources implements BlockSources {
        @Override
        public Optional<AtxInfo> atx(EpochId epoch, AtxId id) {
            return atxs.atx(id).filter(a -> a.targetEpoch().equals(epoch))
                    .map(a -> new AtxInfo(a.smesher(), a.coinbase(), a.weight(), a.baseHeight()));
        }

        @Override
        public Optional<Ballot> ballot(BallotId id) {
            return store.ballot(id);
        }

        @Override
        public Optional<KnownTx> tx(TxId id) {
            return txs.tx(id);
        }

        @Override
        public Optional<Hash32> aggregatedHash(LayerId layer) {
            return store.layer(layer).flatMap(AppliedLayer::meshHash);
        }
    }
}
