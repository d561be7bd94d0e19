package io.smnode.beacon;

import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.codec.ScaleCodecs;
import io.smnode.core.types.FixedBytes;
import io.smnode.core.util.Hex;
import io.smnode.core.vrf.VrfProof;
import java.util.Arrays;

/** A beacon proposal value: the first 4 bytes of the proposer's VRF proof (the reference's {@code Proposal}). */
public final class BeaconProposal extends FixedBytes {
    public static final int LENGTH = 4;
    public static final ScaleCodec<BeaconProposal> CODEC = ScaleCodecs.fixed(LENGTH, BeaconProposal::of);

    private BeaconProposal(byte[] bytes) {
        super(bytes, LENGTH);
    }

    /** @throws IllegalArgumentException when {@code bytes} is not exactly {@value #LENGTH} bytes */
    public static BeaconProposal of(byte[] bytes) {
        return new BeaconProposal(bytes);
    }

    public static BeaconProposal ofHex(String hex) {
        return new BeaconProposal(Hex.decode(hex));
    }

    public static BeaconProposal fromProof(VrfProof proof) {
        return new BeaconProposal(Arrays.copyOf(proof.toByteArray(), LENGTH));
    }
}
