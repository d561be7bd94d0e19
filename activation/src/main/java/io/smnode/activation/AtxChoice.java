package io.smnode.activation;

import io.smnode.core.types.AtxId;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Which ATX a builder stands on (spec 02 §5 step 3, §7): the positioning ATX of a new ATX and the commitment ATX of
 * a new identity are the highest-tick ATX of a non-malicious identity whose dependency chain verifies, else the
 * golden ATX. The chain verification (full PoST checks, trusting own and old enough ATXs) is the caller's predicate.
 */
public final class AtxChoice {
    private AtxChoice() {}

    /**
     * The positioning ATX for publish epoch P.
     *
     * @param published   the ATXs published in {@code min(latest epoch with ATXs, P − 1)}, i.e. the index of the
     *                    target epoch after it
     * @param ownPrevious the builder's previous ATX, if any: it wins when the search found nothing but the golden
     *                    ATX, or when its tick height is at least the candidate's
     */
    public static AtxId positioning(AtxIndex published, Predicate<AtxId> chainVerifies, AtxId golden,
                                    Optional<AtxHeader> ownPrevious) {
        Optional<AtxId> candidate = published.highestTick(chainVerifies);
        if (ownPrevious.isEmpty()) {
            return candidate.orElse(golden);
        }
        if (candidate.isEmpty()) {
            return ownPrevious.get().id();
        }
        long candidateHeight = published.get(candidate.get()).orElseThrow().height();
        return Long.compareUnsigned(ownPrevious.get().tickHeight(), candidateHeight) >= 0
                ? ownPrevious.get().id() : candidate.get();
    }

    /** The commitment ATX for a new identity, from the ATXs of the latest epoch. */
    public static AtxId commitment(AtxIndex latest, Predicate<AtxId> chainVerifies, AtxId golden) {
        return latest.highestTick(chainVerifies).orElse(golden);
    }
}
