package io.smnode.beacon;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * ln 2 and exp(y) to about 400 bits, far beyond the 192 bits the reference keeps, so that rounding these values
 * to 192 bits gives the reference's result unless it lies within 2^-390 of a rounding midpoint.
 */
final class HighPrecision {
    private static final MathContext MC = new MathContext(130);
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    /** ln 2 = 2·atanh(1/3) = 2·Σ 1/((2k+1)·3^(2k+1)). */
    static final BigDecimal LN2 = computeLn2();

    private HighPrecision() {}

    private static BigDecimal computeLn2() {
        BigDecimal ninth = BigDecimal.ONE.divide(BigDecimal.valueOf(9), MC);
        BigDecimal power = BigDecimal.ONE.divide(BigDecimal.valueOf(3), MC); // 3^-(2k+1)
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal epsilon = BigDecimal.ONE.movePointLeft(MC.getPrecision() + 2);
        for (int k = 0; power.compareTo(epsilon) > 0; k++) {
            sum = sum.add(power.divide(BigDecimal.valueOf(2L * k + 1), MC), MC);
            power = power.multiply(ninth, MC);
        }
        return sum.multiply(TWO, MC);
    }

    /** e^y for 0 ≤ y ≤ about 10^4: Taylor series on y/2^m, then m squarings. */
    static BigDecimal exp(BigDecimal y) {
        if (y.signum() < 0 || y.compareTo(BigDecimal.valueOf(10_000)) > 0) {
            throw new IllegalArgumentException("exp argument out of the supported range: " + y);
        }
        int m = 0;
        BigDecimal r = y;
        BigDecimal small = BigDecimal.ONE.movePointLeft(3);
        while (r.compareTo(small) > 0) {
            r = r.divide(TWO, MC);
            m++;
        }
        BigDecimal sum = BigDecimal.ONE;
        BigDecimal term = BigDecimal.ONE;
        BigDecimal epsilon = BigDecimal.ONE.movePointLeft(MC.getPrecision() + 2);
        for (int k = 1; term.abs().compareTo(epsilon) > 0; k++) {
            term = term.multiply(r, MC).divide(BigDecimal.valueOf(k), MC);
            sum = sum.add(term, MC);
        }
        for (int i = 0; i < m; i++) {
            sum = sum.multiply(sum, MC);
        }
        return sum;
    }
}
