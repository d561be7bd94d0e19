package io.smnode.p2p.yamux;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.p2p.wire.WireException;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YamuxSessionTest {
    /** Records what a session reports; consumes nothing unless told to. */
    static final class Recorder implements YamuxSession.Events {
        final Map<Integer, ByteArrayOutputStream> data = new HashMap<>();
        final List<String> log = new ArrayList<>();
        boolean accept = true;
        long pong = -1;

        @Override
        public boolean onInboundStream(int id) {
            log.add("open " + id);
            return accept;
        }

        @Override
        public void onData(int id, byte[] d) {
            data.computeIfAbsent(id, k -> new ByteArrayOutputStream()).writeBytes(d);
        }

        @Override
        public void onRemoteClose(int id) {
            log.add("fin " + id);
        }

        @Override
        public void onReset(int id) {
            log.add("rst " + id);
        }

        @Override
        public void onPong(long opaque) {
            pong = opaque;
        }
    }

    private final YamuxSession.Limits limits = new YamuxSession.Limits(256 * 1024, 4, 8, 1 << 20, 1 << 20, 64L << 20);
    private final Recorder clientEvents = new Recorder();
    private final Recorder serverEvents = new Recorder();
    private final YamuxSession client = new YamuxSession(true, limits, clientEvents);
    private final YamuxSession server = new YamuxSession(false, limits, serverEvents);

    /** Moves frames both ways until quiet. */
    private void pump() {
        while (client.hasOutput() || server.hasOutput()) {
            server.receive(client.drainOutput(1 << 20));
            client.receive(server.drainOutput(1 << 20));
        }
    }

    @Test
    void streamsOpenCarryDataAndHalfClose() {
        int id = client.open();
        assertEquals(1, id, "the dialer uses odd ids");
        assertTrue(client.write(id, "hello".getBytes()));
        client.close(id);
        pump();
        assertEquals(List.of("open 1", "fin 1"), serverEvents.log);
        assertArrayEquals("hello".getBytes(), serverEvents.data.get(1).toByteArray());
        server.write(1, "bye".getBytes());
        server.close(1);
        pump();
        assertEquals(List.of("fin 1"), clientEvents.log);
        assertEquals(0, client.openStreams());
        assertEquals(0, server.openStreams());
    }

    @Test
    void aConsumerThatDoesNotConsumeStopsTheSenderAfterOneWindow() {
        int id = client.open();
        byte[] chunk = new byte[64 * 1024];
        for (int i = 0; i < 8; i++) {
            assertTrue(client.write(id, chunk));
        }
        pump();
        assertEquals(256 * 1024, serverEvents.data.get(id).size(), "exactly one window crossed");
        assertEquals(256 * 1024, client.queued(id), "the rest waits at the sender, bounded by its queue");
        server.consumed(id, 256 * 1024);
        pump();
        assertEquals(512 * 1024, serverEvents.data.get(id).size());
        assertFalse(client.write(id, new byte[(1 << 20) + 1]), "a full send queue refuses, it does not grow");
    }

    @Test
    void aPeerSendingBeyondItsWindowBreaksTheProtocol() {
        int id = client.open();
        pump();
        byte[] frame = new byte[YamuxFrame.HEADER_LENGTH + 1000];
        new YamuxFrame(YamuxFrame.DATA, 0, id, 1000).write(frame, 0);
        for (int i = 0; i < 262; i++) {
            server.receive(frame);
        }
        assertThrows(WireException.class, () -> server.receive(frame));
    }

    @Test
    void pingsAreAnsweredAndGoAwayStopsNewStreams() {
        client.ping(77);
        pump();
        assertEquals(77, clientEvents.pong);
        server.goAway(YamuxFrame.GO_AWAY_NORMAL);
        pump();
        assertTrue(client.goAwayReceived());
        assertEquals(-1, client.open());
    }

    @Test
    void streamsBeyondTheLimitAreResetAndAFloodEndsTheSession() {
        for (int i = 0; i < 4; i++) {
            client.open();
        }
        pump();
        assertEquals(4, server.openStreams());
        int fifth = client.open();
        pump();
        assertTrue(clientEvents.log.contains("rst " + fifth), clientEvents.log.toString());
        assertThrows(WireException.class, () -> {
            for (int i = 0; i < 20; i++) {
                client.open();
                pump();
            }
        });
    }

    @Test
    void resetDropsQueuedDataAndTellsThePeer() {
        int id = client.open();
        client.write(id, new byte[300 * 1024]);
        client.reset(id);
        pump();
        assertTrue(serverEvents.log.contains("rst " + id));
        assertEquals(0, client.queued(id));
    }

    @Test
    void malformedHeadersAreRefused() {
        assertThrows(WireException.class, () -> server.receive(new byte[] {1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0}), "version");
        assertThrows(WireException.class, () -> server.receive(new byte[] {0, 9, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0}), "type");
        YamuxSession s2 = new YamuxSession(false, limits, new Recorder());
        assertThrows(WireException.class, () -> s2.receive(new byte[] {0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0}), "data on stream 0");
        YamuxSession s3 = new YamuxSession(false, limits, new Recorder());
        assertThrows(WireException.class, () -> s3.receive(new byte[] {0, 1, 0, 1, 0, 0, 0, 2, 0, 0, 0, 0}),
                "a dialer's SYN must use an odd id");
    }
}
