package io.smnode.persistence.atx;

import io.smnode.activation.marriage.EquivocationSetStore;
import io.smnode.activation.marriage.MaliciousMark;
import io.smnode.activation.marriage.Marriage;
import io.smnode.activation.marriage.SetChange;
import io.smnode.core.types.NodeId;
import io.smnode.persistence.KeyRange;
import io.smnode.persistence.Reads;
import io.smnode.persistence.Store;
import io.smnode.persistence.WriteBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The marriage records and malicious flags over the {@link AtxTables} of a {@link Store}. A set's members are kept
 * under {@code (set id, recording sequence)}, so reading a set is one ordered prefix scan and a merge moves each
 * member with its sequence (the set order of spec 11 §5.2 step 6). In a node, changes go to the storage writer with
 * their ATX ({@link LmdbAtxStore#put(io.smnode.activation.AtxRecord, io.smnode.activation.AtxHeader, SetChange)}) or
 * alone ({@link #changes}); {@link #apply} writes the store itself and is for a store with no other writer (tests,
 * tools).
 */
public final class LmdbEquivocationSetStore implements EquivocationSetStore {
    private static final String NEXT_SEQUENCE = "next_sequence";
    private static final String HIGHEST_SET = "highest_set";

    private final Store store;

    public LmdbEquivocationSetStore(Store store) {
        this.store = store;
    }

    @Override
    public Optional<Marriage> marriageOf(NodeId identity) {
        return store.get(AtxTables.MARRIAGES, identity).map(MarriageRow::marriage);
    }

    @Override
    public List<NodeId> members(long setId) {
        return store.snapshot(r -> members(r, setId));
    }

    @Override
    public long nextSetId() {
        return store.get(AtxTables.MARRIAGE_COUNTERS, HIGHEST_SET).orElse(0L) + 1;
    }

    @Override
    public Optional<MaliciousMark> malicious(NodeId identity) {
        return store.get(AtxTables.MALICIOUS, identity);
    }

    @Override
    public List<NodeId> maliciousIdentities() {
        List<NodeId> out = new ArrayList<>();
        store.scan(AtxTables.MALICIOUS, KeyRange.all(), (id, mark) -> out.add(id));
        return out;
    }

    @Override
    public void apply(SetChange change) {
        store.write(changes(change));
    }

    /** The writes that record {@code change}, for the node's storage writer. */
    public WriteBatch changes(SetChange change) {
        WriteBatch.Builder batch = WriteBatch.builder();
        add(batch, change);
        return batch.build();
    }

    /** Adds the rows of {@code change} to {@code batch}, reading the current records once. */
    void add(WriteBatch.Builder batch, SetChange change) {
        if (change.isEmpty()) {
            return;
        }
        store.snapshot(r -> {
            long sequence = r.get(AtxTables.MARRIAGE_COUNTERS, NEXT_SEQUENCE).orElse(0L);
            long highest = r.get(AtxTables.MARRIAGE_COUNTERS, HIGHEST_SET).orElse(0L);
            for (SetChange.Recorded rec : change.marriages()) {
                if (r.contains(AtxTables.MARRIAGES, rec.identity())) {
                    continue;
                }
                Marriage m = rec.marriage();
                batch.put(AtxTables.MARRIAGES, rec.identity(), new MarriageRow(m, sequence));
                batch.put(AtxTables.SET_MEMBERS, Keys.of(m.setId(), sequence), rec.identity());
                sequence++;
                highest = Math.max(highest, m.setId());
            }
            batch.put(AtxTables.MARRIAGE_COUNTERS, NEXT_SEQUENCE, sequence);
            batch.put(AtxTables.MARRIAGE_COUNTERS, HIGHEST_SET, highest);
            for (SetChange.Merge g : change.merges()) {
                for (Map.Entry<Long, NodeId> member : membersBySequence(r, g.from()).entrySet()) {
                    long seq = member.getKey();
                    MarriageRow row = r.get(AtxTables.MARRIAGES, member.getValue()).orElseThrow();
                    Marriage m = row.marriage();
                    batch.delete(AtxTables.SET_MEMBERS, Keys.of(g.from(), seq));
                    batch.put(AtxTables.SET_MEMBERS, Keys.of(g.to(), seq), member.getValue());
                    batch.put(AtxTables.MARRIAGES, member.getValue(), new MarriageRow(
                            new Marriage(g.to(), m.marriageAtx(), m.index(), m.target(), m.signature()), seq));
                }
            }
            for (SetChange.Marked k : change.marks()) {
                if (!r.contains(AtxTables.MALICIOUS, k.identity())) {
                    batch.put(AtxTables.MALICIOUS, k.identity(), k.mark());
                }
            }
            return null;
        });
    }

    private static List<NodeId> members(Reads r, long setId) {
        return new ArrayList<>(membersBySequence(r, setId).values());
    }

    private static Map<Long, NodeId> membersBySequence(Reads r, long setId) {
        Map<Long, NodeId> out = new TreeMap<>();
        r.scan(AtxTables.SET_MEMBERS, KeyRange.withPrefix(Keys.of(setId)), (key, id) -> {
            out.put(Keys.longAt(key, Long.BYTES), id);
            return true;
        });
        return out;
    }
}
