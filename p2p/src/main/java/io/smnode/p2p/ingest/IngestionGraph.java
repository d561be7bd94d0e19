package io.smnode.p2p.ingest;

import io.smnode.core.types.Bytes;
import io.smnode.core.verdict.CommonRule;
import io.smnode.core.verdict.Verdict;
import io.smnode.p2p.TopicIngestion;
import io.smnode.p2p.identity.PeerId;
import io.smnode.p2p.pubsub.SeenCache;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import org.apache.pekko.stream.ActorAttributes;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.QueueOfferResult;
import org.apache.pekko.stream.Supervision;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;

/**
 * One topic's gossip ingestion as a Pekko Streams graph, bounded everywhere:
 * <pre>
 * BoundedSourceQueue (full => IGNORE QUEUE_FULL, counted by the caller)
 *   -> size cap (TOO_LARGE) -> dedup on the message id (DUPLICATE)
 *   -> mapAsyncUnordered(pre-check) on the CPU executor
 *   -> mapAsync(validator)  (the stateful, single-writer side; verdicts in order)
 *   -> verdict back to gossipsub
 * </pre>
 * A message that already has its verdict flows through the later stages untouched, so every offered message gets
 * exactly one verdict. When the validator falls behind, the host stops reading the senders' streams while the queue is
 * half full ({@link #whenRoom}); what still overflows it is ignored, never buffered without bound.
 */
public final class IngestionGraph {
    /** One message to judge. */
    public record Item(String topic, PeerId from, Bytes msgId, Bytes data) {}

    private record Step(Item item, Verdict verdict) {
        Step decided(Verdict v) {
            return new Step(item, v);
        }
    }

    private final BoundedSourceQueue<Item> queue;
    private final int highWater;
    private final java.util.concurrent.ConcurrentLinkedQueue<Runnable> waiting = new java.util.concurrent.ConcurrentLinkedQueue<>();

    /**
     * @param cpu where pre-checks run (the CPU dispatcher)
     * @param onVerdict called once per message, on a stream thread
     */
    public IngestionGraph(TopicIngestion cfg, Materializer mat, Executor cpu, BiConsumer<Item, Verdict> onVerdict) {
        SeenCache dedup = new SeenCache(cfg.dedupTtl().toMillis(), cfg.dedupCapacity());
        // Half the queue: what the senders released at once may still bring (16 RPCs a peer) fits in the other half.
        this.highWater = Math.max(1, cfg.queueSize() / 2);
        this.queue = Source.<Item>queue(cfg.queueSize())
                .map(item -> {
                    releaseWaiting();
                    return new Step(item, null);
                })
                .map(step -> step.item.data().length() > cfg.maxMessageBytes()
                        ? step.decided(Verdict.ignore(CommonRule.TOO_LARGE, step.item.data().length() + " bytes"))
                        : step)
                .map(step -> step.verdict != null || dedup.add(step.item.msgId(), System.currentTimeMillis())
                        ? step
                        : step.decided(Verdict.ignore(CommonRule.DUPLICATE, "seen within " + cfg.dedupTtl())))
                .mapAsyncUnordered(cfg.preCheckParallelism(), step -> preCheck(cfg, cpu, step))
                .mapAsync(cfg.validatorParallelism(), step -> validate(cfg, step))
                .to(Sink.foreach(step -> onVerdict.accept(step.item, step.verdict)))
                .withAttributes(ActorAttributes.withSupervisionStrategy(Supervision.getResumingDecider()))
                .run(mat);
    }

    private static CompletionStage<Step> preCheck(TopicIngestion cfg, Executor cpu, Step step) {
        if (step.verdict != null || cfg.preCheck().isEmpty()) {
            return CompletableFuture.completedFuture(step);
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                Verdict v = cfg.preCheck().get().check(step.item.topic(), step.item.from(), step.item.data());
                return v.accepted() ? step : step.decided(v);
            } catch (RuntimeException e) {
                return step.decided(Verdict.ignore(CommonRule.UNAVAILABLE, "pre-check failed: " + e));
            }
        }, cpu);
    }

    private static CompletionStage<Step> validate(TopicIngestion cfg, Step step) {
        if (step.verdict != null) {
            return CompletableFuture.completedFuture(step);
        }
        CompletionStage<Verdict> v;
        try {
            v = cfg.validator().validate(step.item.topic(), step.item.from(), step.item.data());
        } catch (RuntimeException e) {
            v = CompletableFuture.failedFuture(e);
        }
        return v.handle((verdict, err) -> step.decided(err != null || verdict == null
                ? Verdict.ignore(CommonRule.UNAVAILABLE, "validator failed: " + err)
                : verdict));
    }

    /** Offers a message; false when the queue is full (or closed): the caller ignores it as QUEUE_FULL. */
    public boolean offer(Item item) {
        return queue.offer(item) == QueueOfferResult.enqueued();
    }

    public int depth() {
        return queue.size();
    }

    /**
     * Runs {@code next} once the queue is below half full: now, or when the graph has taken enough. The host delays a
     * peer's next RPCs this way, which is how slow validation backpressures the peer's stream.
     */
    public void whenRoom(Runnable next) {
        if (queue.size() < highWater) {
            next.run();
            return;
        }
        waiting.add(next);
        // The graph may have drained between the check and the add: look again so no waiter is left behind.
        releaseWaiting();
    }

    private void releaseWaiting() {
        while (!waiting.isEmpty() && queue.size() < highWater) {
            Runnable r = waiting.poll();
            if (r != null) {
                r.run();
            }
        }
    }

    public void close() {
        queue.complete();
        for (Runnable r = waiting.poll(); r != null; r = waiting.poll()) {
            r.run();
        }
    }
}
