package io.smnode.p2p.host;

import io.smnode.p2p.identify.IdentifyMessage;
import io.smnode.p2p.wire.ByteQueue;
import io.smnode.p2p.wire.WireException;
import java.util.function.BiConsumer;

/**
 * Reads identify messages until the peer closes the stream (go-libp2p sends one, and reads up to ten), for both our
 * outbound {@code /ipfs/id/1.0.0} and an inbound push. Later messages refine earlier ones.
 */
final class IdentifyReader implements StreamHandler {
    private static final int MAX_MESSAGES = 10;
    private final ByteQueue buffer = new ByteQueue(MAX_MESSAGES * (IdentifyMessage.MAX_LENGTH + 4));
    private final BiConsumer<IdentifyMessage, String> done;
    private boolean finished;

    /** @param done called once, with the message or else why there is none */
    IdentifyReader(BiConsumer<IdentifyMessage, String> done) {
        this.done = done;
    }

    @Override
    public void onData(MuxedStream stream, byte[] data) {
        try {
            buffer.append(data);
        } catch (WireException e) {
            finish(null, "identify: " + e.getMessage());
            stream.reset();
            return;
        }
        stream.consumed(data.length);
    }

    @Override
    public void onRemoteClose(MuxedStream stream) {
        IdentifyMessage last = null;
        try {
            for (byte[] m = buffer.takeLengthPrefixed(IdentifyMessage.MAX_LENGTH); m != null;
                 m = buffer.takeLengthPrefixed(IdentifyMessage.MAX_LENGTH)) {
                last = IdentifyMessage.decode(m);
            }
        } catch (WireException e) {
            finish(null, "identify: " + e.getMessage());
            stream.reset();
            return;
        }
        stream.close();
        finish(last, last == null ? "identify: the peer sent nothing" : null);
    }

    @Override
    public void onReset(MuxedStream stream, String reason) {
        finish(null, "identify: " + reason);
    }

    private void finish(IdentifyMessage m, String error) {
        if (!finished) {
            finished = true;
            done.accept(m, error);
        }
    }
}
