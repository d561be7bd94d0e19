package io.smnode.p2p.pubsub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.types.Bytes;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeenCacheTest {
    private static Bytes id(int n) {
        return GossipRouter.messageId("t", Bytes.wrap(Integer.toString(n).getBytes()));
    }

    @Test
    void idsExpireAfterTheTtl() {
        SeenCache c = new SeenCache(100, 1000);
        assertTrue(c.add(id(1), 0));
        assertFalse(c.add(id(1), 50));
        assertTrue(c.contains(id(1), 99));
        assertFalse(c.contains(id(1), 100));
        assertTrue(c.add(id(1), 100));
    }

    @Test
    void theCapEvictsTheOldestFirst() {
        SeenCache c = new SeenCache(1_000_000, 3);
        for (int i = 0; i < 4; i++) {
            c.add(id(i), i);
        }
        assertEquals(3, c.size());
        assertFalse(c.contains(id(0), 10));
        assertTrue(c.contains(id(1), 10) && c.contains(id(3), 10));
    }

    @Test
    void agreesWithAPlainSetUnderChurn() {
        // Many inserts and expiries through table growth, ring wrap-around and backward-shift deletions.
        SeenCache c = new SeenCache(500, 20_000);
        Random rng = new Random(3);
        java.util.ArrayDeque<long[]> model = new java.util.ArrayDeque<>();
        Set<Integer> live = new HashSet<>();
        for (int now = 0; now < 50_000; now++) {
            while (!model.isEmpty() && model.peek()[1] <= now) {
                live.remove((int) model.poll()[0]);
            }
            int n = rng.nextInt(3000);
            boolean fresh = !live.contains(n);
            assertEquals(fresh, c.add(id(n), now), "id " + n + " at " + now);
            if (fresh) {
                live.add(n);
                model.add(new long[] {n, now + 500});
            }
            assertEquals(live.size(), c.size());
        }
    }

    @Test
    void nonBlake3IdsAreFingerprintedWhole() {
        SeenCache c = new SeenCache(100, 10);
        assertTrue(c.add(Bytes.ofHex("0102"), 0));
        assertTrue(c.add(Bytes.ofHex("0103"), 0));
        assertFalse(c.add(Bytes.ofHex("0102"), 1));
    }
}
