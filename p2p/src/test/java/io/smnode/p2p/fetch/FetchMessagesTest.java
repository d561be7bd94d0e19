package io.smnode.p2p.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smnode.core.codec.ScaleException;
import io.smnode.core.hash.Blake3;
import io.smnode.core.types.Bytes;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fetch bodies' bytes, built by hand from the SCALE rules of spec 10 §3. */
class FetchMessagesTest {
    @Test
    void aRequestBatchIsItsIdThenTheCompactSliceOfHintAndHash() throws Exception {
        Bytes hash = Bytes.wrap(new byte[32]);
        FetchMessages.RequestBatch b = FetchMessages.batch(List.of(new FetchMessages.HashRequest("ATXDB", hash)));
        ByteArrayOutputStream requests = new ByteArrayOutputStream();
        requests.write(1 << 2); // compact(1)
        requests.write(5 << 2); // compact(5) + "ATXDB"
        requests.write("ATXDB".getBytes(StandardCharsets.US_ASCII));
        requests.write(new byte[32]);
        byte[] slice = requests.toByteArray();
        assertArrayEquals(Blake3.hash(slice).toByteArray(), b.id().toByteArray(), "ID = BLAKE3(SCALE(requests))");
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        whole.write(b.id().toByteArray());
        whole.write(slice);
        assertArrayEquals(whole.toByteArray(), FetchMessages.encode(b));
        assertEquals(b, FetchMessages.decodeRequestBatch(FetchMessages.encode(b)));
    }

    @Test
    void responsesAndIdListsRoundTripAndAnEmptyListIsOneZeroByte() throws Exception {
        Bytes id = Bytes.wrap(new byte[32]);
        FetchMessages.ResponseBatch r = new FetchMessages.ResponseBatch(id, List.of(
                new FetchMessages.HashResponse(id, Bytes.wrap(new byte[] {1, 2, 3}))));
        byte[] enc = FetchMessages.encode(r);
        assertEquals(32 + 1 + 32 + 1 + 3, enc.length);
        assertEquals(r, FetchMessages.decodeResponseBatch(enc));
        assertArrayEquals(new byte[] {0}, FetchMessages.encodeIds(List.of(), 32, 10));
        assertEquals(List.of(), FetchMessages.decodeIds(new byte[] {0}, 32, 10));
        List<Bytes> ballots = List.of(Bytes.wrap(new byte[20]), Bytes.wrap(new byte[20]));
        assertEquals(ballots, FetchMessages.decodeIds(FetchMessages.encodeIds(ballots, 20, 2350), 20, 2350));
        // EpochID and LayerID are compact on the wire: 7 << 2, and 300 in the two-byte mode ((300 << 2) | 1).
        assertArrayEquals(new byte[] {0x1c}, FetchMessages.epochOrLayer(7));
        assertEquals(7, FetchMessages.readEpochOrLayer(new byte[] {0x1c}));
        assertArrayEquals(new byte[] {(byte) 0xb1, 0x04}, FetchMessages.epochOrLayer(300));
        assertEquals(300, FetchMessages.readEpochOrLayer(new byte[] {(byte) 0xb1, 0x04}));
    }

    @Test
    void aShortIdTravelsPaddedAndTruncatedBodiesAreRefused() {
        Bytes padded = FetchMessages.asHash32(Bytes.wrap(new byte[] {1, 2}));
        assertEquals(32, padded.length());
        assertEquals(1, padded.get(0));
        assertEquals(0, padded.get(31));
        assertThrows(ScaleException.class, () -> FetchMessages.decodeIds(new byte[] {4, 1, 2}, 32, 10));
        assertThrows(ScaleException.class, () -> FetchMessages.decodeIds(new byte[] {(byte) 0xfc, 1}, 32, 10));
        assertThrows(ScaleException.class, () -> FetchMessages.decodeRequestBatch(new byte[5]));
    }
}
