package io.smnode.activation.marriage;

import io.smnode.core.types.NodeId;
import java.util.List;

/**
 * One atomic change of the marriage records: new marriages (appended in this order, which is the set order of
 * spec 11 §5.2 step 6), whole sets moved into another set id (their members keep their order), and identities
 * newly marked malicious.
 */
public record SetChange(List<Recorded> marriages, List<Merge> merges, List<Marked> marks) {
    public static final SetChange NONE = new SetChange(List.of(), List.of(), List.of());

    public SetChange {
        marriages = List.copyOf(marriages);
        merges = List.copyOf(merges);
        marks = List.copyOf(marks);
    }

    /** A new marriage row; an identity that already has one is never recorded again. */
    public record Recorded(NodeId identity, Marriage marriage) {}

    /** Every member of set {@code from} moves to set {@code to}. */
    public record Merge(long from, long to) {}

    public record Marked(NodeId identity, MaliciousMark mark) {}

    public boolean isEmpty() {
        return marriages.isEmpty() && merges.isEmpty() && marks.isEmpty();
    }

    /** This change followed by {@code next} (for one atomic write of both). */
    public SetChange then(SetChange next) {
        List<Recorded> m = new java.util.ArrayList<>(marriages);
        m.addAll(next.marriages);
        List<Merge> g = new java.util.ArrayList<>(merges);
        g.addAll(next.merges);
        List<Marked> k = new java.util.ArrayList<>(marks);
        for (Marked mark : next.marks) {
            if (k.stream().noneMatch(x -> x.identity().equals(mark.identity()))) {
                k.add(mark);
            }
        }
        return new SetChange(m, g, k);
    }

    /** The identities this change marks. */
    public List<NodeId> marked() {
        return marks.stream().map(Marked::identity).toList();
    }
}
