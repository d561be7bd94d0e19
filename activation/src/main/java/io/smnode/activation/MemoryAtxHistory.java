package io.smnode.activation;

import io.smnode.core.types.AtxId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.NodeId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The ATX storage in plain maps: for the simulator and tests, held to the same contract as the LMDB adapter. Not
 * thread-safe.
 */
public final class MemoryAtxHistory implements AtxHistory {
    private final Map<AtxId, AtxRecord> records = new HashMap<>();
    private final Map<AtxId, StoredAtx> checkpointed = new HashMap<>();
    private final Map<NodeId, AtxId> commitments = new HashMap<>();

    /** Stores a valid ATX; storing the same id again changes nothing. */
    public void put(AtxRecord record) {
        if (records.putIfAbsent(record.id(), record) == null) {
            record.commitment().ifPresent(c -> commitments.putIfAbsent(record.atx().smesherId(), c));
        }
    }

    /** A golden (checkpointed) ATX: known, but without bytes or PoST rows. */
    public void putCheckpointed(AtxId id, StoredAtx atx, Optional<AtxId> commitment) {
        checkpointed.put(id, atx);
        commitment.ifPresent(c -> commitments.putIfAbsent(atx.smesherId(), c));
    }

    @Override
    public boolean contains(AtxId id) {
        return records.containsKey(id) || checkpointed.containsKey(id);
    }

    @Override
    public Optional<StoredAtx> atx(AtxId id) {
        AtxRecord r = records.get(id);
        return r != null ? Optional.of(r.atx()) : Optional.ofNullable(checkpointed.get(id));
    }

    @Override
    public Optional<AtxId> commitmentOf(NodeId smesher) {
        return Optional.ofNullable(commitments.get(smesher));
    }

    @Override
    public OptionalLong units(AtxId atx, NodeId identity) {
        AtxRecord r = records.get(atx);
        if (r != null) {
            for (IdentityPost p : r.posts()) {
                if (p.identity().equals(identity)) {
                    return OptionalLong.of(p.units());
                }
            }
        }
        return OptionalLong.empty();
    }

    @Override
    public Optional<Bytes> blob(AtxId id) {
        return Optional.ofNullable(records.get(id)).map(AtxRecord::blob);
    }

    @Override
    public Optional<AtxId> latestWithPost(NodeId identity, AtxId excluded, EpochId atMost) {
        return withPost(identity).stream()
                .filter(r -> !r.id().equals(excluded) && r.publishEpoch().value() <= atMost.value())
                .max(ORDER).map(AtxRecord::id);
    }

    @Override
    public List<AtxId> declaringPrevious(AtxId previous, NodeId identity) {
        List<AtxId> out = new ArrayList<>();
        for (AtxRecord r : records.values()) {
            for (IdentityPost p : r.posts()) {
                if (p.identity().equals(identity) && p.previous().equals(previous)) {
                    out.add(r.id());
                }
            }
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    @Override
    public List<AtxId> mergedUnder(AtxId marriageAtx, EpochId epoch) {
        List<AtxId> out = new ArrayList<>();
        for (AtxRecord r : records.values()) {
            if (r.marriageAtx().equals(Optional.of(marriageAtx)) && r.publishEpoch().equals(epoch)) {
                out.add(r.id());
            }
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    @Override
    public Optional<AtxId> firstWithPost(NodeId identity) {
        return withPost(identity).stream().min(ORDER).map(AtxRecord::id);
    }

    private static final Comparator<AtxRecord> ORDER = Comparator
            .comparingLong((AtxRecord r) -> r.publishEpoch().value()).thenComparing(AtxRecord::id);

    private List<AtxRecord> withPost(NodeId identity) {
        List<AtxRecord> out = new ArrayList<>();
        for (AtxRecord r : records.values()) {
            if (r.posts().stream().anyMatch(p -> p.identity().equals(identity))) {
                out.add(r);
            }
        }
        return out;
    }
}
