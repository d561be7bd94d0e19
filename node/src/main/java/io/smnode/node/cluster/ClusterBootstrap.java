package io.smnode.node.cluster;

import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.management.javadsl.PekkoManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cluster Bootstrap through Pekko Management ({@code smnode.cluster.bootstrap = on}): the management HTTP endpoint
 * (where members probe each other) and the bootstrap process that finds contact points through Pekko Discovery — in
 * Kubernetes the API server's pods of the node's label (cluster-config/kubernetes) — and forms or joins the
 * cluster. Used instead of seed nodes, which must then be empty ({@code NodeConfig} checks it).
 */
public final class ClusterBootstrap {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterBootstrap.class);

    private ClusterBootstrap() {}

    public static void start(ActorSystem<?> system) {
        PekkoManagement.get(system).start().thenAccept(uri -> LOG.info("cluster management at {}", uri));
        org.apache.pekko.management.cluster.bootstrap.ClusterBootstrap.get(system).start();
        LOG.info("cluster bootstrap: looking for contact points through {}", system.settings().config()
                .getString("pekko.management.cluster.bootstrap.contact-point-discovery.discovery-method"));
    }
}
