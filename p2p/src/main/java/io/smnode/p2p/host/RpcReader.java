package io.smnode.p2p.host;

import io.smnode.p2p.pubsub.Rpc;
import io.smnode.p2p.pubsub.RpcCodec;
import io.smnode.p2p.wire.ByteQueue;
import io.smnode.p2p.wire.WireException;
import java.util.function.BiConsumer;

/**
 * Reads a peer's inbound meshsub stream: {@code uvarint(len) ‖ RPC} frames of at most 2 MiB. At most
 * {@link #MAX_IN_FLIGHT} RPCs of the peer wait in the router and the ingestion graphs at once (the host calls
 * {@code done} only when a topic's graph has room again); beyond that the frames stay as bytes here and the yamux
 * credit for new bytes is held back, so validation that falls behind stops the peer at its window instead of
 * filling a queue. A malformed or oversized RPC closes the connection.
 */
final class RpcReader implements StreamHandler {
    static final int MAX_IN_FLIGHT = 16;

    /** Hands an RPC to the router; {@code done} must run (on any thread) once its messages have room downstream. */
    interface Sink {
        void accept(MuxedStream stream, Rpc rpc, Runnable done);
    }

    private final Sink sink;
    private final BiConsumer<MuxedStream, String> malformed;
    // One RPC being assembled, plus at most one window of bytes sent while credit was held.
    private final ByteQueue buffer = new ByteQueue(RpcCodec.MAX_RPC_BYTES + 16 + (1 << 20));
    private int inFlight;
    private int heldCredit;

    RpcReader(Sink sink, BiConsumer<MuxedStream, String> malformed) {
        this.sink = sink;
        this.malformed = malformed;
    }

    @Override
    public void onData(MuxedStream stream, byte[] data) {
        try {
            buffer.append(data);
        } catch (WireException e) {
            malformed.accept(stream, e.getMessage());
            return;
        }
        if (inFlight >= MAX_IN_FLIGHT) {
            heldCredit += data.length;
        } else {
            stream.consumed(data.length);
        }
        drain(stream);
    }

    private void drain(MuxedStream stream) {
        try {
            while (inFlight < MAX_IN_FLIGHT) {
                byte[] frame = buffer.takeLengthPrefixed(RpcCodec.MAX_RPC_BYTES);
                if (frame == null) {
                    return;
                }
                Rpc rpc = RpcCodec.decode(frame);
                inFlight++;
                sink.accept(stream, rpc, () -> stream.connection().execute(() -> done(stream)));
            }
        } catch (WireException e) {
            malformed.accept(stream, e.getMessage());
        }
    }

    private void done(MuxedStream stream) {
        inFlight--;
        drain(stream);
        if (inFlight < MAX_IN_FLIGHT && heldCredit > 0) {
            int n = heldCredit;
            heldCredit = 0;
            stream.consumed(n);
        }
    }

    @Override
    public void onRemoteClose(MuxedStream stream) {
        stream.close();
    }
}
