package io.smnode.actors.post;

import io.smnode.core.types.Bytes;
import io.smnode.post.label.NonceScan;
import java.util.Optional;

/** The best VRF nonce a worker saw in one batch: a label index and its full 32-byte output. */
public record NonceCandidate(long index, Bytes output) {
    public NonceCandidate {
        if (index < 0 || output.length() != 32) {
            throw new IllegalArgumentException("a nonce candidate is an index >= 0 and a 32-byte output");
        }
    }

    /** What {@code scan} found, if anything. */
    static Optional<NonceCandidate> of(NonceScan scan) {
        return scan.found() ? Optional.of(new NonceCandidate(scan.index(), Bytes.wrap(scan.output())))
                : Optional.empty();
    }

    /** Offers this candidate to {@code scan} (as if the batch had been scanned into it). */
    void offerTo(NonceScan scan) {
        scan.offer(index, output.toByteArray(), 0);
    }
}
