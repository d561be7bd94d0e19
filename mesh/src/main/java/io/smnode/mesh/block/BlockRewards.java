package io.smnode.mesh.block;

import io.smnode.core.types.AtxId;
import io.smnode.core.types.EpochId;
import io.smnode.mesh.proposal.Ballot;
import io.smnode.mesh.proposal.EpochData;
import io.smnode.mesh.proposal.Proposal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The rewards and tick height of a block (go-spacemesh {@code blocks.rewardInfoAndHeight}): per proposal its ATX's
 * weight times its number of eligibility proofs over the epoch's eligibility count, as a reduced fraction; one
 * entry per ATX, sorted by ATX id; the tick height is the largest base height of those ATXs.
 */
final class BlockRewards {
    private BlockRewards() {}

    record Result(long tickHeight, List<AnyReward> rewards) {}

    static Result of(List<Proposal> proposals, BlockSources sources, int layersPerEpoch) throws BlockBuildException {
        TreeMap<AtxId, AnyReward> byAtx = new TreeMap<>();
        long maxHeight = 0;
        for (Proposal p : proposals) {
            Ballot ballot = p.ballot();
            AtxId atxId = ballot.inner().atxId();
            EpochId epoch = ballot.inner().layer().epoch(layersPerEpoch);
            AtxInfo atx = sources.atx(epoch, atxId).orElseThrow(() -> new BlockBuildException(
                    BlockFailure.UNKNOWN_ATX, "ATX " + atxId.hex() + " of proposal " + p.id().hex() + " in " + epoch));
            if (Long.compareUnsigned(atx.baseHeight(), maxHeight) > 0) {
                maxHeight = atx.baseHeight();
            }
            long count = eligibilityCount(ballot, sources);
            if (byAtx.containsKey(atxId)) {
                throw new BlockBuildException(BlockFailure.DUPLICATE_ATX,
                        "proposal " + p.id().hex() + " repeats ATX " + atxId.hex());
            }
            if (count == 0) {
                throw new BlockBuildException(BlockFailure.ZERO_ELIGIBILITY_COUNT, "proposal " + p.id().hex());
            }
            byAtx.put(atxId, reward(atxId, atx.weight(), count, ballot.eligibilityProofs().size()));
        }
        return new Result(maxHeight, new ArrayList<>(byAtx.values()));
    }

    /** {@code weight / count × proofs}, reduced; each part cut to its low 64 bits as Go's {@code Int.Uint64()}. */
    static AnyReward reward(AtxId atxId, long atxWeight, long eligibilityCount, int proofs) {
        BigInteger num = unsigned(atxWeight).multiply(BigInteger.valueOf(proofs));
        BigInteger den = unsigned(eligibilityCount);
        BigInteger gcd = num.gcd(den);
        if (gcd.signum() != 0) {
            num = num.divide(gcd);
            den = den.divide(gcd);
        }
        if (num.signum() == 0) {
            den = BigInteger.ONE; // big.Rat normalises zero to 0/1
        }
        return new AnyReward(atxId, num.longValue(), den.longValue());
    }

    private static long eligibilityCount(Ballot ballot, BlockSources sources) throws BlockBuildException {
        if (ballot.inner().epochData().isPresent()) {
            return ballot.inner().epochData().get().eligibilityCount();
        }
        var refId = ballot.inner().refBallot();
        Ballot ref = sources.ballot(refId).orElseThrow(() -> new BlockBuildException(
                BlockFailure.UNKNOWN_REFERENCE_BALLOT, "reference ballot " + refId.hex()));
        return ref.inner().epochData().map(EpochData::eligibilityCount).orElseThrow(() -> new BlockBuildException(
                BlockFailure.REFERENCE_BALLOT_WITHOUT_EPOCH_DATA, "reference ballot " + refId.hex()));
    }

    private static BigInteger unsigned(long v) {
        return new BigInteger(Long.toUnsignedString(v));
    }
}
