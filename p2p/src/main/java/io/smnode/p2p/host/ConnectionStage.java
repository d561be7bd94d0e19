package io.smnode.p2p.host;

import io.smnode.p2p.identity.Multiaddr;
import io.smnode.p2p.identity.PeerId;
import io.smnode.p2p.multistream.Multistream;
import io.smnode.p2p.noise.NoiseHandshake;
import io.smnode.p2p.noise.NoiseSession;
import io.smnode.p2p.wire.WireException;
import io.smnode.p2p.yamux.YamuxFrame;
import io.smnode.p2p.yamux.YamuxSession;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.stream.Attributes;
import org.apache.pekko.stream.FlowShape;
import org.apache.pekko.stream.Inlet;
import org.apache.pekko.stream.Outlet;
import org.apache.pekko.stream.stage.GraphStage;
import org.apache.pekko.stream.stage.InHandler;
import org.apache.pekko.stream.stage.OutHandler;
import org.apache.pekko.stream.stage.TimerGraphStageLogic;
import org.apache.pekko.util.ByteString;

/**
 * One TCP connection's upgrade and muxing, as a stream stage between the socket's bytes in and out:
 * multistream-select ({@code /noise}) → Noise XX with the prologue → multistream-select ({@code /yamux/1.0.0}) →
 * yamux, then multistream-select again on every stream. The decisions are the pure classes'
 * ({@link Multistream}, {@link NoiseHandshake}, {@link YamuxSession}); this stage moves their bytes.
 *
 * <p>Memory is bounded by credit, not by trust: it always reads the socket, but the peer can only send what the
 * yamux windows allow (a consumer that stops consuming stops the peer), and what it sends beyond is a protocol
 * error that closes the connection. Outbound frames wait in the session (bounded) while the socket is slow; a peer
 * that leaves our writes unread for the host's write-stall time (go's yamux ConnectionWriteTimeout, 25 s) is
 * disconnected.
 *
 * <p>Bandwidth limits shape, never drop: over an inbound limit the stage waits (a stage timer) before it pulls the
 * socket again, so the TCP window closes on the sender; over an outbound limit the bytes wait here, and the
 * write-stall clock does not run while the socket is ready for them (the wait is ours, not the peer's).
 */
final class ConnectionStage extends GraphStage<FlowShape<ByteString, ByteString>> {
    static final Duration KEEPALIVE = Duration.ofSeconds(30);
    private static final int WIRE_HIGH_WATER = 256 * 1024;
    private static final String READ = "read";
    private static final String WRITE = "write";

    private final Inlet<ByteString> in = Inlet.create("conn.in");
    private final Outlet<ByteString> out = Outlet.create("conn.out");
    private final FlowShape<ByteString, ByteString> shape = FlowShape.of(in, out);
    private final ConnectionContext ctx;
    private final boolean outbound;
    private final Optional<PeerId> expected;
    private final Multiaddr remoteAddress;
    private final CompletableFuture<PeerId> dialResult;

    ConnectionStage(ConnectionContext ctx, boolean outbound, Optional<PeerId> expected, Multiaddr remoteAddress,
                    CompletableFuture<PeerId> dialResult) {
        this.ctx = ctx;
        this.dialResult = dialResult;
        this.outbound = outbound;
        this.expected = expected;
        this.remoteAddress = remoteAddress;
    }

    @Override
    public FlowShape<ByteString, ByteString> shape() {
        return shape;
    }

    @Override
    public Logic createLogic(Attributes attrs) {
        return new Logic();
    }

    private enum Phase { SECURITY, HANDSHAKE, MUXER, MUXED, CLOSED }

    /** A stream before and after its protocol is agreed. */
    private static final class Slot {
        final MuxedStream stream;
        Multistream negotiation;
        List<String> proposals;

        Slot(MuxedStream stream, Multistream negotiation) {
            this.stream = stream;
            this.negotiation = negotiation;
        }
    }

    final class Logic extends TimerGraphStageLogic implements InHandler, OutHandler, YamuxSession.Events {
        private Phase phase = Phase.SECURITY;
        private Multistream negotiation;
        private NoiseHandshake handshake;
        private NoiseSession secure;
        private YamuxSession session;
        private PeerId remote;
        private Connection connection;
        private final Map<Integer, Slot> slots = new HashMap<>();
        private final java.util.Set<Integer> writable = new java.util.LinkedHashSet<>();
        private final ArrayDeque<ByteString> wire = new ArrayDeque<>();
        private long wireBytes;
        private long lastWriteProgress = System.nanoTime();
        private volatile int streamCount;
        private boolean closedNotified;
        private long pingCounter;
        /** Null when that direction is unlimited: the hot path then only tests for null. */
        private final BandwidthShaper inShaper = ctx.shaper(true);
        private final BandwidthShaper outShaper = ctx.shaper(false);

