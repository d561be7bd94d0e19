package io.smnode.p2p.identity;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;

/** base58btc (the Bitcoin alphabet), the text form of libp2p peer ids. */
public final class Base58 {
    private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final BigInteger BASE = BigInteger.valueOf(58);

    private Base58() {}

    public static String encode(byte[] input) {
        StringBuilder sb = new StringBuilder();
        BigInteger n = new BigInteger(1, input);
        while (n.signum() > 0) {
            BigInteger[] qr = n.divideAndRemainder(BASE);
            sb.append(ALPHABET.charAt(qr[1].intValue()));
            n = qr[0];
        }
        for (int i = 0; i < input.length && input[i] == 0; i++) {
            sb.append('1');
        }
        return sb.reverse().toString();
    }

    /** @throws IllegalArgumentException on a character outside the alphabet */
    public static byte[] decode(String text) {
        BigInteger n = BigInteger.ZERO;
        for (int i = 0; i < text.length(); i++) {
            int d = ALPHABET.indexOf(text.charAt(i));
            if (d < 0) {
                throw new IllegalArgumentException("not base58: '" + text.charAt(i) + "'");
            }
            n = n.multiply(BASE).add(BigInteger.valueOf(d));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < text.length() && text.charAt(i) == '1'; i++) {
            out.write(0);
        }
        if (n.signum() > 0) {
            byte[] mag = n.toByteArray();
            int skip = mag[0] == 0 ? 1 : 0;
            out.write(mag, skip, mag.length - skip);
        }
        return out.toByteArray();
    }
}
