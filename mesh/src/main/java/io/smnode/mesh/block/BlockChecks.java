package io.smnode.mesh.block;

import io.smnode.core.codec.Scale;
import io.smnode.core.codec.ScaleException;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.BlockId;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.TxId;
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

    /** A block decoded from {@code bytes} that has id {@code expected} and passes {@link #check}, or the problem. */
    public static Result decode(byte[] bytes, BlockId expected, LayerId effectiveGenesis) {
        Block block;
        try {
            block = Scale.decode(Block.CODEC, bytes);
        } catch (ScaleException e) {
            return new Result(Optional.empty(), Optional.of(new BlockProblem(BlockRule.MALFORMED, e.getMessage())));
        }
        if (!block.id().equals(expected)) {
            return new Result(Optional.empty(), Optional.of(new BlockProblem(BlockRule.WRONG_ID,
                    "wanted " + expected.hex() + ", got " + block.id().hex())));
        }
        Optional<BlockProblem> problem = check(block, effectiveGenesis);
        return problem.isPresent() ? new Result(Optional.empty(), problem) : new Result(Optional.of(block), problem);
    }

    /** Either a block that passed, or the first problem found. */
    public record Result(Optional<Block> block, Optional<BlockProblem> problem) {}

    /** The first rule {@code block} breaks, if any. */
    public static Optional<BlockProblem> check(Block block, LayerId effectiveGenesis) {
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
        return Optional.empty();
    }

    private static Optional<BlockProblem> problem(BlockRule rule, String detail) {
        return Optional.of(new BlockProblem(rule, detail));
    }
}
