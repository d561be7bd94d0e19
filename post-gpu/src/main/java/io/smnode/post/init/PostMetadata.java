package io.smnode.post.init;

import io.smnode.core.types.AtxId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.NodeId;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The content of {@code postdata_metadata.json} (spec 08 §1.3), field for field as the Go reference writes it.
 * Integers the reference types as u64 are held in a {@code long} and must be non-negative.
 *
 * @param nonce        the VRF nonce (a label index), once found
 * @param nonceValue   the first 16 bytes of the nonce's label (Go's {@code NonceValue}), once found
 * @param lastPosition where the nonce search stood when it had to run past the data
 */
public record PostMetadata(NodeId nodeId, AtxId commitmentAtxId, long labelsPerUnit, long numUnits, long maxFileSize,
                           OptionalLong nonce, Optional<Bytes> nonceValue, OptionalLong lastPosition) {
    public static final String FILE_NAME = "postdata_metadata.json";
    public static final long MAX_NUM_UNITS = 0xffff_ffffL;

    public PostMetadata {
        if (labelsPerUnit < 1 || numUnits < 1 || numUnits > MAX_NUM_UNITS || maxFileSize < 1) {
            throw new IllegalArgumentException("labelsPerUnit, numUnits (u32) and maxFileSize must be positive: "
                    + labelsPerUnit + ", " + numUnits + ", " + maxFileSize);
        }
        if (nonce.isPresent() && nonce.getAsLong() < 0 || lastPosition.isPresent() && lastPosition.getAsLong() < 0) {
            throw new IllegalArgumentException("nonce and last position are u64 values below 2^63 here");
        }
    }

    /** Metadata of a directory whose nonce is not known yet. */
    public static PostMetadata unfinished(NodeId nodeId, AtxId commitmentAtxId, long labelsPerUnit, long numUnits,
                                          long maxFileSize) {
        return new PostMetadata(nodeId, commitmentAtxId, labelsPerUnit, numUnits, maxFileSize, OptionalLong.empty(),
                Optional.empty(), OptionalLong.empty());
    }

    /** {@code numUnits × labelsPerUnit}. @throws ArithmeticException when that overflows */
    public long totalLabels() {
        return Math.multiplyExact(numUnits, labelsPerUnit);
    }

    public FileLayout layout() {
        return new FileLayout(totalLabels(), maxFileSize);
    }
}
