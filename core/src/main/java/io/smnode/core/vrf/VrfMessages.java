package io.smnode.core.vrf;

import io.smnode.core.codec.ScaleWriter;
import io.smnode.core.types.Beacon;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.LayerId;

/**
 * The messages every eligibility VRF signs (spec 01 §6): the SCALE of a struct that starts with the EligibilityType
 * (compact u16). No genesis prefix or domain byte: the type keeps the uses apart. One place for all four, so hare,
 * certificates, ballots and the beacon cannot drift apart.
 */
public final class VrfMessages {
    public static final int BEACON = 1;
    public static final int HARE = 2;
    public static final int VOTING = 3;
    public static final int BEACON_WEAK_COIN = 4;

    private VrfMessages() {}

    /** Beacon proposal: {@code {type=1, vrfNonce u64, epoch u32}}. */
    public static byte[] beaconProposal(long vrfNonce, EpochId epoch) {
        ScaleWriter w = new ScaleWriter();
        w.writeCompactU16(BEACON);
        w.writeCompactU64(vrfNonce);
        w.writeCompactU32(epoch.value());
        return w.toByteArray();
    }

    /** Hare round (and block certification, with its fixed round): {@code {type=2, beacon[4], round u32, layer u32}}. */
    public static byte[] hare(Beacon beacon, long round, LayerId layer) {
        ScaleWriter w = new ScaleWriter();
        w.writeCompactU16(HARE);
        w.writeFixed(beacon);
        w.writeCompactU32(round);
        w.writeCompactU32(layer.value());
        return w.toByteArray();
    }

    /** Ballot eligibility slot: {@code {type=3, beacon[4], epoch u32, vrfNonce u64, counter u32}}. */
    public static byte[] voting(Beacon beacon, EpochId epoch, long vrfNonce, long counter) {
        ScaleWriter w = new ScaleWriter();
        w.writeCompactU16(VOTING);
        w.writeFixed(beacon);
        w.writeCompactU32(epoch.value());
        w.writeCompactU64(vrfNonce);
        w.writeCompactU32(counter);
        return w.toByteArray();
    }

    /** Beacon weak coin: {@code {type=4, vrfNonce u64, epoch u32, round u32, unit u32}}. */
    public static byte[] beaconWeakCoin(long vrfNonce, EpochId epoch, long round, long unit) {
        ScaleWriter w = new ScaleWriter();
        w.writeCompactU16(BEACON_WEAK_COIN);
        w.writeCompactU64(vrfNonce);
        w.writeCompactU32(epoch.value());
        w.writeCompactU32(round);
        w.writeCompactU32(unit);
        return w.toByteArray();
    }
}
