package io.smnode.node.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueFactory;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.smnode.actors.atx.PoolStats;
import io.smnode.actors.cluster.PostInitCoordinator;
import io.smnode.actors.component.ComponentFactory;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Bytes;
import io.smnode.node.cli.RunCommand;
import io.smnode.node.config.NodeConfig;
import io.smnode.node.guardian.ClusterMember;
import io.smnode.node.guardian.NodeGuardian;
import io.smnode.post.init.InitConfig;
import io.smnode.post.init.Initializer;
import io.smnode.post.label.CpuLabelBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.typed.Cluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three role files start a 3-member cluster (in this JVM: Pekko's one-JVM settings, serialize-messages on in
 * the validation and post members): consensus (the node's composition as the singleton, over LMDB), validation and
 * post, each composed as `smnode run --cluster-config roles/NAME.conf` composes it. The members are Up with their
 * roles; the validation member's worker joins the consensus member's pool, whose own workers only stand by; the post
 * member initializes an identity pulled from the consensus member, byte-identical to a local initialization.
 */
class ClusterRolesIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path tmp;

    @Test
    void theRoleFilesStartAThreeMemberClusterThatWorks() throws Exception {
        Map<String, String> consensusSettings = new LinkedHashMap<>(ClusterFixture.consensusSettings(1));
        consensusSettings.put("pekko.cluster.jmx.multi-mbeans-in-same-jvm", "on");
        try (LocalConsensus consensus = LocalConsensus.start(ClusterFixture.role("consensus"), tmp.resolve("data"),
                consensusSettings, List.of(), ClusterFixture.GENESIS)) {
            Path post = tmp.resolve("post-member");
            ActorSystem<NodeGuardian.Command> validation = member("validation", consensus.port());
            ActorSystem<NodeGuardian.Command> postMember = member("post", consensus.port(),
                    "smnode.cluster.post.data-dir = \"" + post + "\"", "smnode.smeshing.post.provider = cpu",
                    "smnode.smeshing.post.cpu-workers = 1");
            try {
                Address validationAddress = Cluster.get(validation).selfMember().address();
                Address postAddress = Cluster.get(postMember).selfMember().address();
                ClusterFixture.await(() -> consensus.upMembers().size() == 3, WAIT, "three members Up");
                Map<Address, Set<String>> up = consensus.upMembers();
                assertTrue(up.get(consensus.address()).containsAll(Set.of("consensus", "gateway")), up.toString());
                assertTrue(up.get(validationAddress).contains("validation"), up.toString());
                assertTrue(up.get(postAddress).contains("post"), up.toString());

                ClusterFixture.await(() -> consensus.poolStats().workers().stream()
                        .anyMatch(w -> w.member().equals(validationAddress.toString())), WAIT,
                        "the validation worker joined");
                PoolStats stats = consensus.poolStats();
                assertTrue(stats.fallback(), "the consensus member's own workers only stand by: " + stats);

                EdSigner signer = EdSigner.fromSeed(new byte[32], Bytes.ofHex("00".repeat(20)));
                // 64 labels in 4 files of 16; ranges of 20 labels cross the files' boundaries.
                InitConfig identity = new InitConfig(signer.nodeId(), AtxId.of(new byte[32]), 64, 1, 256, 2, 20);
                PostInitCoordinator.Outcome outcome = AskPattern.<PostInitCoordinator.Command,
                        PostInitCoordinator.Outcome>ask(consensus.postCoordinator(),
                        to -> new PostInitCoordinator.Initialize(identity, to), WAIT, consensus.system().scheduler())
                        .toCompletableFuture().join();
                PostInitCoordinator.Initialized done = assertInstanceOf(PostInitCoordinator.Initialized.class,
                        outcome, outcome.toString());
                assertEquals(postAddress.toString(), done.member());
                Path local = tmp.resolve("local");
                new Initializer(local, identity, CpuLabelBackend.scryptJane(1), Executors.newSingleThreadExecutor(),
                        System::nanoTime, p -> { }).run();
                for (String file : List.of("postdata_0.bin", "postdata_1.bin", "postdata_2.bin", "postdata_3.bin",
                        "postdata_metadata.json")) {
                    assertArrayEquals(Files.readAllBytes(local.resolve(file)),
                            Files.readAllBytes(post.resolve(signer.nodeId().hex()).resolve(file)), file);
                }
            } finally {
                stop(postMember);
                stop(validation);
            }
        }
    }

    /** A member in this JVM, composed as `smnode run --cluster-config roles/ROLE.conf` composes it. */
    private ActorSystem<NodeGuardian.Command> member(String role, int seedPort, String... more) throws Exception {
        Path conf = ClusterFixture.memberConfig(tmp, role, seedPort, 1, more);
        NodeConfig config = ClusterFixture.load(ClusterFixture.role(role), Optional.of(conf));
        Config pekko = RunCommand.pekkoConfig(config)
                .withValue("pekko.cluster.jmx.multi-mbeans-in-same-jvm", ConfigValueFactory.fromAnyRef("on"))
                .withValue("pekko.coordinated-shutdown.exit-jvm", ConfigValueFactory.fromAnyRef("off"))
                .withValue("pekko.coordinated-shutdown.run-by-jvm-shutdown-hook", ConfigValueFactory.fromAnyRef("off"));
        return ActorSystem.create(NodeGuardian.member(new ClusterMember(config, new PrometheusRegistry(),
                ComponentFactory.withoutFaults(), Optional.empty())), "smnode", pekko);
    }

    private static void stop(ActorSystem<?> system) {
        system.terminate();
        system.getWhenTerminated().toCompletableFuture().orTimeout(30, TimeUnit.SECONDS).join();
    }
}
