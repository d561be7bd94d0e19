package io.smnode.p2p.host;

import io.smnode.core.types.Bytes;
import io.smnode.p2p.RequestHandler;
import io.smnode.p2p.reqresp.Response;
import io.smnode.p2p.reqresp.ServerLimits;
import io.smnode.p2p.reqresp.TokenBucket;
import io.smnode.p2p.wire.ByteQueue;
import io.smnode.p2p.wire.WireException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * The server side of one Spacemesh request (go-spacemesh {@code p2p/server}): reads {@code uvarint(len) ‖ request};
 * a length over 10,240 closes the whole connection; admission by the protocol's queue (over it the stream is reset)
 * and rate (excess waits); the handler's data or error is written as a SCALE {@link Response}, then the stream is
 * closed. A large answer is written in pieces as the peer takes them (the stream's queue stays small), as go-spacemesh's
 * streaming handlers do: {@code compact(len)}, the data, then an empty error. A hard timeout resets a request that takes
 * too long.
 */
final class RequestServerHandler implements StreamHandler {
    /** Shared by every stream of one served protocol. */
    static final class Admission {
        final String protocol;
        final RequestHandler handler;
        final ServerLimits limits;
        final AtomicInteger inFlight = new AtomicInteger();
        private final TokenBucket bucket;

        Admission(String protocol, RequestHandler handler, ServerLimits limits) {
            this.protocol = protocol;
            this.handler = handler;
            this.limits = limits;
            this.bucket = new TokenBucket(limits.perSecond(), (int) Math.max(1, limits.perSecond()), System.currentTimeMillis());
        }

        synchronized long reserve() {
            return bucket.reserve(System.currentTimeMillis());
        }
    }

    /** Runs work after a delay (the host's scheduler). */
    interface Scheduler {
        void schedule(Duration delay, Runnable work);
    }

    /** Bytes written per piece, and the most left queued on the stream before waiting for it to drain. */
    private static final int PIECE = 256 * 1024;
    private static final int QUEUED_HIGH = 1 << 20;

    private final Admission admission;
    private final Scheduler scheduler;
    private final ByteQueue buffer = new ByteQueue(ServerLimits.MAX_REQUEST + 16);
    private final BiConsumer<Connection, String> closeConnection;
    private boolean started;
    private boolean finished;
    private byte[] answer;
    private int answered;

    RequestServerHandler(Admission admission, Scheduler scheduler, BiConsumer<Connection, String> closeConnection) {
        this.admission = admission;
        this.scheduler = scheduler;
        this.closeConnection = closeConnection;
    }

    @Override
    public void onData(MuxedStream stream, byte[] data) {
        stream.consumed(data.length);
        if (started) {
            return;
        }
        byte[] request;
        try {
            buffer.append(data);
            request = buffer.takeLengthPrefixed(ServerLimits.MAX_REQUEST);
        } catch (WireException e) {
            closeConnection.accept(stream.connection(), admission.protocol + ": " + e.getMessage());
            return;
        }
        if (request != null) {
            started = true;
            admit(stream, Bytes.wrap(request));
        }
    }

    private void admit(MuxedStream stream, Bytes request) {
        if (admission.inFlight.incrementAndGet() > admission.limits.queue()) {
            admission.inFlight.decrementAndGet();
            finished = true;
            stream.reset();
            return;
        }
        Connection conn = stream.connection();
        scheduler.schedule(admission.limits.hardTimeout(), () -> conn.execute(() -> {
            if (!finished) {
                finish();
                stream.reset();
            }
        }));
        long wait = admission.reserve();
        Runnable run = () -> {
            CompletionStage<Bytes> answer;
            try {
                answer = admission.handler.handle(stream.peer(), request);
            } catch (RuntimeException e) {
                answer = CompletableFuture.failedFuture(e);
            }
            answer.whenComplete((data, err) -> conn.execute(() -> respond(stream, data, err)));
        };
        if (wait == 0) {
            run.run();
        } else {
            scheduler.schedule(Duration.ofMillis(wait), run);
        }
    }

    private void respond(MuxedStream stream, Bytes data, Throwable err) {
        if (finished) {
            return;
        }
        finish();
        if (err != null || data == null || data.length() > Response.MAX_DATA) {
            Throwable cause = err != null && err.getCause() != null && err instanceof java.util.concurrent.CompletionException
                    ? err.getCause() : err;
            String why = cause == null ? "response too large"
                    : cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            if (stream.write(Response.failure(why).encode())) {
                stream.close();
            } else {
                stream.reset();
            }
            return;
        }
        answer = data.toByteArray();
        if (!stream.write(Response.streamingHeader(answer.length))) {
            stream.reset();
            return;
        }
        onWritable(stream);
    }

    @Override
    public void onWritable(MuxedStream stream) {
        if (answer == null) {
            return;
        }
        while (answered < answer.length && stream.queued() < QUEUED_HIGH) {
            int n = Math.min(PIECE, answer.length - answered);
            byte[] piece = java.util.Arrays.copyOfRange(answer, answered, answered + n);
            answered += n;
            if (!stream.write(piece)) {
                answer = null;
                stream.reset();
                return;
            }
        }
        if (answered == answer.length) {
            answer = null;
            if (stream.write(Response.streamingTrailer())) {
                stream.close();
            } else {
                stream.reset();
            }
        }
    }

    private void finish() {
        if (!finished) {
            finished = true;
            admission.inFlight.decrementAndGet();
        }
    }

    @Override
    public void onReset(MuxedStream stream, String reason) {
        if (started) {
            finish();
        }
        finished = true;
    }
}
