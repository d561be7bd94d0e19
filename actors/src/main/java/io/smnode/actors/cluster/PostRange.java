package io.smnode.actors.cluster;

import io.smnode.post.init.InitConfig;

/**
 * One unit of remote PoST initialization: labels {@code [start, start + count)} of the identity {@code config}
 * describes. A descriptor, never the labels: the worker computes them and writes them to its own disk ({@code store}),
 * or only scans them for the VRF nonce past the data. Everything a worker needs is here: the identity and commitment
 * ATX (hence the commitment), scrypt N, the file layout and — from the total size — the nonce threshold.
 */
public record PostRange(InitConfig config, long start, int count, boolean store) {
    public PostRange {
        if (start < 0 || count < 1) {
            throw new IllegalArgumentException("a range needs start >= 0 and count >= 1, got " + start + ", " + count);
        }
        if (store && start + count > config.totalLabels()) {
            throw new IllegalArgumentException("a data range must lie within the " + config.totalLabels() + " labels");
        }
    }

    public long end() {
        return start + count;
    }

    @Override
    public String toString() {
        return (store ? "labels " : "nonce search ") + start + ".." + end() + " of " + config.nodeId().hex();
    }
}
