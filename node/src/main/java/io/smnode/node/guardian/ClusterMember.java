package io.smnode.node.guardian;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.smnode.actors.component.ComponentFactory;
import io.smnode.node.config.NodeConfig;
import java.util.Optional;

/**
 * What the guardian of a cluster member is given: the configuration (its roles among it), the metric registry, the
 * component factory and — on the member with the consensus role only — the services of the whole node (store,
 * clock, network), which the consensus singleton runs on.
 */
public record ClusterMember(NodeConfig config, PrometheusRegistry metrics, ComponentFactory components,
                            Optional<NodeServices> consensus) {}
