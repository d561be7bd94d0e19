package io.smnode.persistence.atx;

import io.smnode.activation.ActivationTxV1;
import io.smnode.activation.AtxHeader;
import io.smnode.activation.AtxHistory;
import io.smnode.activation.AtxRecord;
import io.smnode.activation.IdentityPost;
import io.smnode.activation.StoredAtx;
import io.smnode.activation.marriage.SetChange;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.NodeId;
import io.smnode.persistence.KeyRange;
import io.smnode.persistence.Store;
import io.smnode.persistence.WriteBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Predicate;

/**
 * The node's ATX storage over the {@link AtxTables} of its {@link Store} (LMDB in a node, the in-memory twin in
 * tests): the reads validation of both versions makes, the stored headers the ATX index is rebuilt from, and
 * {@link #put}, which returns the batch that stores an ATX. v1 and v2 ATXs share the tables; each ATX records one
 * PoST row per identity in it, so that later ATXs of either version can refer to it. The batch goes to the node's
 * single storage writer; the handler makes an ATX known to later validations only once that batch is committed.
 */
public final class LmdbAtxStore implements AtxHistory {
    private final Store store;

    public LmdbAtxStore(Store store) {
        this.store = store;
    }

    /** The writes that store a valid v1 ATX with the header validation derived. */
    public WriteBatch put(ActivationTxV1 atx, AtxHeader header) {
        return put(AtxRecord.ofV1(atx, header), header, SetChange.NONE);
    }

    /**
     * The writes that store a valid ATX of either version — its rows, the header the index is rebuilt from, and what
     * it changes in the marriage records — as one atomic batch.
     */
    public WriteBatch put(AtxRecord record, AtxHeader header, SetChange marriages) {
        WriteBatch.Builder batch = WriteBatch.builder();
        add(batch, record);
        batch.put(AtxTables.ATX_HEADERS, header.id(), header);
        new LmdbEquivocationSetStore(store).add(batch, marriages);
        return batch.build();
    }

    /** Visits every stored header, in id order, until {@code visitor} returns false. */
    public void forEachHeader(Predicate<AtxHeader> visitor) {
        store.scan(AtxTables.ATX_HEADERS, KeyRange.all(), (id, header) -> visitor.test(header));
    }

    /** Adds the rows of {@code record} to {@code batch}. */
    static void add(WriteBatch.Builder batch, AtxRecord record) {
        AtxId id = record.id();
        EpochId epoch = record.publishEpoch();
        batch.put(AtxTables.ATXS, id, record.atx()).put(AtxTables.ATX_BLOBS, id, record.blob());
        record.commitment().ifPresent(c -> batch.put(AtxTables.COMMITMENTS, record.atx().smesherId(), c));
        for (IdentityPost p : record.posts()) {
            batch.put(AtxTables.ATX_POSTS, Keys.of(id, p.identity()),
                    new PostRow(p.previous(), p.previousIndex(), p.units(), epoch));
            batch.put(AtxTables.POSTS_BY_IDENTITY, Keys.of(p.identity(), epoch.value(), id), Bytes.EMPTY);
            batch.put(AtxTables.POSTS_BY_PREVIOUS, Keys.of(p.previous(), p.identity(), id), Bytes.EMPTY);
        }
        record.marriageAtx().ifPresent(m -> batch.put(AtxTables.MERGED, Keys.of(m, epoch.value(), id), Bytes.EMPTY));
    }

    /** The stored bytes of ATX {@code id}, as received. */
    @Override
    public Optional<Bytes> blob(AtxId id) {
        return store.get(AtxTables.ATX_BLOBS, id);
    }

    @Override
    public boolean contains(AtxId id) {
        return store.contains(AtxTables.ATXS, id);
    }

    @Override
    public Optional<StoredAtx> atx(AtxId id) {
        return store.get(AtxTables.ATXS, id);
    }

    @Override
    public Optional<AtxId> commitmentOf(NodeId smesher) {
        return store.get(AtxTables.COMMITMENTS, smesher);
    }

    @Override
    public OptionalLong units(AtxId atx, NodeId identity) {
        return store.get(AtxTables.ATX_POSTS, Keys.of(atx, identity))
                .map(r -> OptionalLong.of(r.units())).orElseGet(OptionalLong::empty);
    }

    @Override
    public Optional<AtxId> latestWithPost(NodeId identity, AtxId excluded, EpochId atMost) {
        AtxId[] latest = {null};
        store.scan(AtxTables.POSTS_BY_IDENTITY, KeyRange.withPrefix(Keys.of(identity)), (key, none) -> {
            if (Keys.longAt(key, 32) > atMost.value()) {
                return false;
            }
            AtxId atx = AtxId.of(Keys.tail32(key));
            if (!atx.equals(excluded)) {
                latest[0] = atx; // ascending (epoch, id): the last one seen is the newest
            }
            return true;
        });
        return Optional.ofNullable(latest[0]);
    }

    /** The ATXs published in {@code publishEpoch} that carry a PoST of {@code identity}, in id order. */
    public List<AtxId> withPostIn(NodeId identity, EpochId publishEpoch) {
        return ids(AtxTables.POSTS_BY_IDENTITY, Keys.of(identity, publishEpoch.value()));
    }

    @Override
    public List<AtxId> declaringPrevious(AtxId previous, NodeId identity) {
        return ids(AtxTables.POSTS_BY_PREVIOUS, Keys.of(previous, identity));
    }

    @Override
    public List<AtxId> mergedUnder(AtxId marriageAtx, EpochId epoch) {
        return ids(AtxTables.MERGED, Keys.of(marriageAtx, epoch.value()));
    }

    @Override
    public Optional<AtxId> firstWithPost(NodeId identity) {
        AtxId[] first = {null};
        store.scan(AtxTables.POSTS_BY_IDENTITY, KeyRange.withPrefix(Keys.of(identity)), (key, none) -> {
            first[0] = AtxId.of(Keys.tail32(key));
            return false;
        });
        return Optional.ofNullable(first[0]);
    }

    private List<AtxId> ids(io.smnode.persistence.Table<Bytes, Bytes> table, Bytes prefix) {
        List<AtxId> out = new ArrayList<>();
        store.scan(table, KeyRange.withPrefix(prefix), (key, none) -> {
            out.add(AtxId.of(Keys.tail32(key)));
            return true;
        });
        return out;
    }
}
