package io.smnode.p2p.pubsub;

import io.smnode.core.types.Bytes;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Message ids seen in the last TTL (120 s in go-libp2p-pubsub), in arrival order so expiry walks from the oldest;
 * capped so that a flood of distinct messages cannot grow it without bound (the oldest go first).
 */
public final class SeenCache {
    private final long ttl;
    private final int capacity;
    private final LinkedHashMap<Bytes, Long> seen = new LinkedHashMap<>();

    public SeenCache(long ttl, int capacity) {
        this.ttl = ttl;
        this.capacity = capacity;
    }

    /** Marks the id seen at {@code now}; false when it already was (within the TTL). */
    public boolean add(Bytes id, long now) {
        expire(now);
        if (seen.containsKey(id)) {
            return false;
        }
        seen.put(id, now + ttl);
        if (seen.size() > capacity) {
            Iterator<Bytes> it = seen.keySet().iterator();
            it.next();
            it.remove();
        }
        return true;
    }

    public boolean contains(Bytes id, long now) {
        expire(now);
        return seen.containsKey(id);
    }

    public void expire(long now) {
        for (Iterator<Map.Entry<Bytes, Long>> it = seen.entrySet().iterator(); it.hasNext(); ) {
            if (it.next().getValue() > now) {
                return;
            }
            it.remove();
        }
    }

    public int size() {
        return seen.size();
    }
}