        Logic() {
            super(shape);
            setHandler(in, this);
            setHandler(out, this);
        }

        @Override
        public void preStart() {
            connection = new Connection(this, createAsyncCallback((Runnable work) -> {
                if (phase != Phase.CLOSED) {
                    try {
                        work.run();
                    } catch (WireException e) {
                        fail(e.getMessage());
                    }
                    flush();
                }
            }), outbound, remoteAddress, dialResult);
            negotiation = outbound
                    ? Multistream.dialer(List.of(NoiseHandshake.PROTOCOL_ID))
                    : Multistream.listener(NoiseHandshake.PROTOCOL_ID::equals);
            sendRaw(negotiation.takeOutput());
            scheduleOnce("handshake", ctx.handshakeTimeout());
            Duration check = ctx.writeStall().dividedBy(5);
            scheduleWithFixedDelay("stall", check, check);
            pull(in);
            flush();
        }

        Connection connection() {
            return connection;
        }

        PeerId remotePeer() {
            return remote;
        }

        int openStreamCount() {
            return streamCount;
        }

        @Override
        public void onTimer(Object key) {
            switch ((String) key) {
                case "handshake" -> {
                    if (phase != Phase.MUXED) {
                        fail("handshake timed out in phase " + phase);
                    }
                }
                case "keepalive" -> {
                    session.ping(++pingCounter);
                    flush();
                }
                case READ -> {
                    if (phase != Phase.CLOSED && !hasBeenPulled(in) && !isClosed(in)) {
                        readNext();
                    }
                }
                case WRITE -> flush();
                default -> {
                    if (isAvailable(out)) {
                        lastWriteProgress = System.nanoTime(); // the socket wants bytes: any wait is our shaping
                    }
                    if ((wireBytes > 0 || (session != null && session.hasOutput()))
                            && System.nanoTime() - lastWriteProgress > ctx.writeStall().toNanos()) {
                        fail("the peer stopped reading for " + ctx.writeStall().toMillis() + " ms");
                    }
                }
            }
        }

        // ---- socket in ----

        @Override
        public void onPush() {
            ByteString bs = grab(in);
            ctx.countWire(true, bs.size());
            if (inShaper != null) {
                inShaper.take(Libp2pHost.monotonicMillis(), bs.size());
            }
            try {
                process(bs.toArray());
            } catch (WireException e) {
                fail(e.getMessage());
                return;
            } catch (RuntimeException e) {
                fail("internal error: " + e);
                return;
            }
            if (phase != Phase.CLOSED) {
                readNext();
                flush();
            }
        }

        /** Pulls the socket, or (over the inbound limit) schedules the pull for when the limit allows it. */
        private void readNext() {
            if (inShaper != null) {
                long wait = inShaper.delayMillis(Libp2pHost.monotonicMillis());
                if (wait > 0) {
                    ctx.throttled(true, wait);
                    scheduleOnce(READ, Duration.ofMillis(wait));
                    return;
                }
            }
            pull(in);
        }

        @Override
        public void onUpstreamFinish() {
            notifyClosed("the peer closed the connection");
            completeStage();
        }

        @Override
        public void onUpstreamFailure(Throwable ex) {
            notifyClosed("connection failed: " + ex.getMessage());
            failStage(ex);
        }

        private void process(byte[] b) {
            switch (phase) {
                case SECURITY -> {
                    negotiation.receive(b);
                    sendRaw(negotiation.takeOutput());
                    if (negotiation.selected().isPresent()) {
                        byte[] rest = negotiation.remaining();
                        handshake = new NoiseHandshake(outbound, ctx.prologue(), ctx.key(), ctx.randomBytes(32),
                                ctx.randomBytes(32), expected);
                        phase = Phase.HANDSHAKE;
                        sendRaw(handshake.takeOutput());
                        if (rest.length > 0) {
                            process(rest);
                        }
                    }
                }
                case HANDSHAKE -> {
                    handshake.receive(b);
                    sendRaw(handshake.takeOutput());
                    if (handshake.isComplete()) {
                        secure = handshake.session();
                        remote = handshake.remotePeer();
                        byte[] rest = handshake.remaining();
                        phase = Phase.MUXER;
                        negotiation = outbound
                                ? Multistream.dialer(List.of(YamuxSession.PROTOCOL_ID))
                                : Multistream.listener(YamuxSession.PROTOCOL_ID::equals);
                        sendSecure(negotiation.takeOutput());
                        if (rest.length > 0) {
                            process(rest);
                        }
                    }
                }
                case MUXER, MUXED -> {
                    for (byte[] plain : secure.decrypt(b, 0, b.length)) {
                        processPlain(plain);
                    }
                }
                default -> {
                }
            }
        }

