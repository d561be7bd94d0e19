package io.smnode.vm.rewards;

import io.smnode.core.types.LayerId;
import java.math.BigDecimal;

/**
 * The block subsidy curve (spacemeshos/economics {@code rewards}): the subsidy accumulated after {@code n} layers past
 * the original effective genesis is {@code floor(TotalSubsidy * (1 - e^(-lambda (n+1))))}, every step in 34-digit
 * decimal arithmetic (see {@link GoDecimal}), and a layer's subsidy is the difference of two consecutive totals.
 * The curve counts layers, not time, so it is the same on every network.
 */
public final class Issuance {
    public static final long ONE_SMESH = 1_000_000_000L;
    public static final long ONE_YEAR_LAYERS = 105_120;
    public static final long TOTAL_VAULTED = 150_000_000L * ONE_SMESH;
    public static final long TEN_YEAR_TARGET = 600_000_000L * ONE_SMESH;
    public static final long TOTAL_ISSUANCE = 2_400_000_000L * ONE_SMESH;
    public static final long TOTAL_SUBSIDY = TOTAL_ISSUANCE - TOTAL_VAULTED;

    private static final BigDecimal ONE = BigDecimal.ONE;
    private static final BigDecimal TOTAL_SUBSIDY_DEC = BigDecimal.valueOf(TOTAL_SUBSIDY);
    /** ln 2, rounded to 34 digits. */
    static final BigDecimal LOG_TWO = GoDecimal.ln(BigDecimal.valueOf(2));
    /** Ten years of layers plus the effective genesis layer itself. */
    private static final BigDecimal TEN_YEARS = BigDecimal.valueOf(10 * ONE_YEAR_LAYERS + 1);
    /** The fraction of the subsidy still unissued after ten years: 1 - (target - vaulted) / subsidy = 0.8. */
    private static final BigDecimal ISSUANCE_FRACTION = ONE.subtract(
            BigDecimal.valueOf(TEN_YEAR_TARGET - TOTAL_VAULTED).divide(TOTAL_SUBSIDY_DEC, GoDecimal.CTX), GoDecimal.CTX);
    /** -TenYears * (ln 2 / ln 0.8), in the reference's order of operations. */
    static final BigDecimal HALF_LIFE = TEN_YEARS.negate().multiply(
            LOG_TWO.divide(GoDecimal.ln(ISSUANCE_FRACTION), GoDecimal.CTX), GoDecimal.CTX);
    static final BigDecimal LAMBDA = LOG_TWO.divide(HALF_LIFE, GoDecimal.CTX);
    private static final BigDecimal NEG_LAMBDA = LAMBDA.negate();
    /** The layer (past effective genesis, as a decimal) after which less than one smidge remains to issue. */
    static final BigDecimal FINAL_LAYER = GoDecimal.ln(ONE.subtract(
                    TOTAL_SUBSIDY_DEC.subtract(ONE, GoDecimal.CTX).divide(TOTAL_SUBSIDY_DEC, GoDecimal.CTX),
                    GoDecimal.CTX))
            .divide(NEG_LAMBDA, GoDecimal.CTX);

    private Issuance() {}

    /**
     * The subsidy issued up to and including {@code layersAfterEffectiveGenesis} (a uint32), in smidge (uint64 bits).
     * The reference adds one to the uint32 before widening, so the last uint32 wraps to zero layers; kept.
     */
    public static long accumulatedSubsidy(long layersAfterEffectiveGenesis) {
        long layerCount = (layersAfterEffectiveGenesis + 1) & 0xffff_ffffL;
        BigDecimal inner = NEG_LAMBDA.multiply(BigDecimal.valueOf(layerCount), GoDecimal.CTX);
        BigDecimal multiplier = ONE.subtract(GoDecimal.exp(inner), GoDecimal.CTX);
        BigDecimal total = TOTAL_SUBSIDY_DEC.multiply(multiplier, GoDecimal.CTX);
        return total.toBigInteger().longValue(); // truncation toward zero, as the reference's Uint64()
    }

    /** The subsidy of one layer: the difference of consecutive accumulated totals (uint64 arithmetic). */
    public static long subsidyAtLayer(long layersAfterEffectiveGenesis) {
        long current = accumulatedSubsidy(layersAfterEffectiveGenesis);
        long previous = layersAfterEffectiveGenesis > 0 ? accumulatedSubsidy(layersAfterEffectiveGenesis - 1) : 0;
        return current - previous;
    }

    /**
     * The subsidy of {@code layer} on a network with {@code layersPerEpoch}: the curve is indexed from the original
     * effective genesis {@code 2*layersPerEpoch - 1}. The VM never applies a layer before it.
     *
     * @throws IllegalArgumentException for a layer before effective genesis
     */
    public static long subsidyOf(LayerId layer, int layersPerEpoch) {
        long effectiveGenesis = 2L * layersPerEpoch - 1;
        if (layer.value() < effectiveGenesis) {
            throw new IllegalArgumentException("layer " + layer + " is before effective genesis " + effectiveGenesis);
        }
        return subsidyAtLayer(layer.value() - effectiveGenesis);
    }
}
