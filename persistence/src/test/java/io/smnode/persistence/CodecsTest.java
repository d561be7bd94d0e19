package io.smnode.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.types.Bytes;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.NodeId;
import io.smnode.core.util.Hex;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Codec encodings and their failure modes. The expected bytes are the definition of big-endian (the most
 * significant byte first) and of UTF-8 (RFC 3629), not values computed by the code under test.
 */
class CodecsTest {
    @Test
    void longsAreEightBigEndianBytes() {
        assertEquals("0000000000000001", Hex.encode(Codecs.longs().encode(1L)));
        assertEquals("0102030405060708", Hex.encode(Codecs.longs().encode(0x0102030405060708L)));
        assertEquals("ffffffffffffffff", Hex.encode(Codecs.longs().encode(-1L)));
    }

    @Test
    void longEncodingOrderIsUnsignedNumericOrder() {
        long[] values = {0, 1, 255, 256, 65535, 1L << 40, Long.MAX_VALUE, Long.MIN_VALUE, -2, -1};
        for (long a : values) {
            for (long b : values) {
                assertEquals(Integer.signum(Long.compareUnsigned(a, b)), Integer.signum(
                        Arrays.compareUnsigned(Codecs.longs().encode(a), Codecs.longs().encode(b))), a + " vs " + b);
            }
        }
    }

    @Test
    void utf8IsRfc3629() {
        assertEquals("c3a9f09f9a80", Hex.encode(Codecs.utf8().encode("é\uD83D\uDE80")));
    }

    @Test
    void prefixedKeyIsPrefixThenBigEndianNumber() {
        NodeId node = NodeId.of(TestTables.filled(NodeId.LENGTH, 0xAA).toByteArray());
        byte[] encoded = TestTables.NODE_EPOCH.encode(new PrefixedKey<>(node, 0x0102L));
        assertEquals("aa".repeat(32) + "0000000000000102", Hex.encode(encoded));
    }

    @Test
    void wrongLengthsAreCorruptData() {
        assertThrows(CorruptDataException.class, () -> Codecs.longs().decode(new byte[7]));
        assertThrows(CorruptDataException.class, () -> Codecs.fixed(Hash32.LENGTH, Hash32::of).decode(new byte[31]));
        assertThrows(CorruptDataException.class, () -> TestTables.NODE_EPOCH.decode(new byte[39]));
    }

    @Test
    void malformedUtf8IsCorruptDataNotReplacementCharacters() {
        CorruptDataException e = assertThrows(CorruptDataException.class,
                () -> Codecs.utf8().decode(new byte[] {(byte) 0xC3}));
        assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
    }

    @Test
    void fixedAndBytesCodecsAreIdentityOnTheBytes() {
        Hash32 h = Hash32.ofHex("ff".repeat(32));
        assertArrayEquals(h.toByteArray(), Codecs.fixed(Hash32.LENGTH, Hash32::of).encode(h));
        assertEquals(h, Codecs.fixed(Hash32.LENGTH, Hash32::of).decode(h.toByteArray()));
        assertEquals(Bytes.ofHex("00ff"), Codecs.bytes().decode(Codecs.bytes().encode(Bytes.ofHex("00ff"))));
    }

    @Test
    void prefixesMustHaveTheDeclaredWidth() {
        PrefixedKeyCodec<Bytes> codec = Codecs.prefixed(Codecs.bytes(), 2);
        assertThrows(IllegalArgumentException.class, () -> codec.encode(new PrefixedKey<>(Bytes.ofHex("01"), 1)));
    }
}
