package io.smnode.actors.storage;

import io.smnode.persistence.Store;
import io.smnode.persistence.StoreException;
import io.smnode.persistence.WriteBatch;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * The single writer of one store. Every batch of the node goes through this mailbox, so commits are serialised
 * without locks; readers use the store directly (its reads are thread-safe and see whole batches only). The actor
 * owns the store's lifetime: it closes it when it stops, which CoordinatedShutdown does after intake has stopped,
 * so a clean stop never cuts a batch in half (and a crash cannot either: LMDB commits are atomic).
 */
public final class StorageActor extends AbstractBehavior<StorageActor.Command> {

    /** The pinned dispatcher to spawn this actor on: every commit blocks on fsync (see reference.conf). */
    public static final String DISPATCHER = "smnode-storage-dispatcher";

    public sealed interface Command {}

    /** Commit {@code batch} atomically and answer {@code replyTo} once it is durable (or why it is not). */
    public record Commit(WriteBatch batch, ActorRef<CommitResult> replyTo) implements Command {}

    /** Commit without an answer, for writers that only need ordering and durability (failures are logged). */
    public record CommitAndForget(WriteBatch batch) implements Command {}

    public sealed interface CommitResult {}

    /** The batch is durable; {@code commitNumber} counts this actor's successful commits since start. */
    public record Committed(long commitNumber) implements CommitResult {}

    /** The batch was not applied at all; the store is unchanged. */
    public record Rejected(String reason) implements CommitResult {}

    private final Store store;
    private long commits;

    public static Behavior<Command> create(Store store) {
        return Behaviors.setup(ctx -> new StorageActor(ctx, store));
    }

    private StorageActor(ActorContext<Command> ctx, Store store) {
        super(ctx);
        this.store = store;
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Commit.class, c -> {
                    c.replyTo().tell(commit(c.batch()));
                    return this;
                })
                .onMessage(CommitAndForget.class, c -> {
                    if (commit(c.batch()) instanceof Rejected r) {
                        getContext().getLog().error("a batch of {} writes was rejected: {}", c.batch().size(), r.reason());
                    }
                    return this;
                })
                .onSignal(PostStop.class, s -> {
                    store.close();
                    getContext().getLog().info("storage closed after {} commits", commits);
                    return this;
                })
                .build();
    }

    private CommitResult commit(WriteBatch batch) {
        try {
            store.write(batch);
            return new Committed(++commits);
        } catch (StoreException e) {
            return new Rejected(e.getMessage());
        }
    }
}
