package io.smnode.tortoise;

import java.util.HashMap;
import java.util.Map;

/** What a mesh keeps of the tortoise's updates in these tests: the latest record per layer, applied in order. */
final class Mesh {
    final Map<Long, LayerUpdate> layers = new HashMap<>();

    void apply(Tortoise t) {
        for (LayerUpdate u : t.updates()) {
            layers.put(u.layer().value(), u);
            t.onApplied(u.layer(), u.opinion());
        }
    }

    long validBlocks(long layer) {
        return layers.get(layer).blocks().stream().filter(BlockResult::valid).count();
    }
}
