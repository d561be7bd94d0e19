package io.smnode.post.init;

import io.smnode.core.types.AtxId;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.NodeId;
import io.smnode.post.label.Commitment;

/**
 * What to initialize: the identity, the size and the label function's N, plus how many labels make one batch (the
 * unit of parallel work, of crash recovery, of cancellation and of progress events; a backend suggests one with
 * {@code LabelBackend.preferredBatchLabels}). Output bytes never depend on the batch size or on the number of
 * threads.
 */
public record InitConfig(NodeId nodeId, AtxId commitmentAtxId, long labelsPerUnit, long numUnits, long maxFileSize,
                         int scryptN, int batchLabels) {
    /** Largest batch: keeps a batch's label buffer (16 bytes each) well inside one array. */
    public static final int MAX_BATCH_LABELS = 1 << 24;

    public InitConfig {
        if (numUnits < 1 || numUnits > PostMetadata.MAX_NUM_UNITS) {
            throw new IllegalArgumentException("numUnits must be in [1, 2^32-1], got " + numUnits);
        }
        if (labelsPerUnit < 1) {
            throw new IllegalArgumentException("labelsPerUnit must be positive, got " + labelsPerUnit);
        }
        if (scryptN < 2 || Integer.bitCount(scryptN) != 1) {
            throw new IllegalArgumentException("scrypt N must be a power of two of at least 2, got " + scryptN);
        }
        if (batchLabels < 1 || batchLabels > MAX_BATCH_LABELS) {
            throw new IllegalArgumentException("batchLabels must be in [1, 2^24], got " + batchLabels);
        }
        new FileLayout(Math.multiplyExact(numUnits, labelsPerUnit), maxFileSize); // validates the sizes
    }

    public long totalLabels() {
        return numUnits * labelsPerUnit;
    }

    public FileLayout layout() {
        return new FileLayout(totalLabels(), maxFileSize);
    }

    public Hash32 commitment() {
        return Commitment.of(nodeId, commitmentAtxId);
    }

    /** The metadata this configuration writes before its nonce is known. */
    PostMetadata unfinishedMetadata() {
        return PostMetadata.unfinished(nodeId, commitmentAtxId, labelsPerUnit, numUnits, maxFileSize);
    }
}
