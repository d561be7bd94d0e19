package io.smnode.p2p.yamux;

import io.smnode.p2p.wire.ByteQueue;
import io.smnode.p2p.wire.WireException;
import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One yamux session (libp2p {@code /yamux/1.0.0}): stream ids (the dialer odd, the listener even), SYN/ACK/FIN/RST,
 * per-stream send and receive windows, pings and go-away.
 *
 * <p>Flow control is tied to the consumer: data received is handed to {@link Events#onData} and the window is
 * given back only when the consumer calls {@link #consumed}. A consumer that stops consuming therefore stops the
 * peer after one window (256 KiB) instead of growing a buffer; a peer that sends beyond its window breaks the
 * protocol and the session ends. Outbound data waits in a bounded per-stream queue for the peer's credit and for
 * room in the outbox (what the transport has not taken yet).
 *
 * <p>Pure and single-threaded: bytes in through {@link #receive}, frames out through {@link #drainOutput}.
 */
public final class YamuxSession {
    public static final String PROTOCOL_ID = "/yamux/1.0.0";

    /** What the session reports to its owner, in the order it happens. */
    public interface Events {
        /** A peer opened a stream; return false to refuse it (the session resets it). */
        boolean onInboundStream(int id);

        void onData(int id, byte[] data);

        /** The peer will send no more on the stream (FIN). */
        void onRemoteClose(int id);

        /** The stream is gone (RST from the peer, or reset locally by the session). */
        void onReset(int id);

        /** The stream's queued data has all gone out: a writer that paces itself may write more. */
        default void onWritable(int id) {}

        default void onPong(long opaque) {}

        default void onGoAway(int code) {}
    }

    /**
     * @param initialWindow the receive window granted per stream (and assumed for sending), 256 KiB in libp2p
     * @param maxInboundStreams streams the peer may have open at once; more are reset
     * @param maxRefusedStreams refusals after which the session is a protocol error (a stream flood)
     * @param maxQueuedPerStream bytes a stream may hold waiting for credit; a write beyond fails
     * @param outboxHighWater bytes of frames not yet taken by the transport above which streams stop sending
     * @param maxQueuedPerSession bytes all streams together may hold waiting; a write beyond fails
     */
    public record Limits(int initialWindow, int maxInboundStreams, int maxRefusedStreams, int maxQueuedPerStream,
                         int outboxHighWater, long maxQueuedPerSession) {
        public static final Limits DEFAULT = new Limits(256 * 1024, 512, 1024, 8 * 1024 * 1024, 1024 * 1024, 32L << 20);
    }

    /** Largest data frame sent: one yamux frame then fits one Noise frame. */
    static final int MAX_DATA_FRAME = 65519 - YamuxFrame.HEADER_LENGTH;

    private static final class Stream {
        final int id;
        final boolean inbound;
        long sendWindow;
        long recvWindow;
        long credit;
        final ArrayDeque<byte[]> queue = new ArrayDeque<>();
        int headOffset;
        long queued;
        boolean closeRequested;
        boolean finSent;
        boolean remoteClosed;
        boolean synSent;

        Stream(int id, boolean inbound, int window) {
            this.id = id;
            this.inbound = inbound;
            this.sendWindow = window;
            this.recvWindow = window;
        }
    }

    private final boolean client;
    private final Limits limits;
    private final Events events;
    private final Map<Integer, Stream> streams = new HashMap<>();
    private final Set<Integer> blocked = new LinkedHashSet<>();
    private final ArrayDeque<byte[]> outbox = new ArrayDeque<>();
    private long outboxBytes;
    private long queuedTotal;
    private final ByteQueue in;
    private YamuxFrame pendingHeader;
    private int nextId;
    private int inboundOpen;
    private int refused;
    private boolean goAwayReceived;
    private boolean goAwaySent;

    public YamuxSession(boolean client, Limits limits, Events events) {
        this.client = client;
        this.limits = limits;
        this.events = events;
        this.nextId = client ? 1 : 2;
        this.in = new ByteQueue(YamuxFrame.HEADER_LENGTH + limits.initialWindow() + 2 * 65536);
    }

    public int openStreams() {
        return streams.size();
    }

    public long outboxBytes() {
        return outboxBytes;
    }

    /** Bytes all streams hold waiting for credit or outbox room. */
    public long queuedTotal() {
        return queuedTotal;
    }

    public boolean goAwayReceived() {
        return goAwayReceived;
    }

    /** Opens a stream (SYN); its id, or -1 after a go-away. */
    public int open() {
        if (goAwayReceived || goAwaySent) {
            return -1;
        }
        int id = nextId;
        nextId += 2;
        Stream s = new Stream(id, false, limits.initialWindow());
        streams.put(id, s);
        s.synSent = true;
        emit(new YamuxFrame(YamuxFrame.WINDOW_UPDATE, YamuxFrame.SYN, id, 0), null, 0, 0);
        return id;
    }

    /**
     * Queues data on a stream.
     *
     * @return false (nothing queued) when the stream is unknown, closed for writing, or its queue is full
     */
    public boolean write(int id, byte[] data) {
        Stream s = streams.get(id);
        if (s == null || s.closeRequested || s.queued + data.length > limits.maxQueuedPerStream()
                || queuedTotal + data.length > limits.maxQueuedPerSession()) {
            return false;
        }
        if (data.length > 0) {
            s.queue.add(data);
            s.queued += data.length;
            queuedTotal += data.length;
        }
        pump(s);
        return true;
    }

    /** Bytes of the stream still waiting for credit or outbox room. */
    public long queued(int id) {
        Stream s = streams.get(id);
        return s == null ? 0 : s.queued;
    }

    /** Half-closes: FIN after the queued data. */
    public void close(int id) {
        Stream s = streams.get(id);
        if (s == null || s.closeRequested) {
            return;
        }
        s.closeRequested = true;
        pump(s);
    }

    /** Abandons the stream (RST); queued data is dropped. */
    public void reset(int id) {
        Stream s = streams.remove(id);
        if (s == null) {
            return;
        }
        forget(s);
        emit(new YamuxFrame(YamuxFrame.WINDOW_UPDATE, YamuxFrame.RST, id, 0), null, 0, 0);
    }

    /** The consumer has processed {@code n} bytes of the stream: the peer may send that much more. */
    public void consumed(int id, int n) {
        Stream s = streams.get(id);
        if (s == null || s.remoteClosed) {
            return;
        }
        s.credit += n;
        if (s.credit >= limits.initialWindow() / 2) {
            s.recvWindow += s.credit;
            emit(new YamuxFrame(YamuxFrame.WINDOW_UPDATE, 0, id, s.credit), null, 0, 0);
            s.credit = 0;
        }
    }

    public void ping(long opaque) {
        emit(new YamuxFrame(YamuxFrame.PING, YamuxFrame.SYN, 0, opaque & 0xFFFFFFFFL), null, 0, 0);
    }

    public void goAway(int code) {
        if (!goAwaySent) {
            goAwaySent = true;
            emit(new YamuxFrame(YamuxFrame.GO_AWAY, 0, 0, code), null, 0, 0);
        }
    }

    /**
     * Takes up to about {@code max} bytes of frames for the transport (at least one frame when any is waiting),
     * then lets blocked streams refill the outbox.
     */
    public byte[] drainOutput(int max) {
        if (outbox.isEmpty()) {
            return new byte[0];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(max, (int) Math.min(outboxBytes, Integer.MAX_VALUE)));
        while (!outbox.isEmpty() && (out.size() == 0 || out.size() + outbox.peek().length <= max)) {
            byte[] f = outbox.poll();
            outboxBytes -= f.length;
            out.writeBytes(f);
        }
        if (!blocked.isEmpty() && outboxBytes < limits.outboxHighWater()) {
            for (Integer id : new ArrayList<>(blocked)) {
                Stream s = streams.get(id);
                blocked.remove(id);
                if (s != null) {
                    pump(s);
                }
            }
        }
        return out.toByteArray();
    }

    public boolean hasOutput() {
        return !outbox.isEmpty();
    }

    /**
     * Consumes decrypted bytes from the peer, reporting through {@link Events}.
     *
     * @throws WireException on a protocol violation; the caller ends the session
     */
    public void receive(byte[] data) {
        in.append(data);
        while (true) {
            if (pendingHeader == null) {
                if (in.size() < YamuxFrame.HEADER_LENGTH) {
                    return;
                }
                pendingHeader = YamuxFrame.decode(in.array(), in.readIndex());
                in.skip(YamuxFrame.HEADER_LENGTH);
                checkHeader(pendingHeader);
            }
            YamuxFrame f = pendingHeader;
            int body = f.type() == YamuxFrame.DATA ? (int) f.length() : 0;
            if (in.size() < body) {
                return;
            }
            pendingHeader = null;
            byte[] payload = body == 0 ? null : in.take(body);
            onFrame(f, payload);
        }
    }

    private void checkHeader(YamuxFrame f) {
        if (f.type() == YamuxFrame.DATA && f.length() > limits.initialWindow()) {
            throw new WireException("yamux: data frame of " + f.length() + " bytes exceeds the window");
        }
        if ((f.type() == YamuxFrame.PING || f.type() == YamuxFrame.GO_AWAY) && f.streamId() != 0) {
            throw new WireException("yamux: session frame on stream " + f.streamId());
        }
        if ((f.type() == YamuxFrame.DATA || f.type() == YamuxFrame.WINDOW_UPDATE) && f.streamId() == 0) {
            throw new WireException("yamux: stream frame on stream 0");
        }
    }

    private void onFrame(YamuxFrame f, byte[] payload) {
        switch (f.type()) {
            case YamuxFrame.PING -> {
                if (f.has(YamuxFrame.SYN)) {
                    emit(new YamuxFrame(YamuxFrame.PING, YamuxFrame.ACK, 0, f.length()), null, 0, 0);
                } else {
                    events.onPong(f.length());
                }
            }
            case YamuxFrame.GO_AWAY -> {
                goAwayReceived = true;
                events.onGoAway((int) f.length());
            }
            default -> onStreamFrame(f, payload);
        }
    }

    private void onStreamFrame(YamuxFrame f, byte[] payload) {
        int id = f.streamId();
        Stream s = streams.get(id);
        if (f.has(YamuxFrame.SYN)) {
            if (s != null || (id & 1) == (client ? 1 : 0)) {
                throw new WireException("yamux: bad SYN for stream " + id);
            }
            s = acceptInbound(id);
            if (s == null) {
                return;
            }
        }
        if (s == null) {
            // A frame for a stream already gone (a race with our RST or close): dropped, as go-yamux does.
            return;
        }
        if (f.has(YamuxFrame.RST)) {
            streams.remove(id);
            forget(s);
            events.onReset(id);
            return;
        }
        if (f.type() == YamuxFrame.WINDOW_UPDATE) {
            s.sendWindow += f.length();
            if (s.sendWindow > (1L << 32)) {
                throw new WireException("yamux: send window overflow on stream " + id);
            }
            pump(s);
        } else if (payload != null) {
            if (s.remoteClosed) {
                throw new WireException("yamux: data after FIN on stream " + id);
            }
            if (payload.length > s.recvWindow) {
                throw new WireException("yamux: stream " + id + " exceeded its receive window");
            }
            s.recvWindow -= payload.length;
            events.onData(id, payload);
        }
        if (f.has(YamuxFrame.FIN) && streams.get(id) == s && !s.remoteClosed) {
            s.remoteClosed = true;
            events.onRemoteClose(id);
            maybeRemove(s);
        }
    }

    private Stream acceptInbound(int id) {
        if (goAwaySent || inboundOpen >= limits.maxInboundStreams()) {
            refuse(id);
            return null;
        }
        Stream s = new Stream(id, true, limits.initialWindow());
        streams.put(id, s);
        inboundOpen++;
        s.synSent = true;
        // The ACK goes first: the owner may write on the stream as soon as it accepts it.
        emit(new YamuxFrame(YamuxFrame.WINDOW_UPDATE, YamuxFrame.ACK, id, 0), null, 0, 0);
        if (!events.onInboundStream(id)) {
            streams.remove(id);
            forget(s);
            refuse(id);
            return null;
        }
        return s;
    }

    private void refuse(int id) {
        if (++refused > limits.maxRefusedStreams()) {
            throw new WireException("yamux: the peer opened more than " + limits.maxRefusedStreams() + " refused streams");
        }
        emit(new YamuxFrame(YamuxFrame.WINDOW_UPDATE, YamuxFrame.RST, id, 0), null, 0, 0);
    }

    private void pump(Stream s) {
        boolean hadQueued = !s.queue.isEmpty();
        while (!s.queue.isEmpty() && s.sendWindow > 0) {
            if (outboxBytes >= limits.outboxHighWater()) {
                blocked.add(s.id);
                return;
            }
            byte[] head = s.queue.peek();
            int n = (int) Math.min(Math.min(head.length - s.headOffset, s.sendWindow), MAX_DATA_FRAME);
            int at = s.headOffset;
            s.headOffset += n;
            s.queued -= n;
            queuedTotal -= n;
            s.sendWindow -= n;
            boolean last = s.headOffset == head.length;
            if (last) {
                s.queue.poll();
                s.headOffset = 0;
            }
            boolean fin = s.closeRequested && s.queue.isEmpty();
            emit(new YamuxFrame(YamuxFrame.DATA, fin ? YamuxFrame.FIN : 0, s.id, n), head, at, n);
            if (fin) {
                s.finSent = true;
                maybeRemove(s);
                return;
            }
        }
        if (s.queue.isEmpty()) {
            if (s.closeRequested && !s.finSent) {
                s.finSent = true;
                emit(new YamuxFrame(YamuxFrame.WINDOW_UPDATE, YamuxFrame.FIN, s.id, 0), null, 0, 0);
                maybeRemove(s);
            } else if (!s.closeRequested && hadQueued) {
                events.onWritable(s.id);
            }
        }
    }

    private void maybeRemove(Stream s) {
        if (s.finSent && s.remoteClosed && streams.get(s.id) == s) {
            streams.remove(s.id);
            forget(s);
        }
    }

    private void forget(Stream s) {
        blocked.remove(s.id);
        queuedTotal -= s.queued;
        s.queued = 0;
        s.queue.clear();
        if (s.inbound) {
            inboundOpen--;
        }
    }

    private void emit(YamuxFrame f, byte[] data, int offset, int length) {
        byte[] frame = new byte[YamuxFrame.HEADER_LENGTH + length];
        f.write(frame, 0);
        if (length > 0) {
            System.arraycopy(data, offset, frame, YamuxFrame.HEADER_LENGTH, length);
        }
        outbox.add(frame);
        outboxBytes += frame.length;
    }
}
