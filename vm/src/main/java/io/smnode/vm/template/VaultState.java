package io.smnode.vm.template;

import io.smnode.core.codec.CoreCodecs;
import io.smnode.core.codec.Scale;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.codec.ScaleCodecs;
import io.smnode.core.types.Address;
import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;

/**
 * A vault: funds that vest linearly from {@code vestingStart} to {@code vestingEnd} (layers) and that only its owner
 * can spend, through a vesting account's drain. {@code initialUnlockAmount} is stored but, since SMIP-0002, unused.
 * Amounts are uint64 bits; layers are uint32.
 */
public record VaultState(Address owner, long totalAmount, long initialUnlockAmount, long vestingStart, long vestingEnd)
        implements TemplateState {
    public static final ScaleCodec<VaultState> CODEC = ScaleCodec.of(
            (w, v) -> {
                w.field("Owner", CoreCodecs.ADDRESS, v.owner());
                w.field("TotalAmount", ScaleCodecs.COMPACT_U64, v.totalAmount());
                w.field("InitialUnlockAmount", ScaleCodecs.COMPACT_U64, v.initialUnlockAmount());
                w.field("VestingStart", ScaleCodecs.COMPACT_U32, v.vestingStart());
                w.field("VestingEnd", ScaleCodecs.COMPACT_U32, v.vestingEnd());
            },
            r -> new VaultState(r.field("Owner", CoreCodecs.ADDRESS), r.field("TotalAmount", ScaleCodecs.COMPACT_U64),
                    r.field("InitialUnlockAmount", ScaleCodecs.COMPACT_U64),
                    r.field("VestingStart", ScaleCodecs.COMPACT_U32), r.field("VestingEnd", ScaleCodecs.COMPACT_U32)));

    /** Why a vault spend is refused. */
    public enum SpendRefusal {
        NOT_OWNER,
        /** The balance is below the still-locked amount. */
        MISCONFIGURED,
        AMOUNT_NOT_AVAILABLE
    }

    public VaultState {
        Objects.requireNonNull(owner, "owner");
    }

    @Override
    public byte[] encode() {
        return Scale.encode(CODEC, this);
    }

    /** The amount vested at {@code layer}: 0 before start, all from end on, else floor(total*(layer-start)/(end-start)). */
    public long vested(long layer) {
        if (layer < vestingStart) {
            return 0;
        }
        if (layer >= vestingEnd) {
            return totalAmount;
        }
        return unsigned(totalAmount).multiply(BigInteger.valueOf(layer - vestingStart))
                .divide(BigInteger.valueOf(vestingEnd - vestingStart)).longValue();
    }

    /**
     * Whether {@code caller} may spend {@code amount} at {@code layer} from a vault holding {@code balance}, with the
     * reference's checks in its order and its uint64 arithmetic ({@code balance - total + vested} may wrap).
     */
    public Optional<SpendRefusal> checkSpend(Address caller, long layer, long balance, long amount) {
        if (!owner.equals(caller)) {
            return Optional.of(SpendRefusal.NOT_OWNER);
        }
        long vested = vested(layer);
        if (Long.compareUnsigned(balance, totalAmount - vested) < 0) {
            return Optional.of(SpendRefusal.MISCONFIGURED);
        }
        if (Long.compareUnsigned(amount, balance - totalAmount + vested) > 0) {
            return Optional.of(SpendRefusal.AMOUNT_NOT_AVAILABLE);
        }
        return Optional.empty();
    }

    private static BigInteger unsigned(long v) {
        return new BigInteger(Long.toUnsignedString(v));
    }
}
