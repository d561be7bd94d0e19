package io.smnode.persistence.atx;

import io.smnode.core.types.AtxId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.NodeId;
import io.smnode.activation.ActivationTxV1;
import io.smnode.activation.AtxHeader;
import io.smnode.activation.AtxStore;
import io.smnode.activation.StoredAtx;
import io.smnode.persistence.KeyRange;
import io.smnode.persistence.Reads;
import io.smnode.persistence.Store;
import io.smnode.persistence.WriteBatch;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The node's ATX storage over the {@link AtxTables} of its {@link Store} (LMDB in a node, the in-memory twin in
 * tests): the reads validation makes, the stored headers the ATX index is rebuilt from, and {@link #put}, which
 * returns the batch that stores an ATX. The batch goes to the node's single storage writer; the handler makes an
 * ATX known to later validations only once that batch is committed.
 */
public final class LmdbAtxStore implements AtxStore {
    private final Reads store;

    public LmdbAtxStore(Reads store) {
        this.store = store;
    }

    /**
     * The writes that store a valid ATX with the header validation derived (its bytes, what validation reads, the
     * header the index is rebuilt from); an initial ATX also records its commitment. One batch keeps them consistent.
     */
    public static WriteBatch put(ActivationTxV1 atx, AtxHeader header) {
        WriteBatch.Builder batch = WriteBatch.builder()
                .put(AtxTables.ATXS, header.id(), new StoredAtx(header.smesherId(), header.publishEpoch(),
                        header.sequence(), atx.inner().numUnits(), header.vrfNonce(), header.tickHeight()))
                .put(AtxTables.ATX_HEADERS, header.id(), header)
                .put(AtxTables.ATX_BLOBS, header.id(), Bytes.wrap(atx.encode()));
        if (atx.challenge().commitmentAtx().isPresent()) {
            batch.put(AtxTables.COMMITMENTS, header.smesherId(), header.commitmentAtx());
        }
        return batch.build();
    }

    /** Visits every stored header, in id order, until {@code visitor} returns false. */
    public void forEachHeader(Predicate<AtxHeader> visitor) {
        store.scan(AtxTables.ATX_HEADERS, KeyRange.all(), (id, header) -> visitor.test(header));
    }

    /** The stored bytes of ATX {@code id}, as received. */
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
}