        private void processPlain(byte[] p) {
            if (phase == Phase.MUXER) {
                negotiation.receive(p);
                sendSecure(negotiation.takeOutput());
                if (negotiation.selected().isPresent()) {
                    byte[] rest = negotiation.remaining();
                    session = new YamuxSession(outbound, ctx.yamuxLimits(), this);
                    phase = Phase.MUXED;
                    cancelTimer("handshake");
                    scheduleWithFixedDelay("keepalive", KEEPALIVE, KEEPALIVE);
                    ctx.established(connection);
                    if (rest.length > 0 && phase == Phase.MUXED) {
                        session.receive(rest);
                    }
                }
            } else if (phase == Phase.MUXED) {
                session.receive(p);
            }
        }

        // ---- socket out ----

        private void sendRaw(byte[] b) {
            if (b.length > 0) {
                wire.add(ByteString.fromArrayUnsafe(b));
                wireBytes += b.length;
            }
        }

        private void sendSecure(byte[] plain) {
            if (plain.length > 0) {
                sendRaw(secure.encrypt(plain));
            }
        }

        private void flush() {
            if (phase == Phase.CLOSED) {
                return;
            }
            if (phase == Phase.MUXED) {
                if (wireBytes < WIRE_HIGH_WATER) {
                    notifyWritable();
                }
                while (wireBytes < WIRE_HIGH_WATER && session.hasOutput()) {
                    sendSecure(session.drainOutput(NoiseSession.MAX_PLAINTEXT));
                }
                if (session.outboxBytes() > 4L * ctx.yamuxLimits().outboxHighWater() + (1 << 20)) {
                    fail("the peer does not read what it asks for");
                    return;
                }
            }
            if (wireBytes == 0) {
                lastWriteProgress = System.nanoTime();
            }
            if (!wire.isEmpty() && isAvailable(out)) {
                pushWire();
            }
        }

        /** Pushes what is queued, or (over the outbound limit) what the limit allows, the rest after a timer. */
        private void pushWire() {
            long n = wireBytes;
            if (outShaper != null) {
                if (isTimerActive(WRITE)) {
                    return;
                }
                long now = Libp2pHost.monotonicMillis();
                long wait = outShaper.delayMillis(now);
                if (wait > 0) {
                    ctx.throttled(false, wait);
                    scheduleOnce(WRITE, Duration.ofMillis(wait));
                    return;
                }
                n = outShaper.takeUpTo(now, wireBytes);
            }
            ByteString chunk = ByteString.emptyByteString();
            while (chunk.size() < n) {
                ByteString next = wire.poll();
                int room = (int) (n - chunk.size());
                if (next.size() > room) {
                    wire.addFirst(next.drop(room)); // slices share the bytes: no copy
                    next = next.take(room);
                }
                chunk = chunk.concat(next);
            }
            wireBytes -= chunk.size();
            ctx.countWire(false, chunk.size());
            lastWriteProgress = System.nanoTime();
            push(out, chunk);
        }

        @Override
        public void onPull() {
            lastWriteProgress = System.nanoTime();
            flush();
        }

        @Override
        public void onDownstreamFinish(Throwable cause) {
            notifyClosed("the socket closed");
            completeStage();
        }

        // ---- streams ----

        void openStream(List<String> protocols, StreamHandler handler) {
            if (phase != Phase.MUXED) {
                handler.onReset(new MuxedStream(this, 0, true, handler), "connection not ready");
                return;
            }
            int id = session.open();
            MuxedStream stream = new MuxedStream(this, id, true, handler);
            if (id < 0) {
                handler.onReset(stream, "the peer is going away");
                return;
            }
            Slot slot = new Slot(stream, Multistream.dialer(protocols));
            slot.proposals = protocols;
            slots.put(id, slot);
            streamCount = slots.size();
            session.write(id, slot.negotiation.takeOutput());
        }

        boolean write(MuxedStream s, byte[] data) {
            if (phase != Phase.MUXED || !slots.containsKey(s.id())) {
                return false;
            }
            boolean ok = session.write(s.id(), data);
            if (ok && s.protocol() != null) {
                ctx.countProtocol(s.protocol(), false, data.length);
            }
            return ok;
        }

        long queued(MuxedStream s) {
            return session == null ? 0 : session.queued(s.id());
        }

        void closeStream(MuxedStream s) {
            if (phase == Phase.MUXED && slots.containsKey(s.id())) {
                session.close(s.id());
            }
        }

        void resetStream(MuxedStream s, String reason) {
            Slot slot = slots.remove(s.id());
            streamCount = slots.size();
            if (slot != null && phase == Phase.MUXED) {
                session.reset(s.id());
                slot.stream.handler.onReset(slot.stream, reason);
            }
        }

