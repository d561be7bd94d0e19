package io.smnode.activation.marriage;

import io.smnode.core.types.NodeId;
import java.util.List;
import java.util.Optional;

/**
 * The marriage records and malicious flags (spec 11 §5.3, §6.1): the port the node implements over its store.
 * Reads see the last applied change; {@link #apply} is atomic.
 */
public interface EquivocationSetStore {
    Optional<Marriage> marriageOf(NodeId identity);

    /** The members of set {@code setId} in the order they were recorded (spec 11 §5.2 step 6). */
    List<NodeId> members(long setId);

    /** The id for a new set: one above the highest ever recorded (1 for the first). */
    long nextSetId();

    Optional<MaliciousMark> malicious(NodeId identity);

    default boolean isMalicious(NodeId identity) {
        return malicious(identity).isPresent();
    }

    /** Every identity marked malicious, by id (what {@code ml/2} serves). */
    List<NodeId> maliciousIdentities();

    void apply(SetChange change);
}
