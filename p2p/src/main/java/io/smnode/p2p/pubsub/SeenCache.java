package io.smnode.p2p.pubsub;

import io.smnode.core.types.Bytes;
import java.util.Arrays;

/**
 * Message ids seen in the last TTL (120 s in go-libp2p-pubsub), capped so that a flood of distinct messages cannot grow
 * it without bound (the oldest go first). Compact, because at thousands of messages a second it holds hundreds of
 * thousands of ids: each id is kept as a 64-bit fingerprint (the first 8 bytes of a 32-byte BLAKE3 id; a 64-bit
 * FNV-1a of any other id) in an open-addressing table, with a FIFO ring of (fingerprint, expiry) for eviction, about
 * 32 bytes an id. A false "seen" needs a 64-bit collision with an id of the last TTL.
 */
public final class SeenCache {
    private static final long EMPTY = 0;
    private final long ttl;
    private final int capacity;
    private long[] table = new long[1024];
    private long[] ringKeys = new long[256];
    private long[] ringExpiry = new long[256];
    private int head;
    private int size;

    public SeenCache(long ttl, int capacity) {
        this.ttl = ttl;
        this.capacity = capacity;
    }

    static long fingerprint(Bytes id) {
        long f = 0;
        if (id.length() == 32) {
            for (int i = 0; i < 8; i++) {
                f = (f << 8) | (id.get(i) & 0xFF);
            }
        } else {
            f = 0xcbf29ce484222325L;
            for (int i = 0; i < id.length(); i++) {
                f = (f ^ (id.get(i) & 0xFF)) * 0x100000001b3L;
            }
        }
        return f == EMPTY ? 1 : f;
    }

    /** Marks the id seen at {@code now}; false when it already was (within the TTL). */
    public boolean add(Bytes id, long now) {
        expire(now);
        long key = fingerprint(id);
        if (find(key) >= 0) {
            return false;
        }
        if (size == capacity) {
            removeOldest();
        }
        if ((size + 1) * 2 > table.length) {
            rehash(table.length * 2);
        }
        insert(key);
        if (size == ringKeys.length) {
            growRing();
        }
        int tail = (head + size) % ringKeys.length;
        ringKeys[tail] = key;
        ringExpiry[tail] = now + ttl;
        size++;
        return true;
    }

    public boolean contains(Bytes id, long now) {
        expire(now);
        return find(fingerprint(id)) >= 0;
    }

    public void expire(long now) {
        while (size > 0 && ringExpiry[head] <= now) {
            removeOldest();
        }
    }

    public int size() {
        return size;
    }

    private void removeOldest() {
        delete(ringKeys[head]);
        head = (head + 1) % ringKeys.length;
        size--;
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 40) & (table.length - 1);
    }

    private int find(long key) {
        int mask = table.length - 1;
        for (int i = slot(key); table[i] != EMPTY; i = (i + 1) & mask) {
            if (table[i] == key) {
                return i;
            }
        }
        return -1;
    }

    private void insert(long key) {
        int mask = table.length - 1;
        int i = slot(key);
        while (table[i] != EMPTY) {
            i = (i + 1) & mask;
        }
        table[i] = key;
    }

    /** Linear-probing deletion with backward shift, so lookups never need tombstones. */
    private void delete(long key) {
        int i = find(key);
        if (i < 0) {
            return;
        }
        int mask = table.length - 1;
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            if (table[j] == EMPTY) {
                break;
            }
            int home = slot(table[j]);
            // Move table[j] back to the hole at i unless its home lies cyclically in (i, j].
            boolean stays = i <= j ? (i < home && home <= j) : (i < home || home <= j);
            if (!stays) {
                table[i] = table[j];
                i = j;
            }
        }
        table[i] = EMPTY;
    }

    private void rehash(int newLength) {
        long[] old = table;
        table = new long[newLength];
        for (long k : old) {
            if (k != EMPTY) {
                insert(k);
            }
        }
    }

    private void growRing() {
        int n = ringKeys.length;
        long[] keys = new long[n * 2];
        long[] exp = new long[n * 2];
        for (int i = 0; i < size; i++) {
            keys[i] = ringKeys[(head + i) % n];
            exp[i] = ringExpiry[(head + i) % n];
        }
        ringKeys = keys;
        ringExpiry = exp;
        head = 0;
        Arrays.fill(keys, size, keys.length, 0);
    }
}
