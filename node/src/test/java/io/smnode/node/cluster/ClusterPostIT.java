package io.smnode.node.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.actors.cluster.PostInitCoordinator;
import io.smnode.actors.cluster.PostProvers;
import io.smnode.actors.post.ProvingWorker;
import io.smnode.core.net.NetworkParams;
import io.smnode.core.net.Preset;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.Hash32;
import io.smnode.node.smeshing.PostParams;
import io.smnode.post.init.InitConfig;
import io.smnode.post.init.InitResult;
import io.smnode.post.init.Initializer;
import io.smnode.post.init.PostMetadata;
import io.smnode.post.k2pow.RandomX;
import io.smnode.post.k2pow.RandomXK2PowVerifier;
import io.smnode.post.k2pow.RandomXMode;
import io.smnode.post.k2pow.RandomXVm;
import io.smnode.post.label.CpuLabelBackend;
import io.smnode.post.label.ScryptJane;
import io.smnode.post.verify.PostVerifier;
import io.smnode.post.verify.ProofMetadata;
import io.smnode.post.verify.VerifyMode;
import io.smnode.testkit.NodeProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PoST initialization pulled by a post member in its own JVM (`smnode run --cluster-config
 * cluster-config/roles/post.conf`, the CPU backend): the consensus member (this JVM) hands out an identity's labels
 * as range descriptors (1,000 labels, across 16 KiB data files); the worker computes and writes them to its own
 * disk. Its files and metadata are byte for byte those of a local initialization of the same identity, and a proof
 * asked of the identity's prover (found through the receptionist, on the member holding the data) verifies.
 */
class ClusterPostIT {
    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration INIT = Duration.ofSeconds(180);

    @TempDir
    Path tmp;

    @Test
    void aPostMemberInitializesAnIdentityByteIdenticalToALocalInitAndProvesForIt() throws Exception {
        EdSigner signer = EdSigner.fromSeed(new byte[32], Bytes.ofHex("9eebff023abb17ccb775c602daade8ed708f0a50"));
        AtxId commitmentAtx = AtxId.of(Hash32.ofHex("c0".repeat(32)).toByteArray());
        // 8,192 labels at scrypt N = 16 in 8 files of 1,024 labels; ranges of 1,000 labels cross file boundaries.
        InitConfig identity = new InitConfig(signer.nodeId(), commitmentAtx, 4096, 2, 16 * 1024, 16, 1000);
        Path local = tmp.resolve("local");
        InitResult result = new Initializer(local, identity, CpuLabelBackend.scryptJane(1),
                Executors.newSingleThreadExecutor(), System::nanoTime, p -> { }).run();
        assertInstanceOf(InitResult.Completed.class, result);

        Path memberRoot = tmp.resolve("post-member");
        try (LocalConsensus consensus = LocalConsensus.start(ClusterFixture.role("consensus"), tmp.resolve("data"),
                ClusterFixture.consensusSettings(1), List.of(), ClusterFixture.GENESIS)) {
            Path config = ClusterFixture.memberConfig(tmp, "post", consensus.port(), 1,
                    "smnode.cluster.post.data-dir = \"" + memberRoot + "\"",
                    "smnode.smeshing.post.provider = cpu", "smnode.smeshing.post.cpu-workers = 1");
            try (NodeProcess post = NodeProcess.start("run", "--cluster-config",
                    ClusterFixture.role("post").toString(), "--config", config.toString(), "--data-dir",
                    tmp.resolve("post-data").toString())) {
                post.awaitLine(l -> l.contains("PoST range worker(s) pull from"), START);
                ActorRef<PostInitCoordinator.Command> coordinator = consensus.postCoordinator();
                PostInitCoordinator.Outcome outcome = AskPattern.<PostInitCoordinator.Command,
                        PostInitCoordinator.Outcome>ask(coordinator, to -> new PostInitCoordinator.Initialize(
                        identity, to), INIT, consensus.system().scheduler()).toCompletableFuture().join();
                PostInitCoordinator.Initialized done = assertInstanceOf(PostInitCoordinator.Initialized.class,
                        outcome, outcome.toString());
                assertTrue(post.output().contains("cluster member " + done.member() + " with roles"),
                        "initialized on the post member " + done.member());

                Path remote = memberRoot.resolve(signer.nodeId().hex());
                assertSameFiles(local, remote);

                Hash32 challenge = Hash32.ofHex("5a".repeat(32));
                ActorRef<ProvingWorker.Prove> prover = consensus.find(PostProvers.key(signer.nodeId()), START);
                ProvingWorker.Result proof = AskPattern.<ProvingWorker.Prove, ProvingWorker.Result>ask(prover,
                        to -> new ProvingWorker.Prove(challenge, to), INIT, consensus.system().scheduler())
                        .toCompletableFuture().join();
                ProvingWorker.Proven proven = assertInstanceOf(ProvingWorker.Proven.class, proof, proof.toString());
                NetworkParams.Post net = Preset.byName("standalone").params().post().withLabelsPerUnit(4096);
                try (RandomX randomX = RandomX.forSpacemesh(RandomXMode.LIGHT, 1); RandomXVm vm = randomX.newVm()) {
                    var verdict = new PostVerifier(ScryptJane.FACTORY, new RandomXK2PowVerifier(vm)).verify(
                            proven.post().toProof(), new ProofMetadata(signer.nodeId(), commitmentAtx, challenge, 2),
                            new io.smnode.post.verify.VerifyingParams(net.k1(), net.k2(),
                                    PostParams.verifying(net).powDifficulty(), 4096, 1, 2, 16), new VerifyMode.All());
                    assertTrue(verdict.isValid(), "the post member's proof verifies: " + verdict);
                }
            }
        }
    }

    /** Every file of the local initialization, byte for byte, in the member's directory, and nothing else there. */
    private static void assertSameFiles(Path local, Path remote) throws Exception {
        List<String> localFiles = names(local);
        assertEquals(localFiles, names(remote), "the same files");
        assertTrue(localFiles.contains(PostMetadata.FILE_NAME) && localFiles.contains("postdata_7.bin"), localFiles.toString());
        for (String name : localFiles) {
            assertArrayEquals(Files.readAllBytes(local.resolve(name)), Files.readAllBytes(remote.resolve(name)), name);
        }
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
