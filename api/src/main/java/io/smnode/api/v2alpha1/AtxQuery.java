package io.smnode.api.v2alpha1;

import io.smnode.activation.AtxHeader;
import io.smnode.api.grpc.Paging;
import io.smnode.core.types.Address;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.NodeId;
import io.smnode.persistence.KeyRange;
import io.smnode.persistence.Reads;
import io.smnode.persistence.atx.AtxTables;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The stored ATX headers that match a filter, ordered as the reference orders them (publish epoch, then id), one
 * window of them. Headers are scanned once and only the window's worth is kept, so memory stays bounded by the
 * limit whatever the store holds; a filter by ids reads just those.
 *
 * @param startEpoch the first publish epoch, or 0 for no bound
 * @param endEpoch   the last publish epoch (inclusive), or 0 for no bound
 */
public record AtxQuery(long startEpoch, long endEpoch, Set<AtxId> ids, Set<NodeId> smeshers,
                       Optional<Address> coinbase) {
    static final Comparator<AtxHeader> ORDER = Comparator.<AtxHeader>comparingLong(h -> h.publishEpoch().value())
            .thenComparing(AtxHeader::id);

    public boolean matches(AtxHeader h) {
        long epoch = h.publishEpoch().value();
        return (startEpoch == 0 || epoch >= startEpoch) && (endEpoch == 0 || epoch <= endEpoch)
                && (ids.isEmpty() || ids.contains(h.id())) && (smeshers.isEmpty() || smeshers.contains(h.smesherId()))
                && coinbase.map(c -> c.equals(h.coinbase())).orElse(true);
    }

    /** The matching headers in {@link #ORDER}, {@code paging}'s window of them. */
    public List<AtxHeader> run(Reads store, Paging paging) {
        TreeSet<AtxHeader> kept = new TreeSet<>(ORDER);
        if (!ids.isEmpty()) {
            for (AtxId id : ids) {
                store.get(AtxTables.ATX_HEADERS, id).filter(this::matches).ifPresent(kept::add);
            }
        } else {
            store.scan(AtxTables.ATX_HEADERS, KeyRange.all(), (id, h) -> {
                if (matches(h)) {
                    kept.add(h);
                    if (kept.size() > paging.end()) {
                        kept.pollLast();
                    }
                }
                return true;
            });
        }
        List<AtxHeader> all = new ArrayList<>(kept);
        int from = (int) Math.min(paging.offset(), all.size());
        return all.subList(from, (int) Math.min(all.size(), paging.end()));
    }

    /** How many stored headers were published in {@code epoch}. */
    public static long countInEpoch(Reads store, long epoch) {
        long[] count = {0};
        store.scan(AtxTables.ATX_HEADERS, KeyRange.all(), (id, h) -> {
            if (h.publishEpoch().value() == epoch) {
                count[0]++;
            }
            return true;
        });
        return count[0];
    }
}
