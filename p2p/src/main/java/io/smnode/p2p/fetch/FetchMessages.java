package io.smnode.p2p.fetch;

import io.smnode.core.codec.ScaleException;
import io.smnode.core.codec.ScaleReader;
import io.smnode.core.codec.ScaleWriter;
import io.smnode.core.hash.Blake3;
import io.smnode.core.types.Bytes;
import java.util.ArrayList;
import java.util.List;

/**
 * The SCALE bodies of go-spacemesh's fetch protocols (spec 10 §3.3, {@code fetch/wire_types.go}): the {@code hs/1}
 * batch {@code RequestBatch{ID [32]; Requests [{Hint string ≤ 256; Hash [32]}] ≤ 100}} answered by
 * {@code ResponseBatch{ID; Responses [{Hash; Data}]}}, and the id lists of {@code ax/1} (ATX ids, 32 bytes) and
 * {@code ld/1} (ballot ids, 20 bytes). Ids shorter than 32 bytes travel as a {@code Hash32} padded with zeros
 * ({@code AsHash32}).
 */
public final class FetchMessages {
    public static final int MAX_HINT = 256;
    public static final int MAX_REQUESTS = 100;
    public static final long MAX_DATA = 272_629_760L;
    /** ATX ids of an epoch ({@code EpochData}). */
    public static final long MAX_EPOCH_ATXS = 8_000_000;
    /** Malicious node ids ({@code MaliciousIDs}, answer of {@code ml/1} and {@code ml/2}). */
    public static final long MAX_MALICIOUS_IDS = 8_000_000;
    /** Ballot ids of a layer ({@code LayerData}). */
    public static final long MAX_LAYER_BALLOTS = 2350;

    private FetchMessages() {}

    /** One hash asked for, with the hint naming its database. */
    public record HashRequest(String hint, Bytes hash) {
        public HashRequest {
            if (hash.length() != 32) {
                throw new IllegalArgumentException("a fetched hash has 32 bytes, got " + hash.length());
            }
        }
    }

    public record RequestBatch(Bytes id, List<HashRequest> requests) {}

    public record HashResponse(Bytes hash, Bytes data) {}

    public record ResponseBatch(Bytes id, List<HashResponse> responses) {}

    /** A 20-byte id as the reference sends it: a Hash32 with the id first and zeros after. */
    public static Bytes asHash32(Bytes id) {
        if (id.length() > 32) {
            throw new IllegalArgumentException("an id has at most 32 bytes, got " + id.length());
        }
        byte[] out = new byte[32];
        id.copyTo(out, 0);
        return Bytes.wrap(out);
    }

    /** {@code RequestBatch.ID}: BLAKE3 of the SCALE slice of the requests. */
    public static Bytes batchId(List<HashRequest> requests) {
        ScaleWriter w = new ScaleWriter();
        writeRequests(w, requests);
        return Bytes.of(Blake3.hash(w.toByteArray()).toByteArray());
    }

    public static RequestBatch batch(List<HashRequest> requests) {
        return new RequestBatch(batchId(requests), List.copyOf(requests));
    }

    public static byte[] encode(RequestBatch batch) {
        ScaleWriter w = new ScaleWriter();
        w.writeFixed(batch.id().toByteArray());
        writeRequests(w, batch.requests());
        return w.toByteArray();
    }

    private static void writeRequests(ScaleWriter w, List<HashRequest> requests) {
        w.writeLength(requests.size(), MAX_REQUESTS);
        for (HashRequest r : requests) {
            w.writeString(r.hint(), MAX_HINT);
            w.writeFixed(r.hash().toByteArray());
        }
    }

    public static RequestBatch decodeRequestBatch(byte[] bytes) throws ScaleException {
        ScaleReader r = new ScaleReader(bytes);
        Bytes id = Bytes.wrap(r.readFixed(32));
        long n = r.readLength(MAX_REQUESTS);
        List<HashRequest> requests = new ArrayList<>((int) n);
        for (long i = 0; i < n; i++) {
            String hint = r.readString(MAX_HINT);
            requests.add(new HashRequest(hint, Bytes.wrap(r.readFixed(32))));
        }
        r.finish();
        return new RequestBatch(id, requests);
    }

    public static byte[] encode(ResponseBatch batch) {
        ScaleWriter w = new ScaleWriter();
        w.writeFixed(batch.id().toByteArray());
        w.writeLength(batch.responses().size(), MAX_DATA);
        for (HashResponse r : batch.responses()) {
            w.writeFixed(r.hash().toByteArray());
            w.writeByteSlice(r.data(), MAX_DATA);
        }
        return w.toByteArray();
    }

    public static ResponseBatch decodeResponseBatch(byte[] bytes) throws ScaleException {
        ScaleReader r = new ScaleReader(bytes);
        Bytes id = Bytes.wrap(r.readFixed(32));
        long n = r.readLength(MAX_REQUESTS);
        List<HashResponse> responses = new ArrayList<>((int) n);
        for (long i = 0; i < n; i++) {
            Bytes hash = Bytes.wrap(r.readFixed(32));
            responses.add(new HashResponse(hash, Bytes.wrap(r.readByteSlice(MAX_DATA))));
        }
        r.finish();
        return new ResponseBatch(id, responses);
    }

    /** A SCALE slice of fixed-width ids ({@code EpochData}, {@code LayerData}, {@code MaliciousIDs}). */
    public static byte[] encodeIds(List<Bytes> ids, int width, long max) {
        ScaleWriter w = new ScaleWriter();
        w.writeLength(ids.size(), max);
        for (Bytes id : ids) {
            if (id.length() != width) {
                throw new IllegalArgumentException("an id of " + width + " bytes expected, got " + id.length());
            }
            w.writeFixed(id.toByteArray());
        }
        return w.toByteArray();
    }

    public static List<Bytes> decodeIds(byte[] bytes, int width, long max) throws ScaleException {
        ScaleReader r = new ScaleReader(bytes);
        long n = r.readLength(max);
        List<Bytes> ids = new ArrayList<>((int) Math.min(n, 1 << 16));
        for (long i = 0; i < n; i++) {
            ids.add(Bytes.wrap(r.readFixed(width)));
        }
        r.finish();
        return ids;
    }

    /** A u32 little-endian request body ({@code ax/1}'s epoch, {@code ld/1}'s layer). */
    public static byte[] u32(long value) {
        ScaleWriter w = new ScaleWriter();
        w.writeU32Le(value);
        return w.toByteArray();
    }

    public static long readU32(byte[] bytes) throws ScaleException {
        ScaleReader r = new ScaleReader(bytes);
        long v = r.readU32Le();
        r.finish();
        return v;
    }
}
