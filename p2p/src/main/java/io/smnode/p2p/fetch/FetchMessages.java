package io.smnode.p2p.fetch;

import io.smnode.core.codec.ScaleException;
import io.smnode.core.codec.ScaleReader;
import io.smnode.core.codec.ScaleWriter;
import io.smnode.core.hash.Blake3;
import io.smnode.core.types.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
    /** Mesh hashes of one {@code mh/1} answer ({@code MeshHashes}); a request asks for at most 100 layers. */
    public static final long MAX_MESH_HASHES = 1000;
    public static final long MAX_HASHES_IN_REQUEST = 100;

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

    /**
     * {@code lp/2}'s request {@code OpinionRequest{Layer LayerID; Block *BlockID}}: the layer's opinion, or with a
     * block the certificate of that block.
     */
    public record OpinionRequest(long layer, Optional<Bytes> block) {}

    /**
     * {@code lp/2}'s answer without a block: {@code LayerOpinion{PrevAggHash Hash32; Certified *BlockID}}, the mesh
     * hash of the layer before and the layer's certified block.
     */
    public record LayerOpinion(Bytes prevAggHash, Optional<Bytes> certified) {}

    /** {@code mh/1}'s request {@code MeshHashRequest{From, To LayerID; Step uint32}}. */
    public record MeshHashRequest(long from, long to, long step) {
        /** The layers asked for: from, from + step, ... and {@code to} (the reference's {@code Count}). */
        public long count() {
            long dist = to - from;
            return dist / step + 1 + (dist % step != 0 ? 1 : 0);
        }
    }

    public static byte[] encode(OpinionRequest req) {
        ScaleWriter w = new ScaleWriter();
        w.writeCompactU32(req.layer());
        writeOptionalId(w, req.block(), 20);
        return w.toByteArray();
    }

    public static OpinionRequest decodeOpinionRequest(byte[] bytes) throws ScaleException {
        ScaleReader r = new ScaleReader(bytes);
        OpinionRequest req = new OpinionRequest(r.readCompactU32(), readOptionalId(r, 20));
        r.finish();
        return req;
    }

    public static byte[] encode(LayerOpinion o) {
        ScaleWriter w = new ScaleWriter();
        w.writeFixed(o.prevAggHash().toByteArray());
        writeOptionalId(w, o.certified(), 20);
        return w.toByteArray();
    }

    public static LayerOpinion decodeLayerOpinion(byte[] bytes) throws ScaleException {
        ScaleReader r = new ScaleReader(bytes);
        LayerOpinion o = new LayerOpinion(Bytes.wrap(r.readFixed(32)), readOptionalId(r, 20));
        r.finish();
        return o;
    }

    public static byte[] encode(MeshHashRequest req) {
        ScaleWriter w = new ScaleWriter();
        w.writeCompactU32(req.from());
        w.writeCompactU32(req.to());
        w.writeCompactU32(req.step());
        return w.toByteArray();
    }

    public static MeshHashRequest decodeMeshHashRequest(byte[] bytes) throws ScaleException {
        ScaleReader r = new ScaleReader(bytes);
        MeshHashRequest req = new MeshHashRequest(r.readCompactU32(), r.readCompactU32(), r.readCompactU32());
        r.finish();
        return req;
    }

    /** A SCALE option (go's pointer): one byte 0 for none, 1 and the value for some. */
    private static void writeOptionalId(ScaleWriter w, Optional<Bytes> id, int width) {
        w.writeByte(id.isPresent() ? 1 : 0);
        id.ifPresent(b -> {
            if (b.length() != width) {
                throw new IllegalArgumentException("an id of " + width + " bytes expected, got " + b.length());
            }
            w.writeFixed(b.toByteArray());
        });
    }

    private static Optional<Bytes> readOptionalId(ScaleReader r, int width) throws ScaleException {
        int flag = r.readByte();
        if (flag == 0) {
            return Optional.empty();
        }
        if (flag != 1) {
            throw new ScaleException(ScaleException.Reason.INVALID_VALUE, "", r.position() - 1,
                    "an option's flag is 0 or 1, got " + flag);
        }
        return Optional.of(Bytes.wrap(r.readFixed(width)));
    }

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

    /**
     * The request body of {@code ax/1} (an epoch) and {@code ld/1} (a layer): go-spacemesh encodes its {@code EpochID}
     * and {@code LayerID} (uint32) as SCALE compact integers ({@code common/types/layer.go}, {@code epoch.go}).
     */
    public static byte[] epochOrLayer(long value) {
        ScaleWriter w = new ScaleWriter();
        w.writeCompactU32(value);
        return w.toByteArray();
    }

    public static long readEpochOrLayer(byte[] bytes) throws ScaleException {
        ScaleReader r = new ScaleReader(bytes);
        long v = r.readCompactU32();
        r.finish();
        return v;
    }
}
