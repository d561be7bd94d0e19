package io.smnode.actors.cluster;

import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Map;
import java.util.TreeSet;
import java.util.WeakHashMap;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.ClusterEvent;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.typed.Cluster;

/**
 * The cluster as this member sees it, on the metrics endpoint: {@code smnode_cluster_members} (1 per member, labels
 * {@code address}, {@code roles}, {@code status}) and {@code smnode_cluster_unreachable} (members this one cannot
 * reach now). Read from the cluster's current state at each scrape.
 */
public final class ClusterMetrics {
    private static final Map<PrometheusRegistry, Boolean> REGISTERED = new WeakHashMap<>();

    private ClusterMetrics() {}

    /** Registers the gauges on {@code registry} once. */
    public static synchronized void on(PrometheusRegistry registry, ActorSystem<?> system) {
        if (REGISTERED.putIfAbsent(registry, Boolean.TRUE) != null) {
            return;
        }
        Cluster cluster = Cluster.get(system);
        GaugeWithCallback.builder().name("smnode_cluster_members")
                .help("Members of this logical node's cluster (1 each), with their roles and status")
                .labelNames("address", "roles", "status")
                .callback(cb -> {
                    ClusterEvent.CurrentClusterState state = cluster.state();
                    for (Member m : state.getMembers()) {
                        cb.call(1, m.address().toString(), roles(m), m.status().toString());
                    }
                }).register(registry);
        GaugeWithCallback.builder().name("smnode_cluster_unreachable")
                .help("Members this member cannot reach now")
                .callback(cb -> cb.call(cluster.state().getUnreachable().size())).register(registry);
    }

    /** A member's roles, sorted and comma-separated, without Pekko's data-center role. */
    public static String roles(Member m) {
        TreeSet<String> roles = new TreeSet<>();
        m.getRoles().forEach(r -> {
            if (!r.startsWith("dc-")) {
                roles.add(r);
            }
        });
        return String.join(",", roles);
    }
}
