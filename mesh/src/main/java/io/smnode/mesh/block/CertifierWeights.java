package io.smnode.mesh.block;

import io.smnode.core.types.NodeId;
import java.util.OptionalLong;

/** The hare active set a layer's certifier eligibility is drawn from: each identity's weight and their total. */
public interface CertifierWeights {
    /** The identity's weight (uint64 bits), empty when it is not active. */
    OptionalLong weight(NodeId id);

    /** The sum of all weights (uint64 bits). */
    long totalWeight();
}
