package io.smnode.actors.serialization;

/**
 * Marks an actor message that may cross machines when one logical node spreads over a cluster (validation work and
 * results, PoST work and progress). Such messages are immutable records of value types and actor refs; Pekko
 * serializes them with {@link KryoSerializer} (bound to this interface in reference.conf), and the tests of the actors
 * that exchange them run with {@code serialize-messages = on}.
 */
public interface ClusterMessage {}
