package io.smnode.beacon;

import io.smnode.core.net.GenesisConfig;
import io.smnode.core.types.Beacon;
import io.smnode.core.types.EpochId;

/**
 * Fallback (c) of spec 03 §1: a standalone node (and tests) has no bootstrap server and no earlier epoch to run
 * the protocol in, so it sets the first beacon it needs, that of epoch 2, to the genesis id's first 4 bytes.
 */
public final class StandaloneBeacon {
    /** The effective-genesis epoch + 1: the first epoch whose ballots need a beacon. */
    public static final EpochId EPOCH = EpochId.of(2);

    private StandaloneBeacon() {}

    public static Beacon of(GenesisConfig genesis) {
        return Beacon.of(genesis.standaloneBeacon().toByteArray());
    }
}