        void consumed(MuxedStream s, int n) {
            if (phase == Phase.MUXED) {
                session.consumed(s.id(), n);
            }
        }

        @Override
        public boolean onInboundStream(int id) {
            MuxedStream stream = new MuxedStream(this, id, false, null);
            Slot slot = new Slot(stream, Multistream.listener(p -> {
                Optional<StreamHandler> h = ctx.inboundHandler(p);
                h.ifPresent(handler -> stream.handler = handler);
                return h.isPresent();
            }));
            slots.put(id, slot);
            streamCount = slots.size();
            session.write(id, slot.negotiation.takeOutput());
            return true;
        }

        @Override
        public void onData(int id, byte[] data) {
            Slot slot = slots.get(id);
            if (slot == null) {
                session.consumed(id, data.length);
                return;
            }
            if (slot.negotiation != null) {
                negotiate(slot, data);
                return;
            }
            ctx.countProtocol(slot.stream.protocol(), true, data.length);
            slot.stream.handler.onData(slot.stream, data);
        }

        private void negotiate(Slot slot, byte[] data) {
            MuxedStream s = slot.stream;
            try {
                slot.negotiation.receive(data);
            } catch (WireException e) {
                session.consumed(s.id(), data.length);
                resetNegotiating(slot, e.getMessage());
                return;
            }
            session.write(s.id(), slot.negotiation.takeOutput());
            Optional<String> selected = slot.negotiation.selected();
            if (selected.isEmpty()) {
                session.consumed(s.id(), data.length);
                return;
            }
            byte[] rest = slot.negotiation.remaining();
            session.consumed(s.id(), data.length - rest.length);
            slot.negotiation = null;
            s.protocol(selected.get());
            s.handler.onOpen(s);
            if (rest.length > 0 && slots.get(s.id()) == slot) {
                ctx.countProtocol(s.protocol(), true, rest.length);
                s.handler.onData(s, rest);
            }
        }

        private void resetNegotiating(Slot slot, String reason) {
            slots.remove(slot.stream.id());
            streamCount = slots.size();
            session.reset(slot.stream.id());
            if (slot.stream.handler != null) {
                slot.stream.handler.onReset(slot.stream, reason);
            }
        }

        /** Deferred to the next flush: a handler writing from inside a write would recurse. */
        @Override
        public void onWritable(int id) {
            writable.add(id);
        }

        private void notifyWritable() {
            if (writable.isEmpty()) {
                return;
            }
            List<Integer> ids = new ArrayList<>(writable);
            writable.clear();
            for (int id : ids) {
                Slot slot = slots.get(id);
                if (slot != null && slot.negotiation == null) {
                    slot.stream.handler.onWritable(slot.stream);
                }
            }
        }

        @Override
        public void onRemoteClose(int id) {
            Slot slot = slots.get(id);
            if (slot == null) {
                return;
            }
            if (slot.negotiation != null) {
                resetNegotiating(slot, "stream closed during negotiation");
                return;
            }
            slot.stream.handler.onRemoteClose(slot.stream);
        }

        @Override
        public void onReset(int id) {
            Slot slot = slots.remove(id);
            streamCount = slots.size();
            if (slot != null && slot.stream.handler != null) {
                slot.stream.handler.onReset(slot.stream, "reset by the peer");
            }
        }

        @Override
        public void onGoAway(int code) {
            if (slots.isEmpty()) {
                close("the peer sent go-away (" + code + ")");
            }
        }

        // ---- closing ----

        void close(String reason) {
            if (phase == Phase.CLOSED) {
                return;
            }
            if (phase == Phase.MUXED) {
                session.goAway(YamuxFrame.GO_AWAY_NORMAL);
                while (session.hasOutput()) {
                    sendSecure(session.drainOutput(NoiseSession.MAX_PLAINTEXT));
                }
            }
            notifyClosed(reason);
            if (!wire.isEmpty()) {
                ByteString all = ByteString.emptyByteString();
                while (!wire.isEmpty()) {
                    all = all.concat(wire.poll());
                }
                emit(out, all, this::completeStage);
            } else {
                completeStage();
            }
        }

        private void fail(String reason) {
            if (phase == Phase.CLOSED) {
                return;
            }
            notifyClosed(reason);
            completeStage();
        }

        private void notifyClosed(String reason) {
            if (closedNotified) {
                return;
            }
            closedNotified = true;
            phase = Phase.CLOSED;
            for (Slot slot : new ArrayList<>(slots.values())) {
                if (slot.stream.handler != null) {
                    slot.stream.handler.onReset(slot.stream, "connection closed: " + reason);
                }
            }
            slots.clear();
            streamCount = 0;
            ctx.closed(connection, reason);
        }

        @Override
        public void postStop() {
            notifyClosed("connection stopped");
        }
    }
}
