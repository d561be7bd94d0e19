package io.smnode.core.types;

/** An identity: the 32-byte Ed25519 public key of a smesher. */
public final class NodeId extends FixedBytes {
    public static final int LENGTH = 32;
    public static final NodeId ZERO = new NodeId(new byte[LENGTH]);

    private NodeId(byte[] bytes) {
        super(bytes, LENGTH);
    }

    /** @throws IllegalArgumentException when {@code bytes} is not exactly {@value #LENGTH} bytes */
    public static NodeId of(byte[] bytes) {
        return new NodeId(bytes);
    }

    public static NodeId ofHex(String hex) {
        return new NodeId(hexOf(hex));
    }
}
