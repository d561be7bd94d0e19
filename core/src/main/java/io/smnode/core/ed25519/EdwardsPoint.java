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

    /** Width of the NAF for points met at verification time: 8 table entries, a non-zero digit every ~6 bits. */
    private static final int WINDOW = 5;
    /** The base point's table is static, so a wider window (64 entries, a digit every ~9 bits) pays off. */
    private static final int BASEPOINT_WINDOW = 8;

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
        return doubleTimes(1);
    }

    /** [2^n]P for n >= 1. Doubling never reads T, so T is computed for the result only. */
    EdwardsPoint doubleTimes(int n) {
        FieldElement px = x;
        FieldElement py = y;
        FieldElement pz = z;
        FieldElement e = null;
        FieldElement h = null;
        for (int i = 0; i < n; i++) {
            FieldElement a = px.square();
            FieldElement b = py.square();
            FieldElement c = pz.square();
            c = c.add(c);
            h = a.add(b);
            e = h.sub(px.add(py).square());
            FieldElement g = a.sub(b);
            FieldElement f = c.add(g);
            px = e.mul(f);
            py = g.mul(h);
            pz = f.mul(g);
        }
        return new EdwardsPoint(px, py, pz, e.mul(h));
    }

    public EdwardsPoint negate() {
        return new EdwardsPoint(x.negate(), y, z, t.negate());
    }

    /** [8]P: clears any small-order component. */
    public EdwardsPoint mulByCofactor() {
        return doubleTimes(3);
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
            r = r.doubleTimes(4).add(selectSigned(table, digits[i]));
        }
        return r;
    }

    /** [a]P + [b]Q in variable time: for public scalars only (verification). */
    public static EdwardsPoint mulAddVartime(Scalar a, EdwardsPoint p, Scalar b, EdwardsPoint q) {
        return straus(nonAdjacentForm(a, WINDOW), oddMultiples(p, WINDOW), nonAdjacentForm(b, WINDOW),
                oddMultiples(q, WINDOW));
    }

    /** [a]P + [b]B in variable time, B the base point, whose wider table is computed once. */
    public static EdwardsPoint mulAddBasepointVartime(Scalar a, EdwardsPoint p, Scalar b) {
        return straus(nonAdjacentForm(a, WINDOW), oddMultiples(p, WINDOW), nonAdjacentForm(b, BASEPOINT_WINDOW),
                BasepointTable.ODD_MULTIPLES);
    }

    /** Holder so the static table is built on first use, after BASEPOINT exists. */
    private static final class BasepointTable {
        static final EdwardsPoint[] ODD_MULTIPLES = oddMultiples(BASEPOINT, BASEPOINT_WINDOW);
    }

    /**
     * Shamir/Straus interleaving of two NAF expansions: one shared doubling chain from the top digit down, with
     * a table addition wherever either expansion has a non-zero digit; runs of zero digits become one
     * {@link #doubleTimes} call.
     */
    private static EdwardsPoint straus(byte[] na, EdwardsPoint[] ta, byte[] nb, EdwardsPoint[] tb) {
        int i = na.length - 1;
        while (i >= 0 && na[i] == 0 && nb[i] == 0) {
            i--;
        }
        EdwardsPoint r = IDENTITY;
        while (i >= 0) {
            r = addNafDigit(addNafDigit(r, ta, na[i]), tb, nb[i]);
            int next = i - 1;
            while (next >= 0 && na[next] == 0 && nb[next] == 0) {
                next--;
            }
            int doublings = next >= 0 ? i - next : i; // to the next digit, or down to position 0
            if (doublings > 0) {
                r = r.doubleTimes(doublings);
            }
            i = next;
        }
        return r;
    }

    /** r + [digit]P for an odd NAF digit, from the table of odd multiples (entry k holds [2k+1]P). */
    private static EdwardsPoint addNafDigit(EdwardsPoint r, EdwardsPoint[] oddMultiples, int digit) {
        if (digit > 0) {
            return r.add(oddMultiples[digit >> 1]);
        }
        if (digit < 0) {
            return r.add(oddMultiples[(-digit) >> 1].negate());
        }
        return r;
    }

    /** [P, 3P, 5P, ..., (2^(w-1) - 1)P]. */
    private static EdwardsPoint[] oddMultiples(EdwardsPoint p, int w) {
        EdwardsPoint[] table = new EdwardsPoint[1 << (w - 2)];
        EdwardsPoint twoP = p.dbl();
        table[0] = p;
        for (int i = 1; i < table.length; i++) {
            table[i] = table[i - 1].add(twoP);
        }
        return table;
    }

    /**
     * Width-w non-adjacent form of a (public) scalar: 256 digits, each zero or odd in (-2^(w-1), 2^(w-1)), any
     * two non-zero digits at least w positions apart, sum of d_i 2^i equal to the scalar. Scanning from the
     * bottom, an odd window is taken as a signed digit and its sign folded into a carry for the bits above.
     */
    static byte[] nonAdjacentForm(Scalar s, int w) {
        byte[] le = s.toBytes();
        long[] words = new long[5];
        for (int i = 0; i < 32; i++) {
            words[i / 8] |= (long) (le[i] & 0xff) << (8 * (i % 8));
        }
        int width = 1 << w;
        byte[] naf = new byte[256];
        int carry = 0;
        int pos = 0;
        while (pos < 256) {
            int word = pos / 64;
            int bit = pos % 64;
            long bits = bit < 64 - w ? words[word] >>> bit : (words[word] >>> bit) | (words[word + 1] << (64 - bit));
            int window = carry + (int) (bits & (width - 1));
            if ((window & 1) == 0) {
                pos += 1; // a zero digit; a pending carry simply moves up with the position
                continue;
            }
            if (window < width / 2) {
                carry = 0;
                naf[pos] = (byte) window;
            } else {
                carry = 1;
                naf[pos] = (byte) (window - width);
            }
            pos += w;
        }
        return naf;
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
