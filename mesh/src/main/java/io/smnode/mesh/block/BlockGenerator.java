package io.smnode.mesh.block;

import io.smnode.core.hash.Blake3;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.ProposalId;
import io.smnode.core.types.TxId;
import io.smnode.mesh.proposal.Proposal;
import io.smnode.vm.order.BlockTxOrder;
import io.smnode.vm.order.OrderCandidate;
import io.smnode.vm.tx.TxHeader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a hare output into a block exactly as go-spacemesh's {@code blocks.Generator} (spec 06 §1): rewards and tick
 * height from the proposals' ATXs, the union of their transactions, the mesh-hash vote that switches optimistic
 * mode on, the consensus transaction order ({@link BlockTxOrder}) and, when not optimistic, pruning to the block
 * gas limit. Pure: everything it reads comes through {@link BlockSources}.
 */
public final class BlockGenerator {
    private final BlockConfig config;
    private final int layersPerEpoch;

    public BlockGenerator(BlockConfig config, int layersPerEpoch) {
        this.config = Objects.requireNonNull(config, "config");
        if (layersPerEpoch <= 0) {
            throw new IllegalArgumentException("layersPerEpoch must be positive: " + layersPerEpoch);
        }
        this.layersPerEpoch = layersPerEpoch;
    }

    /**
     * The outcome for the hare output of {@code layer}: the agreed proposals, already fetched (their order does not
     * matter for the result).
     */
    public GeneratorOutcome generate(LayerId layer, List<Proposal> proposals, BlockSources sources) {
        if (proposals.isEmpty()) {
            return new GeneratorOutcome.Empty(layer);
        }
        try {
            BlockMetadata md = metadata(layer, proposals, sources);
            return md.optimistic() ? new GeneratorOutcome.Optimistic(md) : new GeneratorOutcome.Built(md.block());
        } catch (BlockBuildException e) {
            return new GeneratorOutcome.Failed(layer, e.reason(), e.getMessage());
        }
    }

    /** The reference's {@code getProposalMetadata}, step by step in its order. */
    BlockMetadata metadata(LayerId layer, List<Proposal> proposals, BlockSources sources) throws BlockBuildException {
        BlockRewards.Result rewards = BlockRewards.of(proposals, sources, layersPerEpoch);
        Map<TxId, BlockTxSelection.Candidate> union = new LinkedHashMap<>();
        Map<Hash32, Long> votes = new LinkedHashMap<>();
        long total = 0;
        for (Proposal p : proposals) {
            int proofs = p.ballot().eligibilityProofs().size();
            total += proofs;
            votes.merge(p.meshHash(), (long) proofs, Long::sum);
            for (TxId id : p.txIds()) {
                if (!union.containsKey(id)) {
                    union.put(id, candidate(id, sources));
                }
            }
        }
        boolean optimistic = meshHashMajority(layer, votes, total, sources);
        List<TxId> txIds = List.of();
        if (!union.isEmpty()) {
            byte[] seed = seed(proposals.stream().map(Proposal::id).toList());
            txIds = orderedTxs(new ArrayList<>(union.values()), seed, optimistic ? 0 : config.blockGasLimit());
        }
        return new BlockMetadata(layer, rewards.tickHeight(), rewards.rewards(), txIds, optimistic);
    }

    private static BlockTxSelection.Candidate candidate(TxId id, BlockSources sources) throws BlockBuildException {
        KnownTx tx = sources.tx(id).orElseThrow(
                () -> new BlockBuildException(BlockFailure.TX_MISSING, "transaction " + id.hex()));
        TxHeader header = tx.header().orElseThrow(
                () -> new BlockBuildException(BlockFailure.TX_HEADER_MISSING, "transaction " + id.hex()));
        return new BlockTxSelection.Candidate(tx, header);
    }

    /**
     * Whether a mesh hash other than the zero hash holds at least {@code optFilterThreshold}% of the proofs; if
     * so it must be this node's aggregated hash of the previous layer (else no block) and the layer is optimistic.
     */
    private boolean meshHashMajority(LayerId layer, Map<Hash32, Long> votes, long total, BlockSources sources)
            throws BlockBuildException {
        long majority = config.optFilterThreshold() * total;
        Optional<Hash32> agreed = Optional.empty();
        for (Map.Entry<Hash32, Long> e : votes.entrySet()) {
            // With a threshold above 50 at most one hash can qualify, so the reference's map order does not matter.
            if (!e.getKey().equals(Hash32.ZERO) && e.getValue() * 100 >= majority) {
                agreed = Optional.of(e.getKey());
            }
        }
        if (agreed.isEmpty()) {
            return false;
        }
        LayerId previous = layer.sub(1);
        Hash32 own = sources.aggregatedHash(previous).orElseThrow(() -> new BlockBuildException(
                BlockFailure.OWN_MESH_HASH_UNKNOWN, "no aggregated hash for layer " + previous));
        if (!own.equals(agreed.get())) {
            throw new BlockBuildException(BlockFailure.BAD_MESH_HASH,
                    "majority " + agreed.get().hex() + ", node " + own.hex());
        }
        return true;
    }

    /** The block seed: BLAKE3 of the sorted proposal ids, each widened to 32 bytes. */
    public static byte[] seed(List<ProposalId> proposals) {
        List<ProposalId> sorted = new ArrayList<>(proposals);
        sorted.sort(null);
        Blake3 hasher = new Blake3();
        for (ProposalId id : sorted) {
            hasher.update(id.bytes32());
        }
        return hasher.digest32().toByteArray();
    }

    /** Selection, the consensus shuffle, then gas pruning (skipped for a zero limit, as for optimistic blocks). */
    private static List<TxId> orderedTxs(List<BlockTxSelection.Candidate> union, byte[] seed, long gasLimit) {
        List<OrderCandidate> kept = BlockTxSelection.select(union, seed);
        if (kept.isEmpty()) {
            return List.of();
        }
        List<TxId> order = BlockTxOrder.order(seed, kept);
        if (gasLimit == 0) {
            return order;
        }
        Map<TxId, OrderCandidate> byId = new HashMap<>();
        kept.forEach(c -> byId.put(c.id(), c));
        List<OrderCandidate> ordered = order.stream().map(byId::get).toList();
        return BlockTxOrder.pruneByGas(ordered, gasLimit).stream().map(OrderCandidate::id).toList();
    }
}
