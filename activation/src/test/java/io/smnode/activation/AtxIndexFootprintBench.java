package io.smnode.activation;

import io.smnode.core.types.Address;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.NodeId;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Random;

/**
 * Bytes per ATX the {@link AtxIndex} holds when v1 and v2 ATXs share it: headers as the two validators derive them
 * (a v2 ATX, merged or solo, enters once, under its signer) are added to an index sized for them, and the figure
 * is printed both as counted by {@link AtxIndex#footprintBytes()} and as measured on the heap after GC. Run:
 * {@code java -cp <test classpath> io.smnode.activation.AtxIndexFootprintBench [atxs]} (default 1 000 000).
 */
public final class AtxIndexFootprintBench {
    private AtxIndexFootprintBench() {}

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Random random = new Random(1);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = usedAfterGc(memory);
        AtxIndex index = new AtxIndex(n);
        for (int i = 0; i < n; i++) {
            boolean v2 = i % 2 == 1;
            // A v2 header: no sequence, the units summed over the set, the weight summed over the NIPoSTs.
            AtxHeader h = new AtxHeader(AtxId.of(bytes(random, 32)), EpochId.of(45), v2 ? 0 : i,
                    AtxId.of(bytes(random, 32)), Address.of(bytes(random, 24)), v2 ? 8 : 4, random.nextLong(),
                    random.nextInt(1000), random.nextLong(), NodeId.of(bytes(random, 32)), random.nextLong(),
                    AtxHeader.Validity.VALID);
            index.add(h, false);
        }
        long measured = usedAfterGc(memory) - before;
        System.out.printf("AtxIndex with %d ATXs (half v1, half v2): %.1f bytes/ATX counted, %.1f measured on the "
                + "heap%n", n, (double) index.footprintBytes() / n, (double) measured / n);
        if (index.size() != n) {
            throw new IllegalStateException("expected " + n + " ATXs, got " + index.size());
        }
    }

    private static byte[] bytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
