package io.smnode.p2p.host;

import io.smnode.core.types.Bytes;
import io.smnode.core.verdict.Verdict;
import io.smnode.p2p.TopicIngestion;
import io.smnode.p2p.identity.HostKey;
import io.smnode.p2p.identity.Multiaddr;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.ClassicActorSystemProvider;

/**
 * Gossip ingestion throughput between two hosts on loopback: one publishes distinct messages as fast as the other
 * takes them in (at most {@code window} in flight), the other runs them through the whole path (TCP, Noise, yamux,
 * RPC decoding, router, the ingestion graph's size cap and dedup, a trivial validator). After a warm-up long enough
 * for the time-bounded caches (the seen caches keep ids for the seen TTL) to reach their steady size, it reports
 * messages per second, the heap after a GC sampled over the measured run (flat or growing), and wire bytes per
 * gossiped data byte (over every message published, once all are delivered). Both hosts live in this JVM, so the
 * heap is theirs together.
 *
 * <p>With bandwidth limits (the publisher's per-peer outbound, the receiver's per-peer inbound; 0: none) it also
 * reports the publisher's achieved wire rate against the limit and the seconds each side held its writes or reads.
 */
public final class GossipBenchmark {
    private GossipBenchmark() {}

    public static Map<String, Object> run(ClassicActorSystemProvider system, Duration duration, Duration warmup, Duration seenTtl,
                                          int messageBytes, int window, long outLimit, long inLimit) throws Exception {
        byte[] prologue = "0000000000000000000000000000000000000000-1".getBytes();
        try (Libp2pHost publisher = host(system, prologue, seenTtl, BandwidthLimits.perPeer(0, outLimit));
             Libp2pHost receiver = host(system, prologue, seenTtl, BandwidthLimits.perPeer(inLimit, 0))) {
            AtomicLong received = new AtomicLong();
            Semaphore inFlight = new Semaphore(window);
            receiver.join("tx1", TopicIngestion.of((topic, from, data) -> {
                received.incrementAndGet();
                inFlight.release();
                return CompletableFuture.completedFuture(Verdict.accept());
            }).withQueueSize(Math.max(4096, 2 * window)).withDedup(seenTtl, 1_000_000));
            publisher.join("tx1", TopicIngestion.of((topic, from, data) -> CompletableFuture.completedFuture(Verdict.accept())));
            publisher.connect(receiver.listenAddrs().get(0).withPeer(receiver.peerId())).toCompletableFuture().get(10, TimeUnit.SECONDS);
            long meshDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!publisher.meshPeers("tx1").toCompletableFuture().get().contains(receiver.peerId())) {
                if (System.nanoTime() > meshDeadline) {
                    throw new IllegalStateException("the two hosts did not form a mesh");
                }
                Thread.sleep(50);
            }
            byte[] payload = new byte[messageBytes];
            long[] seq = {0};
            double wireBeforeWarmup = publisher.metrics().wireTotal(false) + receiver.metrics().wireTotal(false);
            publishFor(warmup, null, publisher, inFlight, payload, seq);
            MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
            List<Long> heapMb = new ArrayList<>();
            long receivedStart = received.get();
            double publisherOutStart = publisher.metrics().wireTotal(false);
            double heldOutStart = publisher.metrics().throttledSeconds(false);
            double heldInStart = receiver.metrics().throttledSeconds(true);
            long start = System.nanoTime();
            publishFor(duration, () -> {
                System.gc();
                heapMb.add(mem.getHeapMemoryUsage().getUsed() >> 20);
            }, publisher, inFlight, payload, seq);
            double seconds = (System.nanoTime() - start) / 1e9;
            long got = received.get() - receivedStart;
            double publisherOut = publisher.metrics().wireTotal(false) - publisherOutStart;
            // Bytes per gossip byte over every message published, once all are delivered: within a window, messages
            // in flight at its edges are counted on one side only (under load the ratio then fell below 1).
            long drainDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (inFlight.availablePermits() < window && System.nanoTime() < drainDeadline) {
                Thread.sleep(20);
            }
            double wireAll = publisher.metrics().wireTotal(false) + receiver.metrics().wireTotal(false)
                    - wireBeforeWarmup;
            long gotAll = received.get();
            System.gc();
            heapMb.add(mem.getHeapMemoryUsage().getUsed() >> 20);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("seconds", Math.round(seconds * 10) / 10.0);
            out.put("warmup_seconds", warmup.toSeconds());
            out.put("seen_ttl_seconds", seenTtl.toSeconds());
            out.put("message_bytes", messageBytes);
            out.put("messages", got);
            out.put("messages_per_s", Math.round(got / seconds));
            out.put("dropped_rpcs", (long) publisher.metrics().droppedRpcs());
            out.put("wire_bytes_per_gossip_byte", gotAll == 0 ? null
                    : Math.round(wireAll / ((double) gotAll * messageBytes) * 1000) / 1000.0);
            out.put("heap_mb_after_gc", heapMb);
            out.put("heap", trend(heapMb));
            if (outLimit > 0 || inLimit > 0) {
                out.put("limit_out_bytes_per_s", outLimit);
                out.put("limit_in_bytes_per_s", inLimit);
                out.put("wire_out_bytes_per_s", Math.round(publisherOut / seconds));
                long limit = outLimit > 0 && inLimit > 0 ? Math.min(outLimit, inLimit) : Math.max(outLimit, inLimit);
                out.put("wire_rate_of_limit", Math.round(publisherOut / seconds / limit * 1000) / 1000.0);
                out.put("throttled_out_seconds", Math.round((publisher.metrics().throttledSeconds(false) - heldOutStart) * 10) / 10.0);
                out.put("throttled_in_seconds", Math.round((receiver.metrics().throttledSeconds(true) - heldInStart) * 10) / 10.0);
            }
            return out;
        }
    }

    /** Publishes distinct messages, at most the semaphore's permits in flight; samples twelve times when asked. */
    private static void publishFor(Duration d, Runnable sample, Libp2pHost publisher, Semaphore inFlight, byte[] payload,
                                   long[] seq) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + d.toNanos();
        long every = Math.max(1, d.toNanos() / 12);
        long nextSample = start;
        while (System.nanoTime() < end) {
            if (sample != null && System.nanoTime() >= nextSample) {
                sample.run();
                nextSample += every;
            }
            if (!inFlight.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                continue;
            }
            ByteBuffer.wrap(payload).putLong(seq[0]++);
            publisher.publish("tx1", Bytes.of(payload));
        }
    }

    /** "flat" when the last third's mean is within 20% (or 16 MiB) of the first third's after warm-up. */
    static String trend(List<Long> samples) {
        if (samples.size() < 6) {
            return "too short to tell";
        }
        List<Long> s = samples.subList(1, samples.size());
        int third = s.size() / 3;
        double first = s.subList(0, third).stream().mapToLong(Long::longValue).average().orElse(0);
        double last = s.subList(s.size() - third, s.size()).stream().mapToLong(Long::longValue).average().orElse(0);
        return last <= Math.max(first * 1.2, first + 16) ? "flat" : "growing";
    }

    private static Libp2pHost host(ClassicActorSystemProvider system, byte[] prologue, Duration seenTtl,
                                   BandwidthLimits limits) throws Exception {
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        HostConfig cfg = HostConfig.of(HostKey.fromSeed(seed), prologue, List.of(Multiaddr.tcp("127.0.0.1", 0)))
                .withGossip(io.smnode.p2p.pubsub.GossipParams.SPACEMESH.withSeenTtl(seenTtl.toMillis()))
                .withBandwidth(limits);
        return Libp2pHost.start(cfg, system).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
