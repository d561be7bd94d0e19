package io.smnode.actors.post;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.activation.PostV1;
import io.smnode.actors.cluster.PostInitCoordinator;
import io.smnode.actors.cluster.PostMember;
import io.smnode.actors.cluster.PostProvers;
import io.smnode.actors.component.ComponentFactory;
import io.smnode.actors.serialization.ClusterSerialization;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.Hash32;
import io.smnode.post.init.InitConfig;
import io.smnode.post.init.Initializer;
import io.smnode.post.label.CpuLabelBackend;
import io.smnode.post.label.LabelBackend;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PoST initialization handed out as label-range descriptors ({@link PostInitCoordinator}) to a post member's workers
 * ({@link PostMember}), every message serialized as between machines: the member's directory is byte for byte a
 * local initialization; a range whose worker failed is redone; ranges done before the member went down are not
 * computed again; proofs for the identity go to the prover the member registered for it.
 */
class RemotePostInitTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** 256 labels in 4 files of 64; ranges of 50 labels cross the files' boundaries. */
    private static final EdSigner SIGNER = EdSigner.fromSeed(new byte[32], Bytes.ofHex("00".repeat(20)));
    private static final InitConfig IDENTITY = new InitConfig(SIGNER.nodeId(), AtxId.of(new byte[32]), 64, 4, 1024,
            2, 50);

    @TempDir
    Path tmp;

    @Test
    void aPostMemberInitializesFromRangesByteIdenticalToALocalInitAndProvesForTheIdentity() throws Exception {
        ActorTestKit kit = ActorTestKit.create(ClusterSerialization.on());
        try {
            Path root = tmp.resolve("member");
            List<FaultyBackend> failOnce = FaultyBackend.onceAtAmong(100, 2);
            start(kit, root, List.copyOf(failOnce));
            PostInitCoordinator.Initialized done = initialize(kit, kit.spawn(PostInitCoordinator.create()));
            assertEquals(1, failOnce.get(0).thrown.get(), "the range at label 100 failed once and was redone");
            assertSameAsLocal(root);

            TestProbe<Receptionist.Listing> listing = kit.createTestProbe();
            kit.system().receptionist().tell(Receptionist.find(PostProvers.key(SIGNER.nodeId()), listing.getRef()));
            ActorRef<ProvingWorker.Prove> prover = listing.receiveMessage(WAIT)
                    .getServiceInstances(PostProvers.key(SIGNER.nodeId())).iterator().next();
            TestProbe<ProvingWorker.Result> proof = kit.createTestProbe();
            prover.tell(new ProvingWorker.Prove(Hash32.ZERO, proof.getRef()));
            PostV1 post = assertInstanceOf(ProvingWorker.Proven.class, proof.receiveMessage(WAIT)).post();
            assertEquals(done.metadata().nodeId().hex(), new String(post.indices().toByteArray(),
                    StandardCharsets.UTF_8), "proven by the member's prover over the identity's own directory");
        } finally {
            kit.shutdownTestKit();
        }
    }

    @Test
    void rangesDoneBeforeTheMemberWentDownAreNotComputedAgain() throws Exception {
        Path root = tmp.resolve("member");
        Path ranges = root.resolve(SIGNER.nodeId().hex()).resolve("ranges");
        ActorTestKit first = ActorTestKit.create(ClusterSerialization.on());
        try {
            // Everything from label 100 on fails: ranges 0 and 50 get done, then the member goes down.
            start(first, root, List.of(new FaultyBackend(s -> s >= 100, Integer.MAX_VALUE)));
            first.spawn(PostInitCoordinator.create()).tell(new PostInitCoordinator.Initialize(IDENTITY,
                    first.<PostInitCoordinator.Outcome>createTestProbe().getRef()));
            await(() -> Files.isRegularFile(ranges.resolve("0-50.done"))
                    && Files.isRegularFile(ranges.resolve("50-50.done")), "the first two ranges are done");
        } finally {
            first.shutdownTestKit();
        }
        ActorTestKit second = ActorTestKit.create(ClusterSerialization.on());
        try {
            Set<Long> computed = new ConcurrentSkipListSet<>();
            LabelBackend counting = new InterceptedCpuBackend("counting") {
                @Override
                protected boolean beforeBatch(long start, BooleanSupplier cancelled) {
                    computed.add(start);
                    return true;
                }
            };
            start(second, root, List.of(counting));
            initialize(second, second.spawn(PostInitCoordinator.create()));
            assertEquals(Set.of(100L, 150L, 200L, 250L), computed, "only the ranges not done before");
            assertSameAsLocal(root);
        } finally {
            second.shutdownTestKit();
        }
    }

    /** A post member over {@code root} with one worker per backend; its provers answer with their directory's name. */
    private static void start(ActorTestKit kit, Path root, List<LabelBackend> backends) {
        PostMember.Provers provers = (dir, metadata) -> challenge -> new PostV1(0,
                Bytes.of(dir.getFileName().toString().getBytes(StandardCharsets.UTF_8)), 0);
        kit.spawn(PostMember.create(new PostMember.Setup(ComponentFactory.withoutFaults(), root, backends, provers)));
    }

    private static PostInitCoordinator.Initialized initialize(ActorTestKit kit,
                                                              ActorRef<PostInitCoordinator.Command> coordinator) {
        TestProbe<PostInitCoordinator.Outcome> outcome = kit.createTestProbe();
        coordinator.tell(new PostInitCoordinator.Initialize(IDENTITY, outcome.getRef()));
        return assertInstanceOf(PostInitCoordinator.Initialized.class, outcome.receiveMessage(WAIT));
    }

    private void assertSameAsLocal(Path root) throws Exception {
        Path local = tmp.resolve("local");
        if (!Files.exists(local)) {
            new Initializer(local, IDENTITY, CpuLabelBackend.scryptJane(1), Executors.newSingleThreadExecutor(),
                    System::nanoTime, p -> { }).run();
        }
        Path remote = root.resolve(SIGNER.nodeId().hex());
        List<String> names = names(local);
        assertEquals(names, names(remote), "the same files, no range checkpoints left");
        for (String name : names) {
            assertArrayEquals(Files.readAllBytes(local.resolve(name)), Files.readAllBytes(remote.resolve(name)), name);
        }
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "not within " + WAIT + ": " + what);
            Thread.sleep(20);
        }
    }
}
