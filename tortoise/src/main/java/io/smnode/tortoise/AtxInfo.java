package io.smnode.tortoise;

import io.smnode.core.types.NodeId;
import java.util.Objects;

/**
 * What the tortoise needs of an activation: who made it, its weight and its tick height.
 *
 * @param weight non-negative (the reference refuses weights above int64)
 * @param malicious the ATX is already known to be malicious: kept out of the epoch median height (its weight is
 *     dropped only if its smesher was reported through {@link Tortoise#onMalfeasance} first, as in the reference)
 */
public record AtxInfo(NodeId node, long weight, long height, boolean malicious) {
    public AtxInfo {
        Objects.requireNonNull(node, "node");
        if (weight < 0) {
            throw new IllegalArgumentException("atx weight above int64: " + Long.toUnsignedString(weight));
        }
    }
}
