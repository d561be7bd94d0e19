package io.smnode.beacon;

import io.smnode.core.types.EpochId;
import io.smnode.core.vrf.VrfMessages;
import io.smnode.core.vrf.VrfOrder;
import io.smnode.core.vrf.VrfProof;

/**
 * The VRF messages of the beacon (spec 01 §6) and the two ways a proof is read: as a big-endian number against the
 * proposal threshold, and as a little-endian number for the weak coin's minimum.
 */
public final class BeaconVrf {

    private BeaconVrf() {}

    /** SCALE of {@code {type=1, vrfNonce, epoch}}. */
    public static byte[] proposalMessage(long vrfNonce, EpochId epoch) {
        return VrfMessages.beaconProposal(vrfNonce, epoch);
    }

    /** SCALE of {@code {type=4, vrfNonce, epoch, round, unit}}. */
    public static byte[] weakCoinMessage(long vrfNonce, EpochId epoch, long round, long unit) {
        return VrfMessages.beaconWeakCoin(vrfNonce, epoch, round, unit);
    }

    /** The reference's {@code VrfSignature.Cmp}: the 80 bytes as a little-endian number, scanned from the last byte. */
    public static int compareLittleEndian(VrfProof a, VrfProof b) {
        return VrfOrder.compareLittleEndian(a, b);
    }

    /** The weak coin of a proof: its least significant bit, {@code π[0] & 1}. */
    public static boolean coin(VrfProof proof) {
        return VrfOrder.coin(proof);
    }
}
