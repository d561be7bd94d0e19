package io.smnode.p2p.host;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** {@code /ipfs/ping/1.0.0}: the responder echoes every 32 bytes; the client times one round trip. */
final class PingHandlers {
    static final String PROTOCOL_ID = "/ipfs/ping/1.0.0";
    static final int SIZE = 32;

    private PingHandlers() {}

    /** Echoes what arrives; at most one ping's worth waits for its missing bytes. */
    static StreamHandler responder() {
        return new StreamHandler() {
            @Override
            public void onData(MuxedStream stream, byte[] data) {
                if (!stream.write(data)) {
                    stream.reset();
                    return;
                }
                stream.consumed(data.length);
            }

            @Override
            public void onRemoteClose(MuxedStream stream) {
                stream.close();
            }
        };
    }

    static StreamHandler client(byte[] payload, CompletableFuture<Duration> rtt) {
        return new StreamHandler() {
            private long start;
            private int received;

            @Override
            public void onOpen(MuxedStream stream) {
                start = System.nanoTime();
                stream.write(payload);
            }

            @Override
            public void onData(MuxedStream stream, byte[] data) {
                received += data.length;
                stream.consumed(data.length);
                if (received >= SIZE) {
                    rtt.complete(Duration.ofNanos(System.nanoTime() - start));
                    stream.close();
                }
            }

            @Override
            public void onReset(MuxedStream stream, String reason) {
                rtt.completeExceptionally(new IllegalStateException("ping: " + reason));
            }
        };
    }
}
