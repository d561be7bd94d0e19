package io.smnode.vm.rewards;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * How a layer's subsidy and fees are shared among the block's coinbases (go-spacemesh {@code genvm/rewards.go}):
 * share_i = w_i / sum(w) exactly, total_i = floor((subsidy + fees) * share_i), layer_i = floor(subsidy * share_i).
 * What the floors leave over is burnt.
 */
public final class RewardSplit {
    /** One coinbase's part: what it receives and the part of that which is subsidy (recorded, not paid twice). */
    public record Share(long totalReward, long layerReward) {}

    private RewardSplit() {}

    /**
     * The shares, in the order of {@code weights}. {@code subsidy + fees} wraps as the reference's uint64 sum does.
     *
     * @throws ArithmeticException when a share does not fit a uint64 (the reference fails the layer then)
     */
    public static List<Share> split(long subsidy, long fees, List<Weight> weights) {
        long total = subsidy + fees;
        // Sum of fractions kept as one exact fraction.
        BigInteger sumNum = BigInteger.ZERO;
        BigInteger sumDen = BigInteger.ONE;
        for (Weight w : weights) {
            sumNum = sumNum.multiply(w.denominator()).add(w.numerator().multiply(sumDen));
            sumDen = sumDen.multiply(w.denominator());
        }
        List<Share> shares = new ArrayList<>(weights.size());
        for (Weight w : weights) {
            // w / sum = (wn * sumDen) / (wd * sumNum)
            BigInteger num = w.numerator().multiply(sumDen);
            BigInteger den = w.denominator().multiply(sumNum);
            shares.add(new Share(floorTimes(total, num, den), floorTimes(subsidy, num, den)));
        }
        return List.copyOf(shares);
    }

    private static long floorTimes(long unsignedAmount, BigInteger num, BigInteger den) {
        BigInteger result = new BigInteger(Long.toUnsignedString(unsignedAmount)).multiply(num).divide(den);
        if (result.bitLength() > Long.SIZE) {
            throw new ArithmeticException("reward overflows uint64: " + result);
        }
        return result.longValue();
    }
}
