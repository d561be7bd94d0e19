package io.smnode.activation.malfeasance;

import io.smnode.activation.v2.ActivationTxV2;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.NodeId;
import java.util.Optional;
import java.util.function.Function;

/** Locating an identity's PoST in a v2 ATX for the two invalid-previous proofs. */
final class InvalidPrevAtxProofs {
    private InvalidPrevAtxProofs() {}

    static Optional<InvalidPrevAtxProof.Located> locate(ActivationTxV2 atx, NodeId nodeId,
                                                        Function<AtxId, Optional<ActivationTxV2>> marriageAtxOf,
                                                        Function<AtxId, Optional<NodeId>> smesherOf) {
        Optional<MarriageProof> marriage = Optional.empty();
        if (!atx.smesherId().equals(nodeId)) {
            if (atx.marriageAtx().isEmpty()) {
                return Optional.empty();
            }
            Optional<ActivationTxV2> m = marriageAtxOf.apply(atx.marriageAtx().get());
            if (m.isEmpty()) {
                return Optional.empty();
            }
            marriage = MarriageProof.of(atx, m.get(), nodeId, smesherOf);
        }
        return InvalidPrevAtxProof.locate(atx, nodeId, marriage);
    }
}
