package io.smnode.tortoise;

import io.smnode.core.types.AtxId;
import io.smnode.core.types.BallotId;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.NodeId;
import java.util.Objects;
import java.util.Optional;

/**
 * The part of a ballot the tortoise reads (the reference's BallotTortoiseData). A reference ballot carries
 * {@code epochData}; every other ballot of the smesher in the epoch points at it with {@code ref}.
 *
 * @param eligibilities number of eligibility proofs in this ballot (its weight multiplier)
 * @param malicious set when the ballot is already known to be malicious
 */
public record BallotInput(
        BallotId id,
        LayerId layer,
        NodeId smesher,
        AtxId atxId,
        long eligibilities,
        Opinion opinion,
        Optional<EpochData> epochData,
        Optional<BallotId> ref,
        boolean malicious) {

    public BallotInput {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(smesher, "smesher");
        Objects.requireNonNull(atxId, "atxId");
        Objects.requireNonNull(opinion, "opinion");
        Objects.requireNonNull(epochData, "epochData");
        Objects.requireNonNull(ref, "ref");
        if (eligibilities < 0 || eligibilities > 0xffff_ffffL) {
            throw new IllegalArgumentException("eligibilities out of uint32 range: " + eligibilities);
        }
    }
}
