package io.smnode.p2p.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.types.Bytes;
import io.smnode.p2p.TopicIngestion;
import io.smnode.p2p.identity.Multiaddr;
import io.smnode.p2p.multistream.Multistream;
import io.smnode.p2p.wire.Frames;
import io.smnode.p2p.wire.Uvarint;
import io.smnode.p2p.yamux.YamuxFrame;
import io.smnode.p2p.yamux.YamuxSession;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.ActorSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile input at every layer against a real host on loopback: the offender is disconnected, the host keeps serving
 * an honest peer, and what the offender made it hold stays bounded.
 */
class HostileInputTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static ActorSystem system;
    private Libp2pHost node;
    private Multiaddr addr;

    @BeforeAll
    static void up() {
        system = ActorSystem.create("hostile");
    }

    @AfterAll
    static void down() {
        system.terminate();
    }

    @BeforeEach
    void start() {
        HostConfig cfg = HostConfig.of(TestHosts.randomKey(), TestHosts.PROLOGUE, List.of(Multiaddr.tcp("127.0.0.1", 0)))
                .withWriteStall(Duration.ofSeconds(2));
        node = Libp2pHost.start(cfg, system).toCompletableFuture().join();
        node.serve("big/1", (peer, req) -> CompletableFuture.completedFuture(Bytes.wrap(new byte[4 << 20])));
        node.join("tx1", TopicIngestion.of(TestHosts.Recorder.accepting()));
        addr = node.listenAddrs().get(0);
    }

    @AfterEach
    void stop() throws Exception {
        // The node still serves an honest peer after each attack.
        try (Libp2pHost honest = TestHosts.start(system, TestHosts.PROLOGUE)) {
            assertEquals(node.peerId(), honest.connect(TestHosts.dialAddress(node)).toCompletableFuture().get(10, TimeUnit.SECONDS));
        }
        node.close();
    }

    private RawPeer upgraded(int receiveBuffer) throws Exception {
        RawPeer p = new RawPeer(addr, receiveBuffer);
        p.secure(TestHosts.PROLOGUE);
        p.muxer();
        return p;
    }

    @Test
    void aMalformedMultistreamLineIsDisconnected() throws Exception {
        try (RawPeer p = new RawPeer(addr, 0)) {
            p.sendRaw(Multistream.line(Multistream.HEADER));
            p.sendRaw(new byte[] {5, 'h', 'e', 'l', 'l', 'o'});
            assertTrue(p.closedWithin(WAIT));
        }
        try (RawPeer p = new RawPeer(addr, 0)) {
            p.sendRaw(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f});
            assertTrue(p.closedWithin(WAIT), "a line longer than 1 KiB");
        }
    }

    @Test
    void garbageNoiseFramesAreDisconnected() throws Exception {
        try (RawPeer p = new RawPeer(addr, 0)) {
            p.sendRaw(Multistream.line(Multistream.HEADER));
            p.sendRaw(Multistream.line("/noise"));
            byte[] junk = new byte[2 + 300];
            junk[0] = 1;
            junk[1] = 44;
            p.sendRaw(junk);
            byte[] msg3 = new byte[2 + 100];
            msg3[1] = 100;
            p.sendRaw(msg3);
            assertTrue(p.closedWithin(WAIT));
        }
        try (RawPeer p = new RawPeer(addr, 0)) {
            p.secure(TestHosts.PROLOGUE);
            byte[] forged = new byte[2 + 40];
            forged[1] = 40;
            p.sendRaw(forged);
            assertTrue(p.closedWithin(WAIT), "a transport frame that does not authenticate");
        }
    }

    @Test
    void aBadYamuxHeaderIsDisconnected() throws Exception {
        try (RawPeer p = upgraded(0)) {
            p.sendSecure(new byte[] {1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0});
            assertTrue(p.closedWithin(WAIT));
        }
    }

    private static byte[] openMeshsub(int id) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new YamuxFrame(YamuxFrame.WINDOW_UPDATE, YamuxFrame.SYN, id, 0).encode());
        ByteArrayOutputStream ms = new ByteArrayOutputStream();
        ms.writeBytes(Multistream.line(Multistream.HEADER));
        ms.writeBytes(Multistream.line("/meshsub/1.1.0"));
        b.writeBytes(new YamuxFrame(YamuxFrame.DATA, 0, id, ms.size()).encode());
        b.writeBytes(ms.toByteArray());
        return b.toByteArray();
    }

    private static byte[] data(int id, byte[] payload) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new YamuxFrame(YamuxFrame.DATA, 0, id, payload.length).encode());
        b.writeBytes(payload);
        return b.toByteArray();
    }

    @Test
    void aMalformedProtobufRpcIsDisconnected() throws Exception {
        try (RawPeer p = upgraded(0)) {
            p.sendSecure(openMeshsub(1));
            p.sendSecure(data(1, Frames.lengthPrefixed(new byte[] {0x12, (byte) 0xff, 0x01})));
            assertTrue(p.closedWithin(WAIT));
        }
    }

    @Test
    void anOversizedRpcIsDisconnected() throws Exception {
        try (RawPeer p = upgraded(0)) {
            p.sendSecure(openMeshsub(1));
            p.sendSecure(data(1, Uvarint.encode(3 << 20)));
            assertTrue(p.closedWithin(WAIT));
        }
    }

    @Test
    void anOversizedRequestClosesTheConnection() throws Exception {
        try (RawPeer p = upgraded(0)) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            b.writeBytes(new YamuxFrame(YamuxFrame.WINDOW_UPDATE, YamuxFrame.SYN, 1, 0).encode());
            ByteArrayOutputStream ms = new ByteArrayOutputStream();
            ms.writeBytes(Multistream.line(Multistream.HEADER));
            ms.writeBytes(Multistream.line("big/1"));
            ms.writeBytes(Uvarint.encode(10_241));
            b.writeBytes(data(1, ms.toByteArray()));
            p.sendSecure(b.toByteArray());
            assertTrue(p.closedWithin(WAIT), "go-spacemesh closes the connection for a request over 10,240 bytes");
        }
    }

    @Test
    void tenThousandStreamsFromOnePeer() throws Exception {
        try (RawPeer p = upgraded(0)) {
            TestHosts.await("the flooder registered", WAIT, () -> !node.peers().isEmpty());
            int limit = YamuxSession.Limits.DEFAULT.maxInboundStreams();
            // First exactly the limit: every one of these is accepted, and the node must get there however slow it is.
            p.sendSecure(synFrames(0, limit));
            TestHosts.await("streams accepted up to the limit", WAIT, () -> openStreamsOfFlooder() >= limit);
            boolean closed = false;
            for (int i = limit; i < 10_000 && !closed; i += 500) {
                try {
                    p.sendSecure(synFrames(i, Math.min(500, 10_000 - i)));
                } catch (java.io.IOException e) {
                    closed = true;
                }
                int open = openStreamsOfFlooder();
                assertTrue(open <= limit + 2, "inbound streams up to the limit, plus our identify and meshsub: " + open);
            }
            assertTrue(closed || p.closedWithin(WAIT), "the flood ends the connection");
            TestHosts.await("the flooder is gone", WAIT, () -> node.peers().isEmpty());
        }
    }

    private int openStreamsOfFlooder() {
        return node.peers().stream().findFirst().flatMap(node::connection).map(Connection::openStreams).orElse(0);
    }

    /** SYN frames for {@code count} new odd stream ids, from the {@code first}-th on. */
    private static byte[] synFrames(int first, int count) {
        ByteArrayOutputStream batch = new ByteArrayOutputStream();
        for (int i = first; i < first + count; i++) {
            batch.writeBytes(new YamuxFrame(YamuxFrame.WINDOW_UPDATE, YamuxFrame.SYN, 2 * i + 1, 0).encode());
        }
        return batch.toByteArray();
    }

    @Test
    void aPeerThatStopsReadingIsDisconnected() throws Exception {
        try (RawPeer p = upgraded(4096)) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            for (int i = 0; i < 8; i++) {
                int id = 2 * i + 1;
                b.writeBytes(new YamuxFrame(YamuxFrame.WINDOW_UPDATE, YamuxFrame.SYN, id, 16 << 20).encode());
                ByteArrayOutputStream ms = new ByteArrayOutputStream();
                ms.writeBytes(Multistream.line(Multistream.HEADER));
                ms.writeBytes(Multistream.line("big/1"));
                ms.writeBytes(Frames.lengthPrefixed(new byte[] {1}));
                b.writeBytes(data(id, ms.toByteArray()));
            }
            p.sendSecure(b.toByteArray());
            // 8 x 4 MiB asked for, never read: the node must not buffer it all, and must let the peer go.
            assertTrue(p.closedWithoutReading(Duration.ofSeconds(20)));
            TestHosts.await("the slow reader is gone", WAIT, () -> node.peers().isEmpty());
        }
    }
}
