package io.smnode.tortoise;

import io.smnode.core.types.Bytes;
import java.util.Objects;

/**
 * What a reference ballot declares for its epoch: the beacon it saw and its total eligibility count.
 *
 * @param eligibilities unsigned 32-bit count of the smesher's eligibilities in the epoch
 */
public record EpochData(Bytes beacon, long eligibilities) {
    public EpochData {
        Objects.requireNonNull(beacon, "beacon");
        if (eligibilities < 0 || eligibilities > 0xffff_ffffL) {
            throw new IllegalArgumentException("eligibilities out of uint32 range: " + eligibilities);
        }
    }
}
