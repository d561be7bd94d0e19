package io.smnode.actors.storage;

import io.smnode.persistence.InvalidBatchException;
import io.smnode.persistence.Store;
import io.smnode.persistence.StoreException;
import io.smnode.persistence.StoreFullException;
import io.smnode.persistence.StoreSyncException;
import io.smnode.persistence.WriteBatch;
import java.time.Duration;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.StashBuffer;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * The single writer of one store. Every batch of the node goes through this mailbox, so commits are serialised
 * without locks and in the order they were sent; readers use the store directly (its reads are thread-safe and see
 * whole batches only). The actor owns the store's lifetime and closes it when it stops.
 *
 * <p>A batch is never half-applied (LMDB commits are atomic). What happens when a commit fails:
 * <ul>
 *   <li>a batch that breaks a store rule (unknown table, oversized key) is a bug of its sender: answered
 *       {@link Rejected}, the writer carries on;</li>
 *   <li>a transient write error is retried with backoff ({@link #RETRIES} times), later commits waiting behind it so
 *       that order is kept; if it keeps failing, the writer stops for good;</li>
 *   <li>a full disk (the map at its maximum) or a failed sync (durability unknown) stops the writer for good at
 *       once.</li>
 * </ul>
 * Stopping for good means failing with {@link StorageFailure}, whose one-sentence message says what to do; the
 * guardian watching this component then takes the node down, and the next start continues from the last commit.
 */
public final class StorageActor {

    /** The pinned dispatcher to spawn this actor on: every commit blocks on fsync (see reference.conf). */
    public static final String DISPATCHER = "smnode-storage-dispatcher";
    /** How often a transient failure is retried before the writer gives up. */
    static final int RETRIES = 5;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(50);
    /** Commits that may wait behind a retried one; beyond that they are rejected rather than held without bound. */
    private static final int WAITING_CAPACITY = 10_000;

    public sealed interface Command {}

    /** Commit {@code batch} atomically and answer {@code replyTo} once it is durable (or why it is not). */
    public record Commit(WriteBatch batch, ActorRef<CommitResult> replyTo) implements Command {}

    /** Commit without an answer, for writers that only need ordering and durability (failures are logged). */
    public record CommitAndForget(WriteBatch batch) implements Command {}

    private record Retry() implements Command {}

    public sealed interface CommitResult {}

    /** The batch is durable; {@code commitNumber} counts this actor's successful commits since start. */
    public record Committed(long commitNumber) implements CommitResult {}

    /** The batch was not applied at all; the store is unchanged. */
    public record Rejected(String reason) implements CommitResult {}

    private final ActorContext<Command> ctx;
    private final Store store;
    private final TimerScheduler<Command> timers;
    private final StashBuffer<Command> waiting;
    private long commits;
    /** The request being retried, unanswered; answered with a rejection if the writer stops first. */
    private Command unanswered;

    public static Behavior<Command> create(Store store) {
        return Behaviors.setup(ctx -> {
            ctx.setLoggerName(StorageActor.class);
            return Behaviors.withTimers(timers -> Behaviors.withStash(WAITING_CAPACITY,
                    stash -> new StorageActor(ctx, store, timers, stash).writing()));
        });
    }

    private StorageActor(ActorContext<Command> ctx, Store store, TimerScheduler<Command> timers,
                         StashBuffer<Command> waiting) {
        this.ctx = ctx;
        this.store = store;
        this.timers = timers;
        this.waiting = waiting;
    }

    private Behavior<Command> writing() {
        return Behaviors.receive(Command.class)
                .onMessage(Commit.class, c -> attempt(c, 0))
                .onMessage(CommitAndForget.class, c -> attempt(c, 0))
                .onSignal(PostStop.class, s -> close())
                .build();
    }

    /** Tries {@code request}; on a transient failure waits and retries it before anything else. */
    private Behavior<Command> attempt(Command request, int failures) {
        unanswered = null;
        WriteBatch batch = request instanceof Commit c ? c.batch() : ((CommitAndForget) request).batch();
        try {
            store.write(batch);
            commits++;
            answer(request, new Committed(commits));
            return failures == 0 ? Behaviors.same() : waiting.unstashAll(writing());
        } catch (InvalidBatchException e) {
            ctx.getLog().error("a batch of {} writes was rejected: {}", batch.size(), e.getMessage());
            answer(request, new Rejected(e.getMessage()));
            return failures == 0 ? Behaviors.same() : waiting.unstashAll(writing());
        } catch (StoreFullException e) {
            answer(request, new Rejected(e.getMessage()));
            throw new StorageFailure("storage is full (" + e.getMessage() + "): nothing of the batch was written; "
                    + "free disk space or raise smnode.storage.map-size-max, then start the node again", e);
        } catch (StoreSyncException e) {
            answer(request, new Rejected(e.getMessage()));
            throw new StorageFailure("syncing a commit to disk failed (" + e.getMessage() + "): the node stops and "
                    + "re-reads the store on its next start", e);
        } catch (StoreException e) {
            if (failures + 1 > RETRIES) {
                answer(request, new Rejected(e.getMessage()));
                throw new StorageFailure("a commit failed " + (failures + 1) + " times (" + e.getMessage()
                        + "): nothing of it was written; check the disk, then start the node again", e);
            }
            Duration backoff = FIRST_BACKOFF.multipliedBy(1L << failures);
            ctx.getLog().warn("a commit of {} writes failed ({}); retry {} of {} in {} ms", batch.size(),
                    e.getMessage(), failures + 1, RETRIES, backoff.toMillis());
            timers.startSingleTimer(new Retry(), backoff);
            unanswered = request;
            return retrying(request, failures + 1);
        }
    }

    /** Waiting to retry {@code request}: later commits wait in order behind it. */
    private Behavior<Command> retrying(Command request, int failures) {
        return Behaviors.receive(Command.class)
                .onMessage(Retry.class, r -> attempt(request, failures))
                .onMessage(Command.class, this::wait)
                .onSignal(PostStop.class, s -> close())
                .build();
    }

    private Behavior<Command> wait(Command later) {
        if (waiting.isFull()) {
            answer(later, new Rejected("the storage writer is retrying a failed commit and "
                    + WAITING_CAPACITY + " commits already wait"));
        } else {
            waiting.stash(later);
        }
        return Behaviors.same();
    }

    private static void answer(Command request, CommitResult result) {
        if (request instanceof Commit c) {
            c.replyTo().tell(result);
        }
    }

    private Behavior<Command> close() {
        if (unanswered != null) {
            answer(unanswered, new Rejected("the storage writer stopped before the batch was written"));
        }
        store.close();
        ctx.getLog().info("storage closed after {} commits", commits);
        return Behaviors.same();
    }
}
