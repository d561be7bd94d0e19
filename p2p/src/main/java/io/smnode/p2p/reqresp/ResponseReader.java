package io.smnode.p2p.reqresp;

import io.smnode.core.codec.ScaleException;
import io.smnode.core.codec.ScaleReader;
import io.smnode.core.types.Bytes;
import io.smnode.p2p.wire.WireException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a {@link Response} as it arrives (the client side of both the plain and the streaming handlers), never
 * holding more than the declared data, itself bounded by the caller's limit.
 */
public final class ResponseReader {
    private final long maxData;
    private byte[] prefix = new byte[0];
    private long dataLength = -1;
    private ByteArrayOutputStream data;
    private long errorLength = -1;
    private ByteArrayOutputStream error;
    private Response done;

    public ResponseReader(long maxData) {
        this.maxData = Math.min(maxData, Response.MAX_DATA);
    }

    /** The response once complete, else null. */
    public Response response() {
        return done;
    }

    /**
     * Feeds bytes; bytes past the end of the response are a protocol error.
     *
     * @throws WireException on a malformed or oversized response
     */
    public void feed(byte[] b) {
        int at = 0;
        while (at < b.length) {
            if (done != null) {
                throw new WireException("bytes after the response");
            }
            if (dataLength < 0) {
                at = readCompact(b, at, maxData, true);
            } else if (data.size() < dataLength) {
                int n = (int) Math.min(dataLength - data.size(), b.length - at);
                data.write(b, at, n);
                at += n;
            } else if (errorLength < 0) {
                at = readCompact(b, at, Response.MAX_ERROR, false);
            } else {
                int n = (int) Math.min(errorLength - error.size(), b.length - at);
                error.write(b, at, n);
                at += n;
            }
            finishIfComplete();
        }
    }

    private void finishIfComplete() {
        if (dataLength >= 0 && data.size() == dataLength && errorLength >= 0 && error.size() == errorLength && done == null) {
            done = new Response(Bytes.wrap(data.toByteArray()), error.toString(StandardCharsets.UTF_8));
        }
    }

    private int readCompact(byte[] b, int at, long max, boolean forData) {
        prefix = Arrays.copyOf(prefix, prefix.length + 1);
        prefix[prefix.length - 1] = b[at];
        int mode = prefix[0] & 3;
        int need = switch (mode) {
            case 0 -> 1;
            case 1 -> 2;
            case 2 -> 4;
            default -> ((prefix[0] & 0xFF) >>> 2) + 5;
        };
        if (prefix.length < need) {
            return at + 1;
        }
        long len;
        try {
            len = new ScaleReader(prefix).readLength(max);
        } catch (ScaleException e) {
            throw new WireException("response length: " + e.getMessage(), e);
        }
        prefix = new byte[0];
        if (forData) {
            dataLength = len;
            data = new ByteArrayOutputStream((int) Math.min(len, 1 << 20));
        } else {
            errorLength = len;
            error = new ByteArrayOutputStream((int) len);
        }
        return at + 1;
    }
}
