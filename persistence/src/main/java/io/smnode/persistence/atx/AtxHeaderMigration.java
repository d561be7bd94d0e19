package io.smnode.persistence.atx;

import io.smnode.activation.ActivationTxV1;
import io.smnode.activation.AtxHeader;
import io.smnode.activation.AtxRecord;
import io.smnode.activation.StoredAtx;
import io.smnode.core.codec.ScaleException;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Bytes;
import io.smnode.persistence.CorruptDataException;
import io.smnode.persistence.KeyRange;
import io.smnode.persistence.Migration;
import io.smnode.persistence.Reads;
import io.smnode.persistence.WriteBatch;
import java.util.Optional;

/**
 * Schema 1 → 2: derives the header of every stored ATX (which schema 1 did not keep) from what it did keep — the
 * ATX's bytes, its stored facts, its previous and positioning ATXs, the recorded commitment — exactly as validation
 * derived it, so the ATX index rebuilt from headers answers as the node did before the upgrade; and writes each v1
 * ATX's per-identity PoST row, which later v2 ATXs that build on it look up.
 */
public final class AtxHeaderMigration {
    private AtxHeaderMigration() {}

    public static Migration from1To2() {
        return new Migration(1, 2, "keep each ATX's header so the ATX index is rebuilt at start",
                AtxHeaderMigration::headers);
    }

    private static WriteBatch headers(Reads store) {
        WriteBatch.Builder batch = WriteBatch.builder();
        store.scan(AtxTables.ATXS, KeyRange.all(), (id, stored) -> {
            ActivationTxV1 atx = decode(id, store.get(AtxTables.ATX_BLOBS, id));
            AtxHeader header = header(store, id, stored, atx);
            batch.put(AtxTables.ATX_HEADERS, id, header);
            LmdbAtxStore.add(batch, AtxRecord.ofV1(atx, header));
            return true;
        });
        return batch.build();
    }

    private static AtxHeader header(Reads store, AtxId id, StoredAtx stored, ActivationTxV1 atx) {
        long units = atx.inner().numUnits();
        if (!atx.challenge().isInitial()) {
            units = store.get(AtxTables.ATXS, atx.challenge().prevAtx())
                    .map(previous -> Math.min(previous.declaredNumUnits(), atx.inner().numUnits())).orElse(units);
        }
        // The golden ATX is never stored: a positioning ATX not found is the golden one, of height 0.
        long base = store.get(AtxTables.ATXS, atx.challenge().positioningAtx()).map(StoredAtx::tickHeight).orElse(0L);
        long ticks = stored.tickHeight() - base;
        AtxId commitment = store.get(AtxTables.COMMITMENTS, stored.smesherId())
                .orElseThrow(() -> new CorruptDataException("ATX " + id.hex() + " has no recorded commitment"));
        return new AtxHeader(id, stored.publishEpoch(), stored.sequence(), commitment, atx.inner().coinbase(), units,
                base, ticks, stored.vrfNonce(), stored.smesherId(), units * ticks, AtxHeader.Validity.UNKNOWN);
    }

    private static ActivationTxV1 decode(AtxId id, Optional<Bytes> blob) {
        try {
            return ActivationTxV1.decode(blob.orElseThrow(() -> new CorruptDataException("ATX " + id.hex()
                    + " has no stored bytes")).toByteArray());
        } catch (ScaleException e) {
            throw new CorruptDataException("stored ATX " + id.hex() + " does not decode: " + e.getMessage());
        }
    }
}
