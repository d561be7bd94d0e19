package io.smnode.actors.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.types.AtxId;
import io.smnode.core.types.NodeId;
import io.smnode.core.util.Hex;
import io.smnode.post.init.InitConfig;
import io.smnode.post.init.InitListener;
import io.smnode.post.init.InitProgress;
import io.smnode.post.init.InitResult;
import io.smnode.post.init.Initializer;
import io.smnode.post.label.CpuLabelBackend;
import io.smnode.post.label.LabelBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import io.smnode.actors.serialization.ClusterSerialization;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostSupervisorTest {
    private static final NodeId NODE = NodeId.ofHex("77".repeat(32));
    private static final AtxId ATX = AtxId.ofHex("02".repeat(32));
    /** 400 labels at N = 2 in four files of 100, batches of 25. */
    private static final InitConfig CONFIG = new InitConfig(NODE, ATX, 100, 4, 1600, 2, 25);
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ActorTestKit kit = ActorTestKit.create(ClusterSerialization.on());

    @TempDir
    Path tmp;

    @AfterEach
    void stop() {
        kit.shutdownTestKit();
    }

    @Test
    void aPoolWritesTheSameBytesAsThePlainInitializer() throws Exception {
        Path expected = reference();
        Path dir = tmp.resolve("pool");
        ActorRef<PostSupervisor.Command> sup = spawn(dir, PostPool.cpu(3));
        PostSupervisor.Completed done = assertInstanceOf(PostSupervisor.Completed.class, start(sup));
        assertEquals(contents(expected), contents(dir));
        assertEquals(done.metadata().nonce(), Initializer.status(expected).metadata().orElseThrow().nonce());
        assertEquals(PostSupervisor.Status.State.COMPLETED, status(sup).state());
        assertEquals(0, status(sup).workers(), "the workers stop with the run");
    }

    @Test
    void aBatchWhoseWorkerCrashesIsRetriedAndTheFilesStayIdentical() throws Exception {
        Path expected = reference();
        Path dir = tmp.resolve("pool");
        FaultyBackend faulty = FaultyBackend.onceAt(150);
        ActorRef<PostSupervisor.Command> sup = spawn(dir, pool(List.of(), faulty, 2));
        assertInstanceOf(PostSupervisor.Completed.class, start(sup));
        assertEquals(1, faulty.thrown.get(), "the fault was injected");
        assertEquals(contents(expected), contents(dir));
        assertEquals(3, faulty.opened.get(), "two workers plus the restarted one");
        // The workers close their batchers when they stop, which may come just after the Completed reply.
        kit.createTestProbe().awaitAssert(WAIT, () -> {
            assertEquals(faulty.opened.get(), faulty.closed.get(),
                    "the crashed worker's batcher was closed, a new opened");
            return null;
        });
        // The supervisor itself never failed: it is alive and reports the run as completed.
        assertEquals(PostSupervisor.Status.State.COMPLETED, status(sup).state());
    }

    @Test
    void aWorkerThatAlwaysFailsIsStoppedAndTheOthersFinish() throws Exception {
        Path expected = reference();
        Path dir = tmp.resolve("pool");
        FaultyBackend broken = FaultyBackend.always();
        ActorRef<PostSupervisor.Command> sup = spawn(dir, pool(List.of(broken), CpuLabelBackend.scryptJane(1), 1));
        assertInstanceOf(PostSupervisor.Completed.class, start(sup));
        assertEquals(3, broken.thrown.get(), "the first failure and two restarts, then the worker is stopped");
        kit.createTestProbe().awaitAssert(WAIT, () -> {
            assertEquals(broken.opened.get(), broken.closed.get());
            return null;
        });
        assertEquals(contents(expected), contents(dir));
    }

    @Test
    void aDeviceThatCannotEvenOpenIsStoppedAndTheOthersFinish() throws Exception {
        Path expected = reference();
        Path dir = tmp.resolve("pool");
        LabelBackend unopenable = new FaultyBackend(s -> false, 0) {
            @Override
            public io.smnode.post.label.LabelBatcher open(io.smnode.core.types.Hash32 commitment, int n) {
                opened.incrementAndGet();
                throw new IllegalStateException("CUDA_ERROR_NO_DEVICE");
            }
        };
        ActorRef<PostSupervisor.Command> sup = spawn(dir, pool(List.of(unopenable), CpuLabelBackend.scryptJane(1), 1));
        assertInstanceOf(PostSupervisor.Completed.class, start(sup));
        assertEquals(contents(expected), contents(dir));
    }

    @Test
    void whenTheLastGpuWorkerDiesACpuWorkerTakesOver() throws Exception {
        Path expected = reference();
        Path dir = tmp.resolve("pool");
        FaultyBackend gpu0 = FaultyBackend.always();
        FaultyBackend gpu1 = FaultyBackend.always();
        ActorRef<PostSupervisor.Command> sup = spawn(dir,
                pool(List.of(gpu0, gpu1), CpuLabelBackend.scryptJane(1), 0));
        assertInstanceOf(PostSupervisor.Completed.class, start(sup));
        assertEquals(3, gpu0.thrown.get());
        assertEquals(3, gpu1.thrown.get());
        assertEquals(contents(expected), contents(dir));
    }

    @Test
    void whenEveryWorkerFailsTheRunFailsAndIsReportedNotThrown() throws Exception {
        Path dir = tmp.resolve("pool");
        ActorRef<PostSupervisor.Command> sup = spawn(dir, pool(List.of(), FaultyBackend.always(), 2));
        PostSupervisor.Failed failed = assertInstanceOf(PostSupervisor.Failed.class, start(sup));
        assertTrue(failed.reason().contains("every PoST worker failed"), failed.reason());
        assertEquals(PostSupervisor.Status.State.FAILED, status(sup).state());
        assertEquals(0, Initializer.status(dir).labelsDone());
    }

    @Test
    void aDirectoryOfAnotherIdentityIsReportedAsFailed() throws Exception {
        Path dir = reference();
        InitConfig other = new InitConfig(NodeId.ofHex("01".repeat(32)), ATX, 100, 4, 1600, 2, 25);
        ActorRef<PostSupervisor.Command> sup = kit.spawn(
                PostSupervisor.create(dir, other, PostPool.cpu(1), Clock.systemUTC()),
                DispatcherSelector.fromConfig(PostSupervisor.DISPATCHER));
        PostSupervisor.Failed failed = assertInstanceOf(PostSupervisor.Failed.class, start(sup));
        assertTrue(failed.reason().contains("CONFIG_MISMATCH"), failed.reason());
        assertEquals(PostSupervisor.Status.State.FAILED, status(sup).state());
    }

    @Test
    void aCancelledRunResumesWhereItStoppedAndEndsIdentical() throws Exception {
        Path expected = reference();
        Path dir = tmp.resolve("pool");
        TestProbe<InitProgress> progress = kit.createTestProbe();
        GatedBackend backend = new GatedBackend(200);
        ActorRef<PostSupervisor.Command> gated = spawn(dir, pool(List.of(), backend, 2));
        TestProbe<PostSupervisor.Outcome> outcome = kit.createTestProbe();
        try {
            gated.tell(new PostSupervisor.Subscribe(progress.getRef()));
            gated.tell(new PostSupervisor.Start(outcome.getRef()));
            progress.fishForMessage(WAIT, p -> p.labelsDone() == 200
                    ? org.apache.pekko.actor.testkit.typed.javadsl.FishingOutcomes.complete()
                    : org.apache.pekko.actor.testkit.typed.javadsl.FishingOutcomes.continueAndIgnore());
            gated.tell(new PostSupervisor.Cancel());
            assertEquals(new PostSupervisor.Cancelled(200), outcome.receiveMessage(WAIT));
        } finally {
            // The run is over (its stop flag is set before Cancelled is sent): the held batches return incomplete.
            backend.open();
        }
        assertEquals(PostSupervisor.Status.State.CANCELLED, status(gated).state());
        assertEquals(200, Initializer.status(dir).labelsDone(), "the checkpoint holds what was durable");

        ActorRef<PostSupervisor.Command> sup = spawn(dir, PostPool.cpu(2));
        TestProbe<InitProgress> resumed = kit.createTestProbe();
        sup.tell(new PostSupervisor.Subscribe(resumed.getRef()));
        assertInstanceOf(PostSupervisor.Completed.class, start(sup));
        // A run from scratch would first report 25; a resumed one reports more than the 200 already durable (how many
        // more depends on which of the batches in flight land first, so only the bound is asserted).
        long first = resumed.receiveMessage(WAIT).labelsDone();
        assertTrue(first > 200, "the resumed run starts after the durable labels, first progress at " + first);
        assertEquals(contents(expected), contents(dir));
    }

    @Test
    void progressIsMonotonicTimedByTheGivenClockAndEndsAtOneHundredPercent() throws Exception {
        Path dir = tmp.resolve("pool");
        ActorRef<PostSupervisor.Command> sup = kit.spawn(
                PostSupervisor.create(dir, CONFIG, PostPool.cpu(2), new SteppingClock()),
                DispatcherSelector.fromConfig(PostSupervisor.DISPATCHER));
        TestProbe<InitProgress> progress = kit.createTestProbe();
        sup.tell(new PostSupervisor.Subscribe(progress.getRef()));
        sup.tell(new PostSupervisor.Subscribe(progress.getRef()));
        assertInstanceOf(PostSupervisor.Completed.class, start(sup));
        List<InitProgress> seen = new ArrayList<>();
        do {
            seen.add(progress.receiveMessage(WAIT));
        } while (seen.get(seen.size() - 1).labelsDone() < CONFIG.totalLabels());
        assertTrue(seen.get(0).labelsDone() > 0, "the first event already reports durable labels");
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i).labelsDone() > seen.get(i - 1).labelsDone(), "strictly more durable each time");
        }
        InitProgress last = seen.get(seen.size() - 1);
        assertEquals(100.0, last.percent(), 1e-9);
        assertTrue(last.eta().isEmpty());
        // every reading of the stepping clock is one second later, so the rate is at most the labels written per
        // second of readings and never zero
        assertTrue(last.labelsPerSecond() > 0 && last.labelsPerSecond() <= CONFIG.totalLabels(),
                "rate " + last.labelsPerSecond());
        assertTrue(seen.get(0).eta().isPresent(), "an ETA once a rate is known: " + seen);
        assertEquals(last, status(sup).progress().orElseThrow());
        progress.expectNoMessage(Duration.ofMillis(200)); // subscribed twice, told once
    }

    private ActorRef<PostSupervisor.Command> spawn(Path dir, PostPool pool) {
        return kit.spawn(PostSupervisor.create(dir, CONFIG, pool, Clock.systemUTC()),
                DispatcherSelector.fromConfig(PostSupervisor.DISPATCHER));
    }

    private static PostPool pool(List<LabelBackend> gpus, LabelBackend cpu, int cpuWorkers) {
        return new PostPool(gpus, cpu, cpuWorkers, 2, Duration.ofMinutes(1));
    }

    private PostSupervisor.Outcome start(ActorRef<PostSupervisor.Command> sup) {
        TestProbe<PostSupervisor.Outcome> probe = kit.createTestProbe();
        sup.tell(new PostSupervisor.Start(probe.getRef()));
        return probe.receiveMessage(WAIT);
    }

    private PostSupervisor.Status status(ActorRef<PostSupervisor.Command> sup) {
        TestProbe<PostSupervisor.Status> probe = kit.createTestProbe();
        sup.tell(new PostSupervisor.GetStatus(probe.getRef()));
        return probe.receiveMessage(WAIT);
    }

    /** The same directory written by the plain, single-threaded Initializer. */
    private Path reference() throws Exception {
        Path dir = tmp.resolve("reference");
        InitResult r = new Initializer(dir, CONFIG, CpuLabelBackend.scryptJane(1), Runnable::run, System::nanoTime,
                InitListener.NONE).run();
        assertInstanceOf(InitResult.Completed.class, r);
        return dir;
    }

    /** Every file of {@code dir}, name to content (hex). */
    private static Map<String, String> contents(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                out.put(p.getFileName().toString(), Hex.encode(Files.readAllBytes(p)));
            }
        }
        assertTrue(out.containsKey("postdata_0.bin"), "data was written to " + dir);
        return out;
    }

    /** A clock one second later at every reading. */
    private static final class SteppingClock extends Clock {
        private Instant now = Instant.EPOCH;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public synchronized Instant instant() {
            now = now.plusSeconds(1);
            return now;
        }
    }
}
