package io.smnode.p2p.yamux;

import io.smnode.p2p.wire.WireException;

/**
 * A yamux frame header (12 bytes, big-endian): {@code version(0) type flags(16) streamId(32) length(32)}. For Data
 * frames {@code length} counts the payload that follows; for WindowUpdate it is the credit delta, for Ping the
 * opaque value, for GoAway the error code.
 */
public record YamuxFrame(int type, int flags, int streamId, long length) {
    public static final int HEADER_LENGTH = 12;
    public static final int DATA = 0;
    public static final int WINDOW_UPDATE = 1;
    public static final int PING = 2;
    public static final int GO_AWAY = 3;
    public static final int SYN = 1;
    public static final int ACK = 2;
    public static final int FIN = 4;
    public static final int RST = 8;
    public static final int GO_AWAY_NORMAL = 0;
    public static final int GO_AWAY_PROTOCOL_ERROR = 1;
    public static final int GO_AWAY_INTERNAL_ERROR = 2;

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }

    public byte[] encode() {
        byte[] b = new byte[HEADER_LENGTH];
        write(b, 0);
        return b;
    }

    public void write(byte[] b, int o) {
        b[o] = 0;
        b[o + 1] = (byte) type;
        b[o + 2] = (byte) (flags >>> 8);
        b[o + 3] = (byte) flags;
        putInt(b, o + 4, streamId);
        putInt(b, o + 8, (int) length);
    }

    /** @throws WireException on a version other than 0, an unknown type, or unknown flags */
    public static YamuxFrame decode(byte[] b, int o) {
        if (b[o] != 0) {
            throw new WireException("yamux: unsupported version " + (b[o] & 0xFF));
        }
        int type = b[o + 1] & 0xFF;
        if (type > GO_AWAY) {
            throw new WireException("yamux: unknown frame type " + type);
        }
        int flags = ((b[o + 2] & 0xFF) << 8) | (b[o + 3] & 0xFF);
        if ((flags & ~0xF) != 0) {
            throw new WireException("yamux: unknown flags " + flags);
        }
        return new YamuxFrame(type, flags, getInt(b, o + 4), getInt(b, o + 8) & 0xFFFFFFFFL);
    }

    private static void putInt(byte[] b, int o, int v) {
        b[o] = (byte) (v >>> 24);
        b[o + 1] = (byte) (v >>> 16);
        b[o + 2] = (byte) (v >>> 8);
        b[o + 3] = (byte) v;
    }

    private static int getInt(byte[] b, int o) {
        return ((b[o] & 0xFF) << 24) | ((b[o + 1] & 0xFF) << 16) | ((b[o + 2] & 0xFF) << 8) | (b[o + 3] & 0xFF);
    }
}
