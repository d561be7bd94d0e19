package io.smnode.actors.post;

import io.smnode.actors.serialization.ClusterMessage;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.Hash32;
import io.smnode.post.init.Batch;
import io.smnode.post.label.LabelBackend;
import io.smnode.post.label.LabelBatcher;
import io.smnode.post.label.LabelGenerator;
import io.smnode.post.label.NonceScan;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.PreRestart;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * Computes batches of labels with one {@link LabelBatcher} of its backend (one CPU thread or one GPU), blocking its
 * own thread (spawn it on {@link PostSupervisor#DISPATCHER}). It pulls work: it announces itself with
 * {@link PostSupervisor.WorkerReady} when it starts, and every {@link PostSupervisor.BatchComputed} it sends means it
 * is idle again.
 *
 * <p>A backend failure (an exception from the batcher, e.g. a CUDA fault) is reported as
 * {@link PostSupervisor.BatchFailed} and then rethrown, so that the worker is restarted with a freshly opened
 * batcher (a GPU context that faulted is not reused); past {@code maxRestarts} failures within the window it stops.
 */
public final class PostWorker extends AbstractBehavior<PostWorker.Command> {

    public sealed interface Command {}

    /** Compute {@code batch} and answer the pool with its labels and nonce candidate. */
    public record Compute(Batch batch) implements Command, ClusterMessage {}

    /** What every batch of one run is computed for. */
    public record Job(Hash32 commitment, int scryptN, Bytes nonceThreshold) {}

    private final Job job;
    private final ActorRef<PostSupervisor.Command> pool;
    private final AtomicBoolean stop;
    private final LabelBatcher batcher;

    /**
     * A supervised worker.
     *
     * @param stop set by the pool when the run ends: a batch in progress returns early and is not reported
     */
    public static Behavior<Command> create(LabelBackend backend, Job job, ActorRef<PostSupervisor.Command> pool,
                                           AtomicBoolean stop, int maxRestarts, Duration restartWindow) {
        Behavior<Command> worker = Behaviors.setup(ctx -> new PostWorker(ctx, backend, job, pool, stop));
        return Behaviors.supervise(worker)
                .onFailure(SupervisorStrategy.restart().withLimit(maxRestarts, restartWindow));
    }

    private PostWorker(ActorContext<Command> ctx, LabelBackend backend, Job job, ActorRef<PostSupervisor.Command> pool,
                       AtomicBoolean stop) {
        super(ctx);
        this.job = job;
        this.pool = pool;
        this.stop = stop;
        this.batcher = backend.open(job.commitment(), job.scryptN());
        pool.tell(new PostSupervisor.WorkerReady(ctx.getSelf()));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Compute.class, this::onCompute)
                .onSignal(PreRestart.class, s -> close())
                .onSignal(PostStop.class, s -> close())
                .build();
    }

    private Behavior<Command> onCompute(Compute c) {
        Batch batch = c.batch();
        byte[] labels = batch.store() ? new byte[batch.count() * LabelGenerator.LABEL_SIZE] : null;
        NonceScan scan = new NonceScan(job.nonceThreshold().toByteArray());
        boolean complete;
        try {
            complete = batcher.compute(batch.start(), batch.count(), labels, 0, scan, stop::get);
        } catch (RuntimeException e) {
            pool.tell(new PostSupervisor.BatchFailed(getContext().getSelf(), batch, e.toString()));
            throw e;
        }
        if (complete) {
            pool.tell(new PostSupervisor.BatchComputed(getContext().getSelf(), batch,
                    labels == null ? Bytes.EMPTY : Bytes.wrap(labels), NonceCandidate.of(scan)));
        }
        return this;
    }

    private Behavior<Command> close() {
        batcher.close();
        return this;
    }
}
