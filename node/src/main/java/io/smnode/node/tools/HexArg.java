package io.smnode.node.tools;

import io.smnode.core.util.Hex;

/** Parses a hex option, naming the option when it is not hex or not the length a tool needs. */
public final class HexArg {
    private HexArg() {}

    public static byte[] any(String option, String value) {
        try {
            return Hex.decode(value.trim());
        } catch (IllegalArgumentException e) {
            throw new ToolException(option + " is not hex: " + e.getMessage());
        }
    }

    public static byte[] exactly(String option, String value, int length) {
        byte[] bytes = any(option, value);
        if (bytes.length != length) {
            throw new ToolException(option + " must be " + length + " bytes (" + 2 * length + " hex digits), got " + bytes.length);
        }
        return bytes;
    }
}
