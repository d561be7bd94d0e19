package io.smnode.node.cluster;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueFactory;
import io.smnode.node.cli.RunCommand;
import io.smnode.node.config.NodeConfig;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cluster Bootstrap as cluster-config/kubernetes/kubernetes.conf configures it, with Pekko Management 1.1.1 on Pekko
 * 1.2.1 and Pekko HTTP 1.3.0: with the contact points served by config discovery instead of the Kubernetes API (the
 * only change), a member with no seed nodes starts the management endpoint, probes itself as the only contact point
 * and forms the cluster: it comes Up.
 */
class ClusterBootstrapIT {
    @TempDir
    Path tmp;

    @Test
    void aMemberWithoutSeedNodesFormsTheClusterThroughBootstrap() throws Exception {
        int management;
        try (ServerSocket free = new ServerSocket(0)) {
            management = free.getLocalPort();
        }
        Path discovery = Files.writeString(tmp.resolve("discovery.conf"), """
                cluster-config.port = 0
                pekko.management.http.port = %d
                pekko.management.http.bind-hostname = "127.0.0.1"
                pekko.management.cluster.bootstrap.contact-point-discovery {
                  discovery-method = config
                  stable-margin = 1s
                  interval = 200ms
                }
                pekko.discovery.config.services.smnode.endpoints = [{host = "127.0.0.1", port = %d}]
                """.formatted(management, management));
        NodeConfig config = ClusterFixture.load(ClusterFixture.clusterConfig().resolve("kubernetes/kubernetes.conf"),
                Optional.of(discovery));
        assertTrue(config.cluster().bootstrap());
        Config pekko = RunCommand.pekkoConfig(config)
                .withValue("pekko.coordinated-shutdown.exit-jvm", ConfigValueFactory.fromAnyRef("off"))
                .withValue("pekko.coordinated-shutdown.run-by-jvm-shutdown-hook", ConfigValueFactory.fromAnyRef("off"));
        ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "smnode", pekko);
        try {
            ClusterBootstrap.start(system);
            ClusterFixture.await(() -> Cluster.get(system).selfMember().status() == MemberStatus.up(),
                    Duration.ofSeconds(60), "the member is Up through bootstrap");
        } finally {
            system.terminate();
            system.getWhenTerminated().toCompletableFuture().orTimeout(30, TimeUnit.SECONDS).join();
        }
    }
}
