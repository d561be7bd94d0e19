package io.smnode.p2p.reqresp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smnode.core.types.Bytes;
import io.smnode.core.util.Hex;
import io.smnode.p2p.wire.WireException;
import org.junit.jupiter.api.Test;

class ResponseTest {
    @Test
    void responsesAreScaleDataThenError() {
        assertEquals("0c010203" + "00", Hex.encode(Response.ok(Bytes.ofHex("010203")).encode()));
        assertEquals("00" + "0c" + Hex.encode("bad".getBytes()), Hex.encode(Response.failure("bad").encode()));
        byte[] big = Response.ok(Bytes.wrap(new byte[70_000])).encode();
        // 70000 << 2 | 2 = 0x000445c2: compact mode 2, four bytes little endian.
        assertEquals("c2450400", Hex.encode(big, 0, 4));
        assertEquals(4 + 70_000 + 1, big.length);
    }

    @Test
    void theReaderTakesAResponseByteByByteIncludingTheStreamedEmptyCase() {
        // spec 10 §3.1: a streamed "no IDs" answer is the compact lengths [1, 0, 0].
        ResponseReader r = new ResponseReader(1 << 20);
        for (byte b : Hex.decode("040000")) {
            assertNull(r.response());
            r.feed(new byte[] {b});
        }
        assertEquals(new Response(Bytes.ofHex("00"), ""), r.response());
        byte[] streamed = concat(Response.streamingHeader(3), Hex.decode("aabbcc"), Response.streamingTrailer());
        ResponseReader s = new ResponseReader(1 << 20);
        s.feed(streamed);
        assertEquals(Response.ok(Bytes.ofHex("aabbcc")), s.response());
    }

    @Test
    void oversizedOrTrailingResponsesAreRefused() {
        ResponseReader small = new ResponseReader(2);
        assertThrows(WireException.class, () -> small.feed(Response.ok(Bytes.ofHex("010203")).encode()));
        ResponseReader r = new ResponseReader(100);
        assertThrows(WireException.class, () -> r.feed(Hex.decode("000000")));
    }

    @Test
    void theTokenBucketAdmitsABurstThenPacesAsGoRateDoes() {
        TokenBucket b = new TokenBucket(10, 10, 0);
        for (int i = 0; i < 10; i++) {
            assertEquals(0, b.reserve(0));
        }
        assertEquals(100, b.reserve(0));
        assertEquals(200, b.reserve(0));
        assertEquals(0, b.reserve(1000));
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
