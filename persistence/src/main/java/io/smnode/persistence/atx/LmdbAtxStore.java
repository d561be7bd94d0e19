package io.smnode.persistence.atx;

import io.smnode.core.types.AtxId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.NodeId;
import io.smnode.activation.ActivationTxV1;
import io.smnode.activation.AtxHeader;
import io.smnode.activation.AtxStore;
import io.smnode.activation.StoredAtx;
import io.smnode.persistence.Store;
import io.smnode.persistence.WriteBatch;
import java.util.Optional;

/**
 * The node's ATX storage over the {@link AtxTables} of its {@link Store} (LMDB in a node, the in-memory twin in
 * tests): the reads validation makes, and {@link #put} for the ATX handler.
 *
 * <p>Why {@link #put} writes the store itself instead of sending its batch to the StorageActor: the handler's port
 * is synchronous, and the very next validation (on another thread) may read this ATX as a previous or positioning
 * ATX, so it must be committed when {@code put} returns. The store serializes writes internally and these tables
 * have exactly one writer, the ATX handler; one batch keeps the three tables consistent.
 */
public final class LmdbAtxStore implements AtxStore {
    private final Store store;

    public LmdbAtxStore(Store store) {
        this.store = store;
    }

    /** Stores a valid ATX with the header validation derived; an initial ATX also records its commitment. */
    public void put(ActivationTxV1 atx, AtxHeader header) {
        WriteBatch.Builder batch = WriteBatch.builder()
                .put(AtxTables.ATXS, header.id(), new StoredAtx(header.smesherId(), header.publishEpoch(),
                        header.sequence(), atx.inner().numUnits(), header.vrfNonce(), header.tickHeight()))
                .put(AtxTables.ATX_BLOBS, header.id(), Bytes.wrap(atx.encode()));
        if (atx.challenge().commitmentAtx().isPresent()) {
            batch.put(AtxTables.COMMITMENTS, header.smesherId(), header.commitmentAtx());
        }
        store.write(batch.build());
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
