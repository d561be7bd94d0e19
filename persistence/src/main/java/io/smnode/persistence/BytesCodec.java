package io.smnode.persistence;

import io.smnode.core.types.Bytes;

/** Variable-length {@link Bytes} stored as themselves; their unsigned lexicographic order is LMDB's order. */
final class BytesCodec implements KeyCodec<Bytes> {
    static final BytesCodec INSTANCE = new BytesCodec();

    private BytesCodec() {
    }

    @Override
    public byte[] encode(Bytes value) {
        return value.toByteArray();
    }

    @Override
    public Bytes decode(byte[] bytes) {
        return Bytes.wrap(bytes);
    }
}
