package io.smnode.tortoise;

import io.smnode.core.fixed.Fixed;
import io.smnode.core.types.Bytes;

/** Per-epoch totals (spec 05 §2). */
final class EpochInfo {
    /** Sum of weights of ATXs targeting the epoch whose smesher was not known malicious when they arrived. */
    Fixed weight = Fixed.ZERO;
    /** Median tick height of the epoch's non-malicious ATXs, fixed when its first layer is processed. */
    long height;
    /** Local beacon; null until known. */
    Bytes beacon;
}
