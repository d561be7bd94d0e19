package io.smnode.post.prove;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smnode.core.codec.Scale;
import io.smnode.core.codec.ScaleException;
import io.smnode.core.types.Bytes;
import io.smnode.core.util.Hex;
import org.junit.jupiter.api.Test;

/** PostV1 SCALE layout: compact nonce, compact-length byte slice (max 800), compact pow (spec 01 §4, 02 §1). */
class ProofScaleTest {
    @Test
    void encodesFieldsInOrder() {
        Proof proof = new Proof(0x0102_0304L, Bytes.ofHex("aabbcc"), 0x1122_3344_5566_7788L);
        byte[] encoded = Scale.encode(Proof.SCALE, proof);
        // nonce 0x01020304 < 2^30: 4-byte mode (v << 2 | 2) LE = 120c0804; 3 bytes → length 3 << 2 = 0x0c;
        // pow needs 8 bytes: header (8 - 4) << 2 | 3 = 0x13, then the value LE.
        assertEquals("120c0804" + "0c" + "aabbcc" + "13" + "8877665544332211", Hex.encode(encoded));
    }

    @Test
    void roundTripsAtTheUpperBounds() throws ScaleException {
        Proof proof = new Proof(0xffff_ffffL, Bytes.wrap(new byte[Proof.MAX_INDICES_BYTES]), -1L);
        assertEquals(proof, Scale.decode(Proof.SCALE, Scale.encode(Proof.SCALE, proof)));
    }

    @Test
    void refusesTooManyIndexBytesAndTruncation() {
        byte[] tooLong = Scale.encode(Proof.SCALE, new Proof(1, Bytes.wrap(new byte[Proof.MAX_INDICES_BYTES]), 2));
        tooLong[1] = (byte) 0x85; // after the 1-byte nonce: compact two-byte length 801 = 801 << 2 | 1 = 0x0c85
        tooLong[2] = (byte) 0x0c;
        assertThrows(ScaleException.class, () -> Scale.decode(Proof.SCALE, tooLong));
        byte[] ok = Scale.encode(Proof.SCALE, new Proof(1, Bytes.ofHex("00"), 2));
        assertThrows(ScaleException.class, () -> Scale.decode(Proof.SCALE, java.util.Arrays.copyOf(ok, ok.length - 1)));
    }
}
