package io.smnode.p2p.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.types.Bytes;
import io.smnode.p2p.identity.Multiaddr;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.ActorSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bandwidth shaping between real hosts on loopback: a 1 MiB answer over a 256 KiB/s limit cannot arrive before the
 * limit allows it (the burst of one second's worth, then the rate), arrives whole, and the host counts the time it
 * held its reads or writes. The upper bounds are generous: they only say the transfer was not stuck.
 */
class BandwidthLimitTest {
    private static final int RATE = 256 * 1024;
    private static final int ANSWER = 1 << 20;
    private static final String PROTOCOL = "bw/1";
    private static ActorSystem system;

    @BeforeAll
    static void up() {
        system = ActorSystem.create("p2p-bandwidth");
    }

    @AfterAll
    static void down() {
        system.terminate();
    }

    private static Libp2pHost start(BandwidthLimits limits, Duration writeStall) {
        HostConfig cfg = HostConfig.of(TestHosts.randomKey(), TestHosts.PROLOGUE, List.of(Multiaddr.tcp("127.0.0.1", 0)))
                .withBandwidth(limits).withWriteStall(writeStall);
        return Libp2pHost.start(cfg, system).toCompletableFuture().join();
    }

    private static byte[] randomAnswer(int size) {
        byte[] b = new byte[size];
        new SecureRandom().nextBytes(b);
        return b;
    }

    private static void serve(Libp2pHost server, byte[] answer) {
        server.serve(PROTOCOL, (peer, req) -> CompletableFuture.completedFuture(Bytes.of(answer)));
    }

    /** Connects, then times one request for the answer and checks every byte. */
    private static double fetchSeconds(Libp2pHost client, Libp2pHost server, byte[] answer) throws Exception {
        client.connect(TestHosts.dialAddress(server)).toCompletableFuture().get(10, TimeUnit.SECONDS);
        long start = System.nanoTime();
        Bytes got = client.request(server.peerId(), List.of(PROTOCOL), Bytes.wrap(new byte[1]))
                .toCompletableFuture().get(60, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertArrayEquals(answer, got.toByteArray());
        return seconds;
    }

    /** The least time {@code bytes} take through a limit that starts with a full bucket and may overdraw by {@code overdraw}. */
    private static double leastSeconds(long bytes, long rate, long overdraw) {
        return (bytes - rate - overdraw) / (double) rate;
    }

    @Test
    void anOutboundPerPeerLimitPacesTheAnswerAndOurOwnWaitIsNoWriteStall() throws Exception {
        byte[] answer = randomAnswer(ANSWER);
        // Waits of up to an eighth of a second between writes: longer than this stall time, which must not fire.
        try (Libp2pHost server = start(BandwidthLimits.perPeer(0, RATE), Duration.ofMillis(100));
             Libp2pHost client = start(BandwidthLimits.UNLIMITED, Duration.ofSeconds(25))) {
            serve(server, answer);
            double s = fetchSeconds(client, server, answer);
            assertTrue(s >= 0.9 * leastSeconds(ANSWER, RATE, RATE / 8), "1 MiB at 256 KiB/s took only " + s + " s");
            assertTrue(s < 20, "took " + s + " s");
            assertTrue(server.metrics().throttledSeconds(false) > 1, "throttled " + server.metrics().throttledSeconds(false));
            assertEquals(0, server.metrics().throttledSeconds(true));
            assertTrue(server.peers().contains(client.peerId()), "the shaped connection stays up");
        }
    }

    @Test
    void anInboundPerPeerLimitReadsSlowerWithoutLosingAByte() throws Exception {
        byte[] answer = randomAnswer(ANSWER);
        try (Libp2pHost server = start(BandwidthLimits.UNLIMITED, Duration.ofSeconds(25));
             Libp2pHost client = start(BandwidthLimits.perPeer(RATE, 0), Duration.ofSeconds(25))) {
            serve(server, answer);
            double s = fetchSeconds(client, server, answer);
            // A read may bring up to the socket buffer (twice the half second's worth asked for) beyond the bucket.
            assertTrue(s >= 0.9 * leastSeconds(ANSWER, RATE, RATE), "1 MiB at 256 KiB/s took only " + s + " s");
            assertTrue(s < 20, "took " + s + " s");
            assertTrue(client.metrics().throttledSeconds(true) > 0.5, "throttled " + client.metrics().throttledSeconds(true));
            assertTrue(server.peers().contains(client.peerId()), "the sender did not give up on the slow reader");
        }
    }

    @Test
    void aGlobalLimitIsSharedByTwoPeers() throws Exception {
        byte[] answer = randomAnswer(ANSWER / 2);
        try (Libp2pHost server = start(BandwidthLimits.global(0, RATE), Duration.ofSeconds(25));
             Libp2pHost a = start(BandwidthLimits.UNLIMITED, Duration.ofSeconds(25));
             Libp2pHost b = start(BandwidthLimits.UNLIMITED, Duration.ofSeconds(25))) {
            serve(server, answer);
            a.connect(TestHosts.dialAddress(server)).toCompletableFuture().get(10, TimeUnit.SECONDS);
            b.connect(TestHosts.dialAddress(server)).toCompletableFuture().get(10, TimeUnit.SECONDS);
            long start = System.nanoTime();
            CompletableFuture<Bytes> fromA = a.request(server.peerId(), List.of(PROTOCOL), Bytes.wrap(new byte[1])).toCompletableFuture();
            CompletableFuture<Bytes> fromB = b.request(server.peerId(), List.of(PROTOCOL), Bytes.wrap(new byte[1])).toCompletableFuture();
            assertArrayEquals(answer, fromA.get(60, TimeUnit.SECONDS).toByteArray());
            assertArrayEquals(answer, fromB.get(60, TimeUnit.SECONDS).toByteArray());
            double s = (System.nanoTime() - start) / 1e9;
            // Each connection may overdraw the shared bucket by one write.
            assertTrue(s >= 0.9 * leastSeconds(ANSWER, RATE, 2 * (RATE / 8)), "2 x 512 KiB at 256 KiB/s took only " + s + " s");
            assertTrue(s < 20, "took " + s + " s");
        }
    }

    @Test
    void withoutLimitsNothingWaits() throws Exception {
        byte[] answer = randomAnswer(ANSWER);
        try (Libp2pHost server = start(BandwidthLimits.UNLIMITED, Duration.ofSeconds(25));
             Libp2pHost client = start(BandwidthLimits.UNLIMITED, Duration.ofSeconds(25))) {
            serve(server, answer);
            double s = fetchSeconds(client, server, answer);
            assertTrue(s < leastSeconds(ANSWER, RATE, RATE), "1 MiB unlimited took " + s + " s");
            assertEquals(0, server.metrics().throttledSeconds(false) + server.metrics().throttledSeconds(true)
                    + client.metrics().throttledSeconds(false) + client.metrics().throttledSeconds(true));
        }
    }
}
