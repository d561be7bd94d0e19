package io.smnode.activation.malfeasance;

import io.smnode.activation.AtxHistory;
import io.smnode.activation.marriage.EquivocationSetStore;
import io.smnode.activation.marriage.EquivocationSets;
import io.smnode.activation.marriage.MaliciousMark;
import io.smnode.activation.marriage.SetChange;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.NodeId;
import io.smnode.core.verdict.Verdict;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Publishing a proof this node made (spec 11 §6.1, the reference's {@code MalfeasanceHandlerV2.Publish} and
 * {@code malfeasance2.Publisher}): never against the node's own identities; the proof is checked first and must
 * accuse the identity it was made for; the accused and its set are marked as the receiving handler would; the
 * envelope carries the RefATXs that show the identity exists, and is gossiped only when something became
 * malicious (and, the caller's business, only when synced).
 */
public final class MalfeasancePublisher {
    private final MalfeasanceChecks checks;
    private final Set<NodeId> own;

    public MalfeasancePublisher(MalfeasanceChecks checks, Set<NodeId> ownIdentities) {
        this.checks = checks;
        this.own = Set.copyOf(ownIdentities);
    }

    /**
     * @param change what to apply to the equivocation-set store (atomically)
     * @param gossip the envelope to gossip on {@code mp2}; empty when nothing new became malicious
     */
    public record Publication(Verdict verdict, EquivocationSets.Accusation accusation, SetChange change,
                              Optional<MalfeasanceProofV2> gossip) {}

    public Publication publish(Detected detected, AtxHistory store, EquivocationSetStore sets) {
        NodeId accused = detected.accused();
        if (own.contains(accused)) {
            return refused(MalfeasanceRule.OWN_IDENTITY, "identity " + accused.hex() + " is managed by this node");
        }
        ProofCheck check = detected.proof().check(checks);
        if (!check.valid()) {
            return new Publication(check.verdict(), null, SetChange.NONE,
                    Optional.empty());
        }
        if (!check.malicious().orElseThrow().equals(accused)) {
            return refused(MalfeasanceRule.OTHER_IDENTITY, "the proof accuses " + check.malicious().get().hex()
                    + ", not " + accused.hex());
        }
        AtxProof proof = AtxProof.of(detected.proof());
        EquivocationSets.Accusation a = EquivocationSets.accuse(sets, accused,
                new MaliciousMark(MalfeasanceV2.INVALID_ACTIVATION, io.smnode.core.types.Bytes.wrap(proof.encode())));
        Optional<MalfeasanceProofV2> gossip = a.news()
                ? Optional.of(MalfeasanceProofV2.activation(refAtxs(accused, store, sets), proof))
                : Optional.empty();
        return new Publication(Verdict.accept(), a, a.change(), gossip);
    }

    /**
     * The envelope for {@code identity}, as a {@code malfeasance2} fetch is answered and a re-gossip sends it: its
     * proof (or its set's) with fresh RefATXs; empty when it is not malicious through a v2 proof.
     */
    public static Optional<MalfeasanceProofV2> envelopeFor(NodeId identity, AtxHistory store,
                                                           EquivocationSetStore sets) {
        return EquivocationSets.proofFor(sets, identity).map(mark -> new MalfeasanceProofV2(
                MalfeasanceV2.ENVELOPE_VERSION, refAtxs(identity, store, sets), mark.domain(), mark.proof()));
    }

    /** An unmarried identity's first ATX; a married one's set's marriage ATXs. */
    static List<AtxId> refAtxs(NodeId identity, AtxHistory store, EquivocationSetStore sets) {
        if (sets.marriageOf(identity).isPresent()) {
            return EquivocationSets.marriageAtxsOf(sets, identity);
        }
        return store.firstWithPost(identity).map(List::of).orElse(List.of());
    }

    private static Publication refused(MalfeasanceRule rule, String detail) {
        return new Publication(Verdict.reject(rule, detail), null, SetChange.NONE,
                Optional.empty());
    }
}
