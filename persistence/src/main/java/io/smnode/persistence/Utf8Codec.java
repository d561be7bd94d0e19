package io.smnode.persistence;

import io.smnode.core.util.Utf8;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * A {@link String} as UTF-8. UTF-8 byte order equals Unicode code point order (which differs from
 * {@link String#compareTo} only for characters outside the BMP). Decoding is strict so that corrupt bytes are
 * reported instead of silently becoming replacement characters.
 */
final class Utf8Codec implements KeyCodec<String> {
    static final Utf8Codec INSTANCE = new Utf8Codec();

    private Utf8Codec() {
    }

    @Override
    public byte[] encode(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String decode(byte[] bytes) {
        try {
            return Utf8.decodeStrict(bytes);
        } catch (CharacterCodingException e) {
            throw new CorruptDataException("stored string is not valid UTF-8: " + e.getMessage());
        }
    }
}
