package io.smnode.persistence;

/**
 * Turns a table's values into bytes and back. Encoding returns a fresh array the store may keep; decoding sees only
 * bytes this codec wrote earlier, and reports anything else as {@link CorruptDataException} with a reason.
 */
public interface ValueCodec<T> {
    byte[] encode(T value);

    /** @throws CorruptDataException when {@code bytes} is not an encoding this codec produces */
    T decode(byte[] bytes);
}
