package io.smnode.core.ed25519;

import io.smnode.core.util.Hex;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;

/**
 * A point of edwards25519 (-x^2 + y^2 = 1 + d x^2 y^2), immutable, in extended coordinates (X:Y:Z:T) with
 * x = X/Z, y = Y/Z, xy = T/Z. The addition and doubling formulas are complete for this curve, so no input needs
 * a special case.
 */
public final class EdwardsPoint {
    /** d = -121665/121666. */
    static final FieldElement D = FieldElement.fromBigInteger(BigInteger.valueOf(-121665)
            .multiply(BigInteger.valueOf(121666).modInverse(FieldElement.P)));
    private static final FieldElement D2 = D.add(D);

    public static final EdwardsPoint IDENTITY =
            new EdwardsPoint(FieldElement.ZERO, FieldElement.ONE, FieldElement.ONE, FieldElement.ZERO);
    /** The RFC 8032 base point B: y = 4/5 with non-negative x. */
    public static final EdwardsPoint BASEPOINT =
            decode(Hex.decode("5866666666666666666666666666666666666666666666666666666666666666"))
                    .orElseThrow();

    private final FieldElement x;
    private final FieldElement y;
    private final FieldElement z;
    private final FieldElement t;

    private EdwardsPoint(FieldElement x, FieldElement y, FieldElement z, FieldElement t) {
        this.x = x;
        this.y = y;
        this.z = z;
        this.t = t;
    }

    /** The point with affine coordinates (x, y); the caller guarantees it is on the curve. */
    static EdwardsPoint fromAffine(FieldElement x, FieldElement y) {
        return new EdwardsPoint(x, y, FieldElement.ONE, x.mul(y));
    }

    /**
     * Decodes a 32-byte RFC 8032 encoding, accepting only canonical ones (as curve25519-voi's
     * {@code IsCanonicalVartime} + {@code SetCompressedY}): y must be below p, y must be on the curve, and the
     * sign bit must not be set when x = 0 (y = 1 or y = -1). Empty for anything else, never an exception.
     */
    public static Optional<EdwardsPoint> decode(byte[] encoded) {
        if (encoded == null || encoded.length != 32 || !FieldElement.isCanonical(encoded)) {
            return Optional.empty();
        }
        FieldElement y = FieldElement.fromBytesIgnoringTopBit(encoded);
        boolean negative = (encoded[31] & 0x80) != 0;
        FieldElement yy = y.square();
        FieldElement x = FieldElement.sqrtRatio(yy.sub(FieldElement.ONE), D.mul(yy).add(FieldElement.ONE));
        if (x == null || (negative && x.isZero())) {
            return Optional.empty();
        }
        return Optional.of(fromAffine(negative ? x.negate() : x, y));
    }

    /** The 32-byte encoding: canonical y with the sign of x in bit 255. */
    public byte[] encode() {
        FieldElement zInv = z.invert();
        byte[] out = y.mul(zInv).toBytes();
        if (x.mul(zInv).isNegative()) {
            out[31] |= (byte) 0x80;
        }
        return out;
    }

    public EdwardsPoint add(EdwardsPoint q) {
        FieldElement a = y.sub(x).mul(q.y.sub(q.x));
        FieldElement b = y.add(x).mul(q.y.add(q.x));
        FieldElement c = t.mul(D2).mul(q.t);
        FieldElement dd = z.add(z).mul(q.z);
        FieldElement e = b.sub(a);
        FieldElement f = dd.sub(c);
        FieldElement g = dd.add(c);
        FieldElement h = b.add(a);
        return new EdwardsPoint(e.mul(f), g.mul(h), f.mul(g), e.mul(h));
    }

    public EdwardsPoint subtract(EdwardsPoint q) {
        return add(q.negate());
    }

    public EdwardsPoint dbl() {
        FieldElement a = x.square();
        FieldElement b = y.square();
        FieldElement c = z.square();
        c = c.add(c);
        FieldElement h = a.add(b);
        FieldElement e = h.sub(x.add(y).square());
        FieldElement g = a.sub(b);
        FieldElement f = c.add(g);
        return new EdwardsPoint(e.mul(f), g.mul(h), f.mul(g), e.mul(h));
    }

