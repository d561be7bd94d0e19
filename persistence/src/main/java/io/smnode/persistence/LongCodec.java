package io.smnode.persistence;

import java.nio.ByteBuffer;

/**
 * A {@code long} as 8 big-endian bytes. Big-endian makes byte order equal numeric order for unsigned values, which
 * is what layer numbers, epochs and sequence numbers are; a negative long therefore sorts after every positive one.
 */
final class LongCodec implements KeyCodec<Long> {
    static final int WIDTH = Long.BYTES;
    static final LongCodec INSTANCE = new LongCodec();

    private LongCodec() {
    }

    @Override
    public byte[] encode(Long value) {
        return ByteBuffer.allocate(WIDTH).putLong(value).array();
    }

    @Override
    public Long decode(byte[] bytes) {
        if (bytes.length != WIDTH) {
            throw new CorruptDataException("a long needs " + WIDTH + " bytes, found " + bytes.length);
        }
        return ByteBuffer.wrap(bytes).getLong();
    }
}
