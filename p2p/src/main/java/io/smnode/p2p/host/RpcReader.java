package io.smnode.p2p.host;

import io.smnode.p2p.pubsub.Rpc;
import io.smnode.p2p.pubsub.RpcCodec;
import io.smnode.p2p.wire.ByteQueue;
import io.smnode.p2p.wire.WireException;
import java.util.function.BiConsumer;

/**
 * Reads a peer's inbound meshsub stream: {@code uvarint(len) ‖ RPC} frames of at most 2 MiB. Bytes of an unfinished
 * frame are credited back at once (the frame buffer itself is bounded); whole RPCs go to the router, and while more
 * than {@link #MAX_IN_FLIGHT} of them wait there, credit is held back, so a router or ingestion that falls behind
 * slows the peer down through its yamux window. A malformed or oversized RPC closes the connection.
 */
final class RpcReader implements StreamHandler {
    static final int MAX_IN_FLIGHT = 16;

    /** Hands an RPC to the router; {@code done} must run (on any thread) once the router has taken it. */
    interface Sink {
        void accept(MuxedStream stream, Rpc rpc, Runnable done);
    }

    private final Sink sink;
    private final BiConsumer<MuxedStream, String> malformed;
    private final ByteQueue buffer = new ByteQueue(RpcCodec.MAX_RPC_BYTES + 16);
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
            for (byte[] frame = buffer.takeLengthPrefixed(RpcCodec.MAX_RPC_BYTES); frame != null;
                 frame = buffer.takeLengthPrefixed(RpcCodec.MAX_RPC_BYTES)) {
                Rpc rpc = RpcCodec.decode(frame);
                inFlight++;
                sink.accept(stream, rpc, () -> stream.connection().execute(() -> done(stream)));
            }
        } catch (WireException e) {
            malformed.accept(stream, e.getMessage());
            return;
        }
        credit(stream, data.length);
    }

    private void credit(MuxedStream stream, int n) {
        if (inFlight > MAX_IN_FLIGHT) {
            heldCredit += n;
        } else {
            stream.consumed(n);
        }
    }

    private void done(MuxedStream stream) {
        inFlight--;
        if (inFlight <= MAX_IN_FLIGHT && heldCredit > 0) {
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
