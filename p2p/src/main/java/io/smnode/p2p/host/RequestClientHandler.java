package io.smnode.p2p.host;

import io.smnode.core.types.Bytes;
import io.smnode.p2p.ServerErrorException;
import io.smnode.p2p.reqresp.Response;
import io.smnode.p2p.reqresp.ResponseReader;
import io.smnode.p2p.wire.Frames;
import io.smnode.p2p.wire.WireException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

/**
 * The client side of a Spacemesh request: writes {@code uvarint(len) ‖ request} (without half-closing, as go does),
 * reads the SCALE {@link Response} as it arrives, then closes. Its timeouts are driven by the host through
 * {@link #checkIdle}.
 */
final class RequestClientHandler implements StreamHandler {
    private final byte[] frame;
    private final ResponseReader reader;
    private final CompletableFuture<Bytes> result;
    private MuxedStream stream;
    private volatile long lastActivity = System.nanoTime();

    RequestClientHandler(Bytes request, long maxResponse, CompletableFuture<Bytes> result) {
        this.frame = Frames.lengthPrefixed(request.toByteArray());
        this.reader = new ResponseReader(maxResponse);
        this.result = result;
    }

    @Override
    public void onOpen(MuxedStream s) {
        stream = s;
        lastActivity = System.nanoTime();
        if (!s.write(frame)) {
            fail(s, "request could not be queued");
        }
    }

    @Override
    public void onData(MuxedStream s, byte[] data) {
        lastActivity = System.nanoTime();
        try {
            reader.feed(data);
        } catch (WireException e) {
            fail(s, "bad response: " + e.getMessage());
            return;
        }
        s.consumed(data.length);
        Response r = reader.response();
        if (r != null) {
            s.close();
            if (r.isError()) {
                result.completeExceptionally(new ServerErrorException(r.error()));
            } else {
                result.complete(r.data());
            }
        }
    }

    @Override
    public void onRemoteClose(MuxedStream s) {
        if (!result.isDone()) {
            fail(s, "the peer closed the stream before a full response");
        }
    }

    @Override
    public void onReset(MuxedStream s, String reason) {
        result.completeExceptionally(new IllegalStateException("request failed: " + reason));
    }

    /** On the connection's thread: fails the request when it has been idle for {@code idleNanos}; true if it did. */
    boolean checkIdle(long idleNanos) {
        if (result.isDone()) {
            return true;
        }
        if (System.nanoTime() - lastActivity >= idleNanos) {
            timeout("no progress for " + idleNanos / 1_000_000_000 + " s");
            return true;
        }
        return false;
    }

    void timeout(String why) {
        if (!result.isDone()) {
            result.completeExceptionally(new TimeoutException("request timed out: " + why));
            if (stream != null) {
                stream.reset();
            }
        }
    }

    private void fail(MuxedStream s, String why) {
        result.completeExceptionally(new IllegalStateException(why));
        s.reset();
    }
}
