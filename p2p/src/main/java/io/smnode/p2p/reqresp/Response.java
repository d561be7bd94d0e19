package io.smnode.p2p.reqresp;

import io.smnode.core.codec.ScaleWriter;
import io.smnode.core.types.Bytes;

/**
 * go-spacemesh's server response, SCALE {@code Response{Data []byte (≤ 272,629,760); Error string (≤ 1024)}}:
 * {@code compact(len) ‖ data ‖ compact(len) ‖ error}. A non-empty error is the server's refusal. The streaming
 * handlers write the same bytes in pieces ({@link #streamingHeader}).
 */
public record Response(Bytes data, String error) {
    public static final long MAX_DATA = 272_629_760L;
    public static final int MAX_ERROR = 1024;

    public static Response ok(Bytes data) {
        return new Response(data, "");
    }

    public static Response failure(String error) {
        String e = error.isEmpty() ? "error" : error;
        return new Response(Bytes.EMPTY, e.length() > MAX_ERROR / 4 ? e.substring(0, MAX_ERROR / 4) : e);
    }

    public boolean isError() {
        return !error.isEmpty();
    }

    public byte[] encode() {
        ScaleWriter w = new ScaleWriter();
        w.writeByteSlice(data, MAX_DATA);
        w.writeString(error, MAX_ERROR);
        return w.toByteArray();
    }

    /** What a streaming server writes before its items: {@code compact(totalLength)}. */
    public static byte[] streamingHeader(long totalLength) {
        ScaleWriter w = new ScaleWriter();
        w.writeLength(totalLength, MAX_DATA);
        return w.toByteArray();
    }

    /** What a streaming server writes after its items: an empty error. */
    public static byte[] streamingTrailer() {
        ScaleWriter w = new ScaleWriter();
        w.writeString("", MAX_ERROR);
        return w.toByteArray();
    }
}