    public EdwardsPoint negate() {
        return new EdwardsPoint(x.negate(), y, z, t.negate());
    }

    /** [8]P: clears any small-order component. */
    public EdwardsPoint mulByCofactor() {
        return dbl().dbl().dbl();
    }

    /** True when [8]P is the identity, i.e. P lies in the torsion subgroup of order dividing 8. */
    public boolean isSmallOrder() {
        return mulByCofactor().isIdentity();
    }

    public boolean isIdentity() {
        return x.isZero() && y.sameValue(z);
    }

    /**
     * [s]P with a fixed sequence of operations and table reads independent of s (signed radix-16 windows,
     * every table entry read every time). Use for secret scalars; the JVM gives no hard constant-time guarantee.
     */
    public EdwardsPoint multiply(Scalar s) {
        EdwardsPoint[] table = multiplesOneToEight(this);
        byte[] digits = s.signedRadix16();
        EdwardsPoint r = IDENTITY;
        for (int i = 63; i >= 0; i--) {
            r = r.dbl().dbl().dbl().dbl();
            r = r.add(selectSigned(table, digits[i]));
        }
        return r;
    }

    /** [a]P + [b]Q in variable time: for public scalars only (verification). */
    public static EdwardsPoint mulAddVartime(Scalar a, EdwardsPoint p, Scalar b, EdwardsPoint q) {
        EdwardsPoint[] tp = multiplesOneToEight(p);
        EdwardsPoint[] tq = multiplesOneToEight(q);
        byte[] da = a.signedRadix16();
        byte[] db = b.signedRadix16();
        EdwardsPoint r = IDENTITY;
        for (int i = 63; i >= 0; i--) {
            if (i != 63) {
                r = r.dbl().dbl().dbl().dbl();
            }
            r = addDigitVartime(r, tp, da[i]);
            r = addDigitVartime(r, tq, db[i]);
        }
        return r;
    }

    private static EdwardsPoint addDigitVartime(EdwardsPoint r, EdwardsPoint[] table, int digit) {
        if (digit > 0) {
            return r.add(table[digit - 1]);
        }
        if (digit < 0) {
            return r.add(table[-digit - 1].negate());
        }
        return r;
    }

    private static EdwardsPoint[] multiplesOneToEight(EdwardsPoint p) {
        EdwardsPoint[] table = new EdwardsPoint[8];
        table[0] = p;
        for (int i = 1; i < 8; i++) {
            table[i] = (i & 1) == 1 ? table[i / 2].dbl() : table[i - 1].add(p);
        }
        return table;
    }

    /** [digit]P for digit in [-8, 8] from the table of [1..8]P, reading every entry and branching on nothing. */
    private static EdwardsPoint selectSigned(EdwardsPoint[] table, int digit) {
        int negative = (digit >>> 31) & 1;
        int abs = (digit ^ -negative) + negative;
        EdwardsPoint r = IDENTITY;
        for (int j = 1; j <= 8; j++) {
            int equal = (((abs ^ j) - 1) >>> 31) & 1;
            r = select(r, table[j - 1], equal);
        }
        return select(r, r.negate(), negative);
    }

    private static EdwardsPoint select(EdwardsPoint a, EdwardsPoint b, int choose) {
        return new EdwardsPoint(FieldElement.select(a.x, b.x, choose), FieldElement.select(a.y, b.y, choose),
                FieldElement.select(a.z, b.z, choose), FieldElement.select(a.t, b.t, choose));
    }

    /** Group equality (projective coordinates compared by cross-multiplication). */
    @Override
    public boolean equals(Object o) {
        return o instanceof EdwardsPoint q && x.mul(q.z).sameValue(q.x.mul(z)) && y.mul(q.z).sameValue(q.y.mul(z));
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encode());
    }

    @Override
    public String toString() {
        return "EdwardsPoint(" + Hex.encode(encode()) + ")";
    }
}
