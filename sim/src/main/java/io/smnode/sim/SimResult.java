package io.smnode.sim;

import io.smnode.core.hash.Blake3;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.NodeId;
import io.smnode.core.types.ProposalId;
import io.smnode.hare.HareEquivocation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A finished run: per layer, every node's {@link NodeLayerResult} and the digest of that layer's network schedule;
 * the evidence each node holds; and the run log, the text that two runs with the same seed reproduce byte for byte.
 */
public record SimResult(SimConfig config, List<LayerLog> layers, List<Map<NodeId, HareEquivocation>> evidence,
        List<NodeId> ids, long deliveries, List<Map<Long, ProposalId>> proposals) {

    /** One layer: each node's result (by node index) and the digest of the deliveries made during the layer. */
    public record LayerLog(LayerId layer, List<NodeLayerResult> nodes, Hash32 schedule) {
        public LayerLog {
            Objects.requireNonNull(layer, "layer");
            nodes = List.copyOf(nodes);
            Objects.requireNonNull(schedule, "schedule");
        }
    }

    public SimResult {
        layers = List.copyOf(layers);
        evidence = evidence.stream().map(Map::copyOf).toList();
        ids = List.copyOf(ids);
        proposals = proposals.stream().map(Map::copyOf).toList();
    }

    /** The proposal node {@code node} made for {@code layer} (its id hashes its content, so runs differ). */
    public ProposalId proposal(int node, long layer) {
        ProposalId id = proposals.get(node).get(layer);
        if (id == null) {
            throw new IllegalArgumentException("node " + node + " made no proposal in layer " + layer);
        }
        return id;
    }

    /** The run log: one line per layer with its schedule digest, then one line per node. */
    public String log() {
        StringBuilder b = new StringBuilder();
        for (LayerLog l : layers) {
            b.append("layer=").append(l.layer().value()).append(" schedule=").append(l.schedule().hex()).append('\n');
            l.nodes().forEach(n -> b.append("  ").append(n.line()).append('\n'));
        }
        return b.toString();
    }

    public byte[] logBytes() {
        return log().getBytes(StandardCharsets.UTF_8);
    }

    public Hash32 logDigest() {
        return Blake3.hash(logBytes());
    }

    public LayerLog layer(long layer) {
        return layers.stream().filter(l -> l.layer().value() == layer).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("layer " + layer + " not in the run"));
    }

    /** The results of nodes that behaved honestly. */
    public List<NodeLayerResult> honest(long layer) {
        return layer(layer).nodes().stream().filter(n -> n.behaviour() == Behaviour.HONEST).toList();
    }

    /** All honest nodes output the same hare result for the layer (and none failed). */
    public boolean hareAgreement(long layer) {
        List<NodeLayerResult> h = honest(layer);
        return h.get(0).hare().isPresent() && h.stream().allMatch(n -> n.hare().equals(h.get(0).hare()));
    }

    /**
     * All honest nodes agree on the layer's hare output, have verified every layer before it, and hold the same
     * opinion of the history up to the previous layer.
     */
    public boolean converged(long layer) {
        List<NodeLayerResult> h = honest(layer);
        return hareAgreement(layer) && h.stream().allMatch(NodeLayerResult::upToDate)
                && h.stream().allMatch(n -> n.opinion().isPresent() && n.opinion().equals(h.get(0).opinion()));
    }

    /**
     * Layers after {@code faultEnd} (exclusive end of the fault) until the run converged for good: 0 when the
     * first layer after the fault already converged and every later one did; -1 when the last layer did not.
     */
    public long healLayers(long faultEnd) {
        long last = layers.get(layers.size() - 1).layer().value();
        if (!converged(last)) {
            return -1;
        }
        long first = last;
        long floor = Math.max(faultEnd, layers.get(0).layer().value());
        while (first - 1 >= floor && converged(first - 1)) {
            first--;
        }
        return first - floor;
    }
}
