package io.smnode.vm;

import io.smnode.core.types.Address;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.NodeId;

/** A paid reward: {@code totalReward} credited, of which {@code layerReward} is subsidy (uint64 bits). */
public record RewardRecord(LayerId layer, Address coinbase, NodeId smesher, long totalReward, long layerReward) {}
