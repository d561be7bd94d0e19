package io.smnode.beacon;

import io.smnode.core.codec.CoreCodecs;
import io.smnode.core.codec.Scale;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.codec.ScaleCodecs;
import io.smnode.core.types.EpochId;
import java.util.List;

/**
 * {@code FirstVotingMessageBody{EpochID, ValidProposals, PotentiallyValidProposals}}, each list at most
 * {@value #MAX_PROPOSALS} entries. This is what BEACON_FIRST_MSG signs.
 */
public record FirstVotingBody(EpochId epoch, List<BeaconProposal> valid, List<BeaconProposal> potentiallyValid) {
    public static final int MAX_PROPOSALS = 1000;
    private static final ScaleCodec<List<BeaconProposal>> LIST = ScaleCodecs.structSlice(BeaconProposal.CODEC, MAX_PROPOSALS);

    public FirstVotingBody {
        valid = List.copyOf(valid);
        potentiallyValid = List.copyOf(potentiallyValid);
    }

    public static final ScaleCodec<FirstVotingBody> CODEC = ScaleCodec.of(
            (w, v) -> {
                w.field("EpochID", CoreCodecs.EPOCH_ID, v.epoch());
                w.field("ValidProposals", LIST, v.valid());
                w.field("PotentiallyValidProposals", LIST, v.potentiallyValid());
            },
            r -> new FirstVotingBody(
                    r.field("EpochID", CoreCodecs.EPOCH_ID),
                    r.field("ValidProposals", LIST),
                    r.field("PotentiallyValidProposals", LIST)));

    /** The signed bytes. */
    public byte[] encode() {
        return Scale.encode(CODEC, this);
    }
}
