package io.smnode.beacon;

import io.smnode.core.types.Bytes;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The following-vote bit vector: bit i (of the number the bytes spell big-endian, bit 0 the least significant) is
 * 1 iff the i-th entry of the voter's own first-round list is supported. The bytes are the number's minimal
 * big-endian form, empty for zero (Go's {@code big.Int.Bytes()}).
 */
final class VoteBits {
    private VoteBits() {}

    static Bytes encode(List<BeaconProposal> firstRoundList, Set<BeaconProposal> support) {
        BigInteger bits = BigInteger.ZERO;
        for (int i = 0; i < firstRoundList.size(); i++) {
            if (support.contains(firstRoundList.get(i))) {
                bits = bits.setBit(i);
            }
        }
        if (bits.signum() == 0) {
            return Bytes.EMPTY;
        }
        byte[] b = bits.toByteArray(); // two's complement: may start with a 0x00 sign byte
        return Bytes.wrap(b[0] == 0 ? Arrays.copyOfRange(b, 1, b.length) : b);
    }

    /** The number the bytes spell; test entry i with {@code testBit(i)}. */
    static BigInteger decode(Bytes bitVector) {
        return new BigInteger(1, bitVector.toByteArray());
    }
}
