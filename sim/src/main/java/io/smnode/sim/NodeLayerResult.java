package io.smnode.sim;

import io.smnode.core.types.Hash32;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.ProposalId;
import io.smnode.hare.ProposalSets;
import io.smnode.tortoise.Mode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One node's view after tallying {@code layer}: its hare output for the layer (empty when its session ended without
 * agreement), the tortoise's highest contiguous verified layer, its mode, the opinion (mesh hash) it holds for
 * the layer before, which chains every earlier layer's decision, and the VM state hash it applied for the layer
 * (empty while the layer is not applied).
 */
public record NodeLayerResult(LayerId layer, int node, Behaviour behaviour, Optional<List<ProposalId>> hare,
        LayerId verified, Mode mode, Optional<Hash32> opinion, Optional<Hash32> state) {
    public NodeLayerResult {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(behaviour, "behaviour");
        hare = hare.map(List::copyOf);
        Objects.requireNonNull(verified, "verified");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(opinion, "opinion");
        Objects.requireNonNull(state, "state");
    }

    /** Whether the tortoise has verified every layer before this one. */
    public boolean upToDate() {
        return verified.value() >= layer.value() - 1;
    }

    /** One line of the run log. */
    public String line() {
        String h = hare.map(p -> p.size() + ":" + ProposalSets.hash(p).hex().substring(0, 12)).orElse("none");
        String o = opinion.map(x -> x.hex().substring(0, 12)).orElse("-");
        String st = state.map(x -> x.hex().substring(0, 12)).orElse("-");
        return "layer=" + layer.value() + " node=" + node + " " + behaviour + " hare=" + h + " verified="
                + verified.value() + " mode=" + mode + " opinion=" + o + " state=" + st;
    }
}
