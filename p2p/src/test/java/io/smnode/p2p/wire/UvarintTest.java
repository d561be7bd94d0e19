package io.smnode.p2p.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smnode.core.util.Hex;
import org.junit.jupiter.api.Test;

class UvarintTest {
    @Test
    void encodesAsGoPutUvarint() {
        // Values from the unsigned-varint spec examples.
        assertEquals("01", Hex.encode(Uvarint.encode(1)));
        assertEquals("7f", Hex.encode(Uvarint.encode(127)));
        assertEquals("8001", Hex.encode(Uvarint.encode(128)));
        assertEquals("ff01", Hex.encode(Uvarint.encode(255)));
        assertEquals("ac02", Hex.encode(Uvarint.encode(300)));
        assertEquals("808001", Hex.encode(Uvarint.encode(16384)));
    }

    @Test
    void decodesWhatItEncodesAndWaitsForMore() {
        for (long v : new long[] {0, 1, 127, 128, 10_240, 2 << 20, Long.MAX_VALUE >>> 1}) {
            byte[] b = Uvarint.encode(v);
            assertEquals(v, Uvarint.decode(b, 0, b.length));
            assertEquals(Uvarint.INCOMPLETE, Uvarint.decode(b, 0, b.length - 1));
        }
    }

    @Test
    void refusesOverlongAndNonMinimalVarints() {
        byte[] tenBytes = Hex.decode("ffffffffffffffffff01");
        assertThrows(WireException.class, () -> Uvarint.decode(tenBytes, 0, tenBytes.length));
        byte[] padded = Hex.decode("8100");
        assertThrows(WireException.class, () -> Uvarint.decode(padded, 0, padded.length));
    }

    @Test
    void byteQueueFramesAndRefusesOverflow() {
        ByteQueue q = new ByteQueue(16);
        byte[] f = Frames.lengthPrefixed(new byte[] {1, 2, 3});
        q.append(f, 0, 2);
        assertEquals(null, q.takeLengthPrefixed(8));
        q.append(f, 2, 2);
        assertArrayEquals(new byte[] {1, 2, 3}, q.takeLengthPrefixed(8));
        assertThrows(WireException.class, () -> q.append(new byte[17]));
        ByteQueue big = new ByteQueue(64);
        big.append(Uvarint.encode(9));
        assertThrows(WireException.class, () -> big.takeLengthPrefixed(8));
    }
}
