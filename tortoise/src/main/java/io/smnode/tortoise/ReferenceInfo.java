package io.smnode.tortoise;

import io.smnode.core.fixed.Fixed;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.NodeId;

/**
 * What a smesher's reference ballot fixes for all its ballots of the epoch.
 *
 * @param unitWeight atx weight / declared eligibilities, truncated once (the reference's DivUint64 of the ratio)
 * @param height the ATX's tick height
 */
record ReferenceInfo(NodeId smesher, AtxId atx, long expectedBallots, Bytes beacon, Fixed unitWeight, long height) {}
