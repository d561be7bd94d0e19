package io.smnode.mesh.beacon;

import io.smnode.core.codec.CoreCodecs;
import io.smnode.core.codec.Scale;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.codec.ScaleCodecs;
import io.smnode.core.types.EpochId;
import io.smnode.core.vrf.VrfProof;

/**
 * The VRF messages of the beacon (spec 01 §6) and the two ways a proof is read: as a big-endian number against the
 * proposal threshold, and as a little-endian number for the weak coin's minimum.
 */
public final class BeaconVrf {
    /** EligibilityType values in the VRF messages. */
    static final int BEACON = 1;
    static final int BEACON_WEAK_COIN = 4;

    private BeaconVrf() {}

    /** SCALE of {@code {type=1, vrfNonce, epoch}}. */
    public static byte[] proposalMessage(long vrfNonce, EpochId epoch) {
        return Scale.encode(PROPOSAL, new ProposalInput(vrfNonce, epoch));
    }

    /** SCALE of {@code {type=4, vrfNonce, epoch, round, unit}}. */
    public static byte[] weakCoinMessage(long vrfNonce, EpochId epoch, long round, long unit) {
        return Scale.encode(WEAK_COIN, new WeakCoinInput(vrfNonce, epoch, round, unit));
    }

    /** The reference's {@code VrfSignature.Cmp}: the 80 bytes as a little-endian number, scanned from the last byte. */
    public static int compareLittleEndian(VrfProof a, VrfProof b) {
        for (int i = VrfProof.LENGTH - 1; i >= 0; i--) {
            int c = Integer.compare(a.get(i) & 0xff, b.get(i) & 0xff);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** The weak coin of a proof: its least significant bit, {@code π[0] & 1}. */
    public static boolean coin(VrfProof proof) {
        return (proof.get(0) & 1) == 1;
    }

    private record ProposalInput(long nonce, EpochId epoch) {}

    private record WeakCoinInput(long nonce, EpochId epoch, long round, long unit) {}

    private static final ScaleCodec<ProposalInput> PROPOSAL = ScaleCodec.of(
            (w, v) -> {
                w.field("Type", ScaleCodecs.COMPACT_U16, BEACON);
                w.field("Nonce", ScaleCodecs.COMPACT_U64, v.nonce());
                w.field("Epoch", CoreCodecs.EPOCH_ID, v.epoch());
            },
            r -> {
                r.field("Type", ScaleCodecs.COMPACT_U16);
                return new ProposalInput(r.field("Nonce", ScaleCodecs.COMPACT_U64), r.field("Epoch", CoreCodecs.EPOCH_ID));
            });

    private static final ScaleCodec<WeakCoinInput> WEAK_COIN = ScaleCodec.of(
            (w, v) -> {
                w.field("Type", ScaleCodecs.COMPACT_U16, BEACON_WEAK_COIN);
                w.field("Nonce", ScaleCodecs.COMPACT_U64, v.nonce());
                w.field("Epoch", CoreCodecs.EPOCH_ID, v.epoch());
                w.field("Round", ScaleCodecs.COMPACT_U32, v.round());
                w.field("Unit", ScaleCodecs.COMPACT_U32, v.unit());
            },
            r -> {
                r.field("Type", ScaleCodecs.COMPACT_U16);
                return new WeakCoinInput(r.field("Nonce", ScaleCodecs.COMPACT_U64), r.field("Epoch", CoreCodecs.EPOCH_ID),
                        r.field("Round", ScaleCodecs.COMPACT_U32), r.field("Unit", ScaleCodecs.COMPACT_U32));
            });
}
