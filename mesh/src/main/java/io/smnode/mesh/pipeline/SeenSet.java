package io.smnode.mesh.pipeline;

import io.smnode.core.hash.Blake3;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.LayerId;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The gossip seen-set: {@code BLAKE3(topic ‖ payload)} of every message handled or sent (gossipsub's message id, spec
 * 07 §1), so a duplicate costs one hash and no validation. Entries expire with the layer they were seen in: a copy
 * arriving later than {@code keepLayers} layers after the first is handled again (and then refused by the stores).
 */
public final class SeenSet {
    private final int keepLayers;
    private final TreeMap<LayerId, Set<Hash32>> byLayer = new TreeMap<>();
    private final Map<Hash32, LayerId> seen = new java.util.HashMap<>();

    public SeenSet(int keepLayers) {
        if (keepLayers < 1) {
            throw new IllegalArgumentException("keepLayers must be positive: " + keepLayers);
        }
        this.keepLayers = keepLayers;
    }

    /** The message id of {@code payload} on {@code topic}. */
    public static Hash32 id(Topic topic, Bytes payload) {
        return Blake3.hash(topic.wireName().getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                payload.toByteArray());
    }

    /** True the first time {@code payload} is seen on {@code topic} (until it expires); it is then remembered. */
    public boolean firstTime(Topic topic, Bytes payload, LayerId current) {
        Hash32 id = id(topic, payload);
        if (seen.containsKey(id)) {
            return false;
        }
        seen.put(id, current);
        byLayer.computeIfAbsent(current, l -> new HashSet<>()).add(id);
        return true;
    }

    /** Forgets what was first seen more than {@code keepLayers} layers before {@code current}. */
    public void expire(LayerId current) {
        if (current.value() <= keepLayers) {
            return;
        }
        Map<LayerId, Set<Hash32>> old = byLayer.headMap(current.sub(keepLayers), false);
        old.values().forEach(ids -> ids.forEach(seen::remove));
        old.clear();
    }

    public int size() {
        return seen.size();
    }
}
