package io.smnode.activation.marriage;

import io.smnode.core.signing.Signature;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.NodeId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What marriages and malfeasance do to the equivocation sets, decided over a {@link EquivocationSetStore} without
 * writing it: the caller applies the returned {@link SetChange} (atomically with whatever else it stores).
 */
public final class EquivocationSets {
    private EquivocationSets() {}

    /** A certificate's identity and signature, in the marriage ATX's certificate order. */
    public record Certified(NodeId identity, Signature signature) {}

    /**
     * The outcome of recording a marriage ATX (spec 11 §5.3 step 1).
     *
     * @param setId     the set the certified identities now belong to
     * @param malicious whether a certified identity was already malicious, which makes the whole set malicious and
     *                  stops the malfeasance checks of this ATX
     * @param regossip  whether that added malicious members, so the existing proof is to be gossiped again
     */
    public record MarriageOutcome(SetChange change, long setId, boolean malicious, boolean regossip) {}

    /**
     * Records the certificates of marriage ATX {@code marriageAtx} signed by {@code target}: the identities not
     * married yet join a new set (in certificate order); when some are married already, the new set and all of
     * theirs become the one with the smallest id (an already married identity keeps its row and marriage ATX:
     * marrying twice is what a double-marry proof shows); if any certified identity is malicious, every member of
     * the resulting set becomes malicious.
     */
    public static MarriageOutcome marry(EquivocationSetStore store, AtxId marriageAtx, NodeId target,
                                        List<Certified> certificates) {
        Set<Long> sets = new TreeSet<>();
        sets.add(store.nextSetId());
        boolean malicious = false;
        for (Certified c : certificates) {
            store.marriageOf(c.identity()).ifPresent(m -> sets.add(m.setId()));
            malicious = malicious || store.isMalicious(c.identity());
        }
        long setId = sets.iterator().next();
        List<SetChange.Recorded> recorded = new ArrayList<>();
        for (int i = 0; i < certificates.size(); i++) {
            Certified c = certificates.get(i);
            if (store.marriageOf(c.identity()).isEmpty()) {
                recorded.add(new SetChange.Recorded(c.identity(),
                        new Marriage(setId, marriageAtx, i, target, c.signature())));
            }
        }
        List<SetChange.Merge> merges = new ArrayList<>();
        for (long s : sets) {
            if (s != setId && !store.members(s).isEmpty()) {
                merges.add(new SetChange.Merge(s, setId));
            }
        }
        List<SetChange.Marked> marks = new ArrayList<>();
        if (malicious) {
            Set<NodeId> members = new LinkedHashSet<>();
            for (long s : sets) {
                members.addAll(store.members(s));
            }
            recorded.forEach(r -> members.add(r.identity()));
            for (NodeId m : members) {
                if (!store.isMalicious(m)) {
                    marks.add(new SetChange.Marked(m, MaliciousMark.THROUGH_SET));
                }
            }
        }
        return new MarriageOutcome(new SetChange(recorded, merges, marks), setId, malicious, !marks.isEmpty());
    }

    /** The identities {@code identity}'s malfeasance makes malicious: it first, then the rest of its set. */
    public static List<NodeId> setOf(EquivocationSetStore store, NodeId identity) {
        List<NodeId> out = new ArrayList<>();
        out.add(identity);
        store.marriageOf(identity).ifPresent(m -> store.members(m.setId()).stream()
                .filter(id -> !id.equals(identity)).forEach(out::add));
        return out;
    }

    /**
     * The outcome of a proof against an identity (spec 11 §6.1 step 8, the publisher's and the handler's storing).
     *
     * @param identities the accused and the rest of its set (the accused first)
     * @param change     the marks to apply: the proof on the accused unless it is already malicious, every other
     *                   member not yet malicious marked through the set
     * @param news       whether anything became malicious (only then is the proof gossiped)
     */
    public record Accusation(List<NodeId> identities, SetChange change, boolean news) {}

    public static Accusation accuse(EquivocationSetStore store, NodeId accused, MaliciousMark proof) {
        List<NodeId> identities = setOf(store, accused);
        List<SetChange.Marked> marks = new ArrayList<>();
        for (NodeId id : identities) {
            if (!store.isMalicious(id)) {
                marks.add(new SetChange.Marked(id, id.equals(accused) ? proof : MaliciousMark.THROUGH_SET));
            }
        }
        return new Accusation(identities, new SetChange(List.of(), List.of(), marks), !marks.isEmpty());
    }

    /**
     * The proof that serves for {@code identity} (its own, or for a married one the one held by a member of its
     * set), as {@code malfeasance2} fetches answer it.
     */
    public static Optional<MaliciousMark> proofFor(EquivocationSetStore store, NodeId identity) {
        for (NodeId id : setOf(store, identity)) {
            Optional<MaliciousMark> mark = store.malicious(id);
            if (mark.isPresent() && !mark.get().throughSet()) {
                return mark;
            }
        }
        return Optional.empty();
    }

    /** The marriage ATXs of {@code identity}'s set (a married identity's RefATXs), in member order. */
    public static List<AtxId> marriageAtxsOf(EquivocationSetStore store, NodeId identity) {
        Set<AtxId> out = new LinkedHashSet<>();
        for (NodeId id : setOf(store, identity)) {
            store.marriageOf(id).ifPresent(m -> out.add(m.marriageAtx()));
        }
        return List.copyOf(out);
    }
}
