package io.smnode.core.address;

import io.smnode.core.address.AddressException.Reason;
import io.smnode.core.types.Bytes;
import java.io.ByteArrayOutputStream;
import java.util.Locale;

/**
 * BIP-173 bech32 (checksum constant 1; bech32m strings are refused) with the rules of btcutil's
 * {@code bech32.DecodeNoLimit}, which go-spacemesh uses: no 90-character limit, all-lowercase or all-uppercase
 * only, non-empty HRP, characters 33..126.
 */
final class Bech32 {
    private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final int[] GENERATOR = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
    private static final int CHECKSUM_LENGTH = 6;
    private static final int BECH32_CONSTANT = 1;

    /** The parts of a bech32 string: lower-case HRP and the 5-bit data values without the checksum. */
    record Decoded(String hrp, Bytes data) {}

    private Bech32() {}

    static Decoded decode(String text) throws AddressException {
        if (text.length() < 8) {
            throw fail("'" + text + "' is too short for bech32 (" + text.length() + " characters, at least 8)");
        }
        boolean lower = false;
        boolean upper = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 33 || c > 126) {
                throw fail("character " + (int) c + " at position " + i + " is not allowed in bech32");
            }
            lower |= c >= 'a' && c <= 'z';
            upper |= c >= 'A' && c <= 'Z';
        }
        if (lower && upper) {
            throw fail("bech32 string mixes upper and lower case");
        }
        String s = text.toLowerCase(Locale.ROOT);
        int separator = s.lastIndexOf('1');
        if (separator < 1 || separator + CHECKSUM_LENGTH + 1 > s.length()) {
            throw fail("bech32 string has no human-readable part or separator before a 6-character checksum");
        }
        String hrp = s.substring(0, separator);
        byte[] values = new byte[s.length() - separator - 1];
        for (int i = 0; i < values.length; i++) {
            int v = CHARSET.indexOf(s.charAt(separator + 1 + i));
            if (v < 0) {
                throw fail("'" + s.charAt(separator + 1 + i) + "' is not a bech32 data character");
            }
            values[i] = (byte) v;
        }
        if (polymod(hrp, values, 0) != BECH32_CONSTANT) {
            throw fail("bech32 checksum does not match");
        }
        byte[] data = new byte[values.length - CHECKSUM_LENGTH];
        System.arraycopy(values, 0, data, 0, data.length);
        return new Decoded(hrp, Bytes.wrap(data));
    }

    /** A bech32 string of 5-bit {@code data} under a lower-case {@code hrp}. */
    static String encode(String hrp, byte[] data) {
        if (hrp.isEmpty()) {
            throw new IllegalArgumentException("HRP must not be empty");
        }
        for (int i = 0; i < hrp.length(); i++) {
            char c = hrp.charAt(i);
            if (c < 33 || c > 126 || (c >= 'A' && c <= 'Z')) {
                throw new IllegalArgumentException("HRP '" + hrp + "' must be lower-case printable ASCII");
            }
        }
        int checksum = polymod(hrp, data, CHECKSUM_LENGTH) ^ BECH32_CONSTANT;
        StringBuilder sb = new StringBuilder(hrp.length() + 1 + data.length + CHECKSUM_LENGTH).append(hrp).append('1');
        for (byte b : data) {
            sb.append(CHARSET.charAt(b));
        }
        for (int i = 0; i < CHECKSUM_LENGTH; i++) {
            sb.append(CHARSET.charAt((checksum >>> (5 * (CHECKSUM_LENGTH - 1 - i))) & 31));
        }
        return sb.toString();
    }

    /**
     * Regroups {@code fromBits}-bit values into {@code toBits}-bit values, most significant first, padding a
     * final partial group with zero bits (btcutil ConvertBits with pad=true: never fails on in-range input).
     */
    static byte[] regroup(byte[] in, int fromBits, int toBits) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length * fromBits / toBits + 1);
        int acc = 0;
        int bits = 0;
        int mask = (1 << toBits) - 1;
        for (byte b : in) {
            acc = (acc << fromBits) | (b & ((1 << fromBits) - 1));
            bits += fromBits;
            while (bits >= toBits) {
                bits -= toBits;
                out.write((acc >>> bits) & mask);
            }
        }
        if (bits > 0) {
            out.write((acc << (toBits - bits)) & mask);
        }
        return out.toByteArray();
    }

    /** BIP-173 checksum polynomial over the expanded HRP, the data, and {@code zeros} trailing zero values. */
    private static int polymod(String hrp, byte[] data, int zeros) {
        int chk = 1;
        for (int i = 0; i < hrp.length(); i++) {
            chk = step(chk, hrp.charAt(i) >>> 5);
        }
        chk = step(chk, 0);
        for (int i = 0; i < hrp.length(); i++) {
            chk = step(chk, hrp.charAt(i) & 31);
        }
        for (byte b : data) {
            chk = step(chk, b);
        }
        for (int i = 0; i < zeros; i++) {
            chk = step(chk, 0);
        }
        return chk;
    }

    private static int step(int chk, int value) {
        int top = chk >>> 25;
        chk = ((chk & 0x1ffffff) << 5) ^ value;
        for (int i = 0; i < 5; i++) {
            if (((top >>> i) & 1) != 0) {
                chk ^= GENERATOR[i];
            }
        }
        return chk;
    }

    private static AddressException fail(String message) {
        return new AddressException(Reason.DECODE_BECH32, message + ".");
    }
}
