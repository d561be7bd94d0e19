package io.smnode.mesh.block;

import io.smnode.core.codec.Scale;
import io.smnode.core.codec.ScaleException;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.BlockId;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.TxId;
import io.smnode.core.verdict.Verdict;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The syntactic checks on a block received from a peer (go-spacemesh {@code blocks.Handler.HandleSyncedBlock}):
 * decodes, id as requested, after effective genesis, non-empty rewards with non-zero weights and distinct ATXs,
 * distinct transaction ids. Fetching the named ATXs and transactions is the caller's next step.
 */
public final class BlockChecks {
    private BlockChecks() {}

    /**
     * A block decoded from {@code bytes} that has id {@code expected} (empty: any id, for a block that came without
     * a request) and passes {@link #check}, or the verdict that refuses it.
     */
    public static Result decode(byte[] bytes, Optional<BlockId> expected, LayerId effectiveGenesis) {
        Block block;
        try {
            block = Scale.decode(Block.CODEC, bytes);
        } catch (ScaleException e) {
            return new Result(Optional.empty(), Verdict.reject(BlockRule.MALFORMED, e.getMessage()));
        }
        if (expected.isPresent() && !block.id().equals(expected.get())) {
            return new Result(Optional.empty(), Verdict.reject(BlockRule.WRONG_ID,
                    "wanted " + expected.get().hex() + ", got " + block.id().hex()));
        }
        Verdict verdict = check(block, effectiveGenesis);
        return new Result(verdict.accepted() ? Optional.of(block) : Optional.empty(), verdict);
    }

    /** As {@link #decode(byte[], Optional, LayerId)} for a block requested by id. */
    public static Result decode(byte[] bytes, BlockId expected, LayerId effectiveGenesis) {
        return decode(bytes, Optional.of(expected), effectiveGenesis);
    }

    /** A block that passed (with an accept), or none and the verdict that refused it. */
    public record Result(Optional<Block> block, Verdict verdict) {}

    /** Accept, or a reject naming the first rule {@code block} breaks. */
    public static Verdict check(Block block, LayerId effectiveGenesis) {
        InnerBlock b = block.inner();
        if (b.layer().compareTo(effectiveGenesis) <= 0) {
            return problem(BlockRule.BEFORE_EFFECTIVE_GENESIS, "layer " + b.layer() + " <= " + effectiveGenesis);
        }
        if (b.rewards().isEmpty()) {
            return problem(BlockRule.NO_REWARDS, "block has no rewards");
        }
        Set<AtxId> atxs = new HashSet<>();
        for (AnyReward r : b.rewards()) {
            if (r.num() == 0 || r.denom() == 0) {
                return problem(BlockRule.ZERO_REWARD_WEIGHT, "weight " + Long.toUnsignedString(r.num()) + "/"
                        + Long.toUnsignedString(r.denom()) + " for ATX " + r.atxId().hex());
            }
            if (!atxs.add(r.atxId())) {
                return problem(BlockRule.DUPLICATE_REWARD_ATX, "two rewards for ATX " + r.atxId().hex());
            }
        }
        Set<TxId> txs = new HashSet<>();
        for (TxId id : b.txIds()) {
            if (!txs.add(id)) {
                return problem(BlockRule.DUPLICATE_TX, "transaction " + id.hex() + " twice");
            }
        }
        return Verdict.ACCEPT;
    }

    private static Verdict problem(BlockRule rule, String detail) {
        return Verdict.reject(rule, detail);
    }
}
