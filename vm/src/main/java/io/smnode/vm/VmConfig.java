package io.smnode.vm;

import io.smnode.core.net.NetworkParams;
import io.smnode.core.types.Hash20;
import java.util.Objects;

/**
 * What the VM needs from the network: the genesis ID (transactions are signed over it), the block gas limit
 * (uint64 bits) and the epoch length (the subsidy curve starts at effective genesis {@code 2*layersPerEpoch-1}).
 */
public record VmConfig(Hash20 genesisId, long blockGasLimit, int layersPerEpoch) {
    public VmConfig {
        Objects.requireNonNull(genesisId, "genesisId");
        if (layersPerEpoch <= 0) {
            throw new IllegalArgumentException("layersPerEpoch must be positive: " + layersPerEpoch);
        }
    }

    public static VmConfig of(NetworkParams params, Hash20 genesisId) {
        return new VmConfig(genesisId, params.txs().blockGasLimit(), params.time().layersPerEpoch());
    }

    /** The first layer the VM applies. */
    public long effectiveGenesis() {
        return 2L * layersPerEpoch - 1;
    }
}
