package io.smnode.persistence.atx;

import io.smnode.activation.builder.MarriageLifecycle.KnownMarriage;
import io.smnode.activation.marriage.Marriage;
import io.smnode.core.types.NodeId;
import io.smnode.persistence.Reads;
import java.util.List;
import java.util.Optional;

/**
 * The marriage of a node's own identities as its store holds it (the handler records it when it accepts the
 * marriage ATX): the members must be married in one ATX, in the node's order (the first the target).
 */
public final class OwnMarriage {
    private OwnMarriage() {}

    /**
     * The members' marriage, or empty when none of them is married.
     *
     * @throws IllegalStateException when some are married otherwise (another set, another order, not all): marrying
     *                               again would be malfeasance, so the node must not
     */
    public static Optional<KnownMarriage> of(Reads store, List<NodeId> members) {
        List<Optional<Marriage>> marriages = members.stream()
                .map(id -> store.get(AtxTables.MARRIAGES, id).map(MarriageRow::marriage)).toList();
        if (marriages.stream().allMatch(Optional::isEmpty)) {
            return Optional.empty();
        }
        for (int i = 0; i < members.size(); i++) {
            Optional<Marriage> m = marriages.get(i);
            if (m.isEmpty() || m.get().index() != i || !m.get().target().equals(members.get(0))
                    || !m.get().marriageAtx().equals(marriages.get(0).get().marriageAtx())) {
                throw new IllegalStateException("identity " + members.get(i).hex() + " is married otherwise than "
                        + "this node's identities in their order (" + m.map(Marriage::toString).orElse("not married")
                        + ")");
            }
        }
        Marriage first = marriages.get(0).get();
        return store.get(AtxTables.ATX_HEADERS, first.marriageAtx())
                .map(h -> new KnownMarriage(first.marriageAtx(), h.publishEpoch()));
    }
}
