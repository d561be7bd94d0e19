package io.smnode.p2p.wire;

/** {@code uvarint(len) ‖ body}, the framing of multistream lines, identify, gossipsub RPCs and requests. */
public final class Frames {
    private Frames() {}

    public static byte[] lengthPrefixed(byte[] body) {
        byte[] out = new byte[Uvarint.size(body.length) + body.length];
        int at = Uvarint.write(body.length, out, 0);
        System.arraycopy(body, 0, out, at, body.length);
        return out;
    }
}
