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
import java.util.List;
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
}
