package io.smnode.actors.cluster;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a member of one logical node does (ARCHITECTURE.md, clustering). The names are the Pekko Cluster roles the
 * members advertise, and what {@code smnode run --roles} and the cluster config files say.
 */
public enum NodeRole {
    /**
     * Everything stateful, one writer: storage, clock, the ATX handler with its validation pool (and tortoise, hare,
     * mesh as they join the node). A cluster singleton, pinned to the member that holds the data dir.
     */
    CONSENSUS,
    /** Stateless ATX validation workers that pull jobs carrying all they need: scale out. */
    VALIDATION,
    /** PoST initialization and proving workers that write and read their own disk (often GPU machines). */
    POST,
    /** The p2p and API edges; they stay with the consensus member for now. */
    GATEWAY;

    /** One JVM with every role: the default, a node as it runs outside a cluster. */
    public static final Set<NodeRole> ALL = EnumSet.allOf(NodeRole.class);

    /** The role's name in configuration and in the cluster ({@code consensus}, ...). */
    public String roleName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<NodeRole> byName(String name) {
        return Arrays.stream(values()).filter(r -> r.roleName().equals(name.trim().toLowerCase(Locale.ROOT)))
                .findFirst();
    }
}
