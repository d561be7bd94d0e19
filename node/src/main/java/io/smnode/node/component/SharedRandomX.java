package io.smnode.node.component;

import io.smnode.post.k2pow.RandomX;
import io.smnode.post.k2pow.RandomXMode;

/**
 * One RandomX instance (light mode: its 256 MiB cache) for the whole node, made on first use by whichever worker
 * needs it — on that worker's dispatcher, not during start — and shared: every validator and the prover get their own
 * VM over it.
 */
public final class SharedRandomX {
    private RandomX randomX;

    public synchronized RandomX get() {
        if (randomX == null) {
            randomX = RandomX.forSpacemesh(RandomXMode.LIGHT, 1);
        }
        return randomX;
    }
}
