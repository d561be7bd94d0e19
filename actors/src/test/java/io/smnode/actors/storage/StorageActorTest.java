package io.smnode.actors.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.persistence.Codecs;
import io.smnode.persistence.InMemoryStore;
import io.smnode.persistence.Schema;
import io.smnode.persistence.Store;
import io.smnode.persistence.StoreClosedException;
import io.smnode.persistence.Table;
import io.smnode.persistence.WriteBatch;
import io.smnode.actors.faults.FaultAction;
import io.smnode.actors.faults.FaultInjectingStore;
import io.smnode.actors.faults.FaultInjector;
import io.smnode.actors.faults.FaultRule;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.Optional;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StorageActorTest {
    private static final Table<Long, String> ROWS = Table.of("rows", Codecs.longs(), Codecs.utf8());
    private static final Schema SCHEMA = Schema.of(1, List.of(ROWS));

    private final ActorTestKit kit = ActorTestKit.create();

    @AfterEach
    void stop() {
        kit.shutdownTestKit();
    }

    @Test
    void commitsInMailboxOrderAndAnswersWhenDurable() {
        Store store = InMemoryStore.open(SCHEMA);
        ActorRef<StorageActor.Command> storage = kit.spawn(StorageActor.create(store));
        TestProbe<StorageActor.CommitResult> probe = kit.createTestProbe();
        storage.tell(new StorageActor.Commit(WriteBatch.builder().put(ROWS, 1L, "first").build(), probe.getRef()));
        storage.tell(new StorageActor.Commit(WriteBatch.builder().put(ROWS, 1L, "second").put(ROWS, 2L, "x").build(), probe.getRef()));
        assertEquals(new StorageActor.Committed(1), probe.receiveMessage());
        assertEquals(new StorageActor.Committed(2), probe.receiveMessage());
        assertEquals(Optional.of("second"), store.get(ROWS, 1L));
        assertEquals(2, store.count(ROWS));
    }

    @Test
    void aRejectedBatchIsReportedAndChangesNothing() {
        Store store = InMemoryStore.open(SCHEMA);
        ActorRef<StorageActor.Command> storage = kit.spawn(StorageActor.create(store));
        TestProbe<StorageActor.CommitResult> probe = kit.createTestProbe();
        Table<Long, String> undeclared = Table.of("undeclared", Codecs.longs(), Codecs.utf8());
        WriteBatch bad = WriteBatch.builder().put(ROWS, 7L, "kept?").put(undeclared, 1L, "no").build();
        storage.tell(new StorageActor.Commit(bad, probe.getRef()));
        StorageActor.Rejected rejected = assertInstanceOf(StorageActor.Rejected.class, probe.receiveMessage());
        assertTrue(rejected.reason().contains("undeclared"), rejected.reason());
        assertEquals(Optional.empty(), store.get(ROWS, 7L), "all or nothing");
    }

    @Test
    void stoppingTheActorClosesTheStore() {
        Store store = InMemoryStore.open(SCHEMA);
        ActorRef<StorageActor.Command> storage = kit.spawn(StorageActor.create(store));
        TestProbe<Object> watcher = kit.createTestProbe();
        kit.stop(storage);
        watcher.awaitAssert(() -> assertThrows(StoreClosedException.class, () -> store.get(ROWS, 1L)));
    }

    /** The store seen through one storage rule of a fault plan. */
    private static Store faulty(Store store, FaultAction action, long every, long limit) {
        FaultRule rule = new FaultRule(0, "storage", "commit", action, every, 0, Duration.ZERO, OptionalLong.empty(),
                OptionalLong.empty(), limit);
        return new FaultInjectingStore(store, new FaultInjector(1, List.of(rule), () -> 0));
    }

    @Test
    void aFailedCommitIsRetriedAndLaterCommitsKeepTheirOrder() {
        Store store = InMemoryStore.open(SCHEMA);
        // Every 2nd write attempt fails, twice: the 2nd commit's first attempt and the 3rd commit's first attempt.
        Store flaky = faulty(store, FaultAction.FAIL_COMMIT, 2, 2);
        ActorRef<StorageActor.Command> storage = kit.spawn(StorageActor.create(flaky));
        TestProbe<StorageActor.CommitResult> probe = kit.createTestProbe();
        for (long i = 1; i <= 3; i++) {
            storage.tell(new StorageActor.Commit(WriteBatch.builder().put(ROWS, 1L, "v" + i).build(), probe.getRef()));
        }
        assertEquals(new StorageActor.Committed(1), probe.receiveMessage());
        assertEquals(new StorageActor.Committed(2), probe.receiveMessage());
        assertEquals(new StorageActor.Committed(3), probe.receiveMessage());
        assertEquals(Optional.of("v3"), store.get(ROWS, 1L), "the retried commit did not overtake the later one");
    }

    @Test
    void aCommitThatKeepsFailingStopsTheWriterAndNothingOfItIsWritten() {
        Store store = InMemoryStore.open(SCHEMA);
        ActorRef<StorageActor.Command> storage = kit.spawn(StorageActor.create(faulty(store, FaultAction.FAIL_COMMIT,
                1, 0)));
        TestProbe<StorageActor.CommitResult> probe = kit.createTestProbe();
        storage.tell(new StorageActor.Commit(WriteBatch.builder().put(ROWS, 1L, "a").put(ROWS, 2L, "b").build(),
                probe.getRef()));
        StorageActor.Rejected rejected = assertInstanceOf(StorageActor.Rejected.class,
                probe.receiveMessage(Duration.ofSeconds(10)));
        assertTrue(rejected.reason().contains("injected commit failure"), rejected.reason());
        probe.expectTerminated(storage, Duration.ofSeconds(5));
        assertThrows(StoreClosedException.class, () -> store.get(ROWS, 1L), "the writer closed the store as it stopped");
    }

    @Test
    void aFullDiskStopsTheWriterAtOnceWithOneSentence() {
        Store store = InMemoryStore.open(SCHEMA);
        ActorRef<StorageActor.Command> storage = kit.spawn(StorageActor.create(faulty(store, FaultAction.DISK_FULL,
                2, 1)));
        TestProbe<StorageActor.CommitResult> probe = kit.createTestProbe();
        storage.tell(new StorageActor.Commit(WriteBatch.builder().put(ROWS, 1L, "kept").build(), probe.getRef()));
        storage.tell(new StorageActor.Commit(WriteBatch.builder().put(ROWS, 2L, "lost").build(), probe.getRef()));
        assertEquals(new StorageActor.Committed(1), probe.receiveMessage());
        assertInstanceOf(StorageActor.Rejected.class, probe.receiveMessage());
        probe.expectTerminated(storage, Duration.ofSeconds(5));
    }
}
