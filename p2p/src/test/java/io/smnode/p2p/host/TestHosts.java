package io.smnode.p2p.host;

import io.smnode.core.types.Bytes;
import io.smnode.core.verdict.Verdict;
import io.smnode.p2p.GossipValidator;
import io.smnode.p2p.identity.HostKey;
import io.smnode.p2p.identity.Multiaddr;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.pekko.actor.ActorSystem;

/** Helpers for tests that run real hosts on loopback. */
public final class TestHosts {
    public static final byte[] PROLOGUE = "9eebff023abb17ccb775c602daade8ed708f0a50-8063".getBytes();

    private TestHosts() {}

    public static HostKey randomKey() {
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        return HostKey.fromSeed(seed);
    }

    public static Libp2pHost start(ActorSystem system, byte[] prologue) {
        HostConfig cfg = HostConfig.of(randomKey(), prologue, List.of(Multiaddr.tcp("127.0.0.1", 0)));
        return Libp2pHost.start(cfg, system).toCompletableFuture().join();
    }

    public static Multiaddr dialAddress(Libp2pHost h) {
        return h.listenAddrs().get(0).withPeer(h.peerId());
    }

    /** A validator that records every message and answers with the given verdict. */
    public record Recorder(LinkedBlockingQueue<Received> received, Verdict answer) implements GossipValidator {
        public record Received(String topic, String from, Bytes data) {}

        public static Recorder accepting() {
            return new Recorder(new LinkedBlockingQueue<>(), Verdict.accept());
        }

        @Override
        public CompletableFuture<Verdict> validate(String topic, io.smnode.p2p.identity.PeerId from, Bytes data) {
            received.add(new Received(topic, from.toString(), data));
            return CompletableFuture.completedFuture(answer);
        }

        public Received next(Duration timeout) throws InterruptedException {
            Received r = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (r == null) {
                throw new AssertionError("no gossip message within " + timeout);
            }
            return r;
        }
    }

    /** Polls a condition until it holds or the deadline passes (state observed, not time assumed). */
    public static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
