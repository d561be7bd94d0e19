package io.smnode.vm.mempool;

import io.smnode.core.hash.Blake3;
import io.smnode.core.types.TxId;
import io.smnode.vm.tx.TxHeader;
import java.util.Objects;
import java.util.Optional;

/**
 * A valid transaction waiting to be included (the reference's {@code NanoTX}).
 *
 * @param received when it arrived, as an ordering key supplied by the caller (e.g. epoch nanoseconds): earlier wins
 *     ties between equal fees
 */
public record PendingTx(TxId id, TxHeader header, long received) {
    public PendingTx {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(header, "header");
    }

    public long nonce() {
        return header.nonce();
    }

    public long maxSpending() {
        return header.maxSpending();
    }

    /**
     * Whether this is better than {@code other} for the same principal and nonce: the higher fee, then (building a
     * block) the lower {@code BLAKE3(seed ‖ id)}, or (in the mempool) the earlier arrival.
     */
    public boolean betterThan(PendingTx other, Optional<byte[]> blockSeed) {
        int byFee = Long.compareUnsigned(header.fee(), other.header.fee());
        if (byFee != 0) {
            return byFee > 0;
        }
        if (blockSeed.isPresent()) {
            return Blake3.hash(blockSeed.get(), id.toByteArray())
                    .compareTo(Blake3.hash(blockSeed.get(), other.id.toByteArray())) < 0;
        }
        return received < other.received;
    }
}
