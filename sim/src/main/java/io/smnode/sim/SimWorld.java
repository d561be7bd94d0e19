package io.smnode.sim;

import io.smnode.core.signing.EdSigner;
import io.smnode.core.signing.EdVerifier;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.NodeId;
import io.smnode.mesh.pipeline.AtxReads;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * What every node knows from genesis: the identities with their weights and coinbases, one ATX per node and epoch
 * (the same weight every epoch; tick height {@code 10·epoch}, base height ten less), the epoch's active set (all of
 * them), beacons, and the virtual times of layers. The ATX and beacon protocols are not simulated: this world is
 * the ATX index and the bootstrap beacon of every node.
 */
final class SimWorld implements AtxReads {
    final SimConfig config;
    final List<EdSigner> signers;
    final List<NodeId> ids;
    final EdVerifier verifier = new EdVerifier(SimIds.GENESIS_PREFIX);
    private final Map<AtxId, Atx> atxs = new HashMap<>();

    SimWorld(SimConfig config) {
        this.config = config;
        this.signers = IntStream.range(0, config.nodes())
                .mapToObj(i -> EdSigner.fromSeed(SimIds.identitySeed(i), SimIds.GENESIS_PREFIX)).toList();
        this.ids = signers.stream().map(EdSigner::nodeId).toList();
    }

    long epochOf(long layer) {
        return layer / config.tortoise().layersPerEpoch();
    }

    /** ATX tick height of epoch {@code epoch} (all nodes alike; blocks are at the base height, below every ATX). */
    long atxHeight(long epoch) {
        return 10 * epoch;
    }

    /** Virtual start time of {@code layer}; the first simulated layer starts at 0. */
    long layerStart(long layer) {
        return (layer - config.firstLayer()) * config.layerMillis();
    }

    Instant layerTime(LayerId layer) {
        return Instant.ofEpochMilli(layerStart(layer.value()));
    }

    /** The layer in progress at virtual time {@code t}. */
    LayerId layerAt(long t) {
        return LayerId.of(config.firstLayer() + Math.floorDiv(t, config.layerMillis()));
    }

    int indexOf(NodeId id) {
        return ids.indexOf(id);
    }

    /** Node {@code i}'s ATX targeting {@code epoch}. */
    Atx atxOf(int node, long epoch) {
        return atxs.computeIfAbsent(SimIds.atx(node, epoch), id -> new Atx(id, ids.get(node), EpochId.of(epoch),
                SimIds.coinbase(node), config.weights().get(node), atxHeight(epoch) - 10, atxHeight(epoch), node, 1));
    }

    /** The active set of an epoch: every node's ATX. */
    List<AtxId> activeSet(long epoch) {
        List<AtxId> set = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            set.add(atxOf(i, epoch).id());
        }
        return set;
    }

    @Override
    public Optional<Atx> atx(AtxId id) {
        return Optional.ofNullable(atxs.get(id));
    }

    @Override
    public Optional<Atx> atxOf(NodeId smesher, EpochId epoch) {
        int i = indexOf(smesher);
        return i < 0 ? Optional.empty() : Optional.of(atxOf(i, epoch.value()));
    }

    @Override
    public List<Atx> targeting(EpochId epoch) {
        List<Atx> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            out.add(atxOf(i, epoch.value()));
        }
        out.sort((a, b) -> a.id().compareTo(b.id()));
        return out;
    }
}
