package io.smnode.tortoise.bench;

import io.smnode.core.types.AtxId;
import io.smnode.core.types.BallotId;
import io.smnode.core.types.BlockId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.NodeId;
import io.smnode.tortoise.AtxInfo;
import io.smnode.tortoise.BallotInput;
import io.smnode.tortoise.BlockHeader;
import io.smnode.tortoise.EpochData;
import io.smnode.tortoise.LayerUpdate;
import io.smnode.tortoise.Mode;
import io.smnode.tortoise.Opinion;
import io.smnode.tortoise.OpinionHasher;
import io.smnode.tortoise.Tortoise;
import io.smnode.tortoise.TortoiseConfig;
import io.smnode.tortoise.Votes;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Tortoise cost per layer at mainnet-like load: {@code ballots} ballots per layer, {@code atxs} ATXs in the epoch.
 * Measures heap bytes per ATX (Runtime deltas around ATX intake) and ms per layer for ballot intake and TallyVotes,
 * in verifying mode (hare agrees with the ballots) or in full mode (hare output empty, so verifying never agrees and
 * the tortoise counts every vote), averaged over the layers after a warm-up of up to 10. The clock is a parameter.
 */
public final class TortoiseBench {
    /** What one run measured. */
    public record Result(String scenario, String mode, long verifiedLayer, long lastLayer, double bytesPerAtx,
                         double ballotsMsPerLayer, double tallyMsPerLayer, int measuredLayers) {
        public double msPerLayer() {
            return ballotsMsPerLayer + tallyMsPerLayer;
        }
    }

    // Mainnet: the benchmark stays inside one epoch, so one set of ATXs serves every layer.
    private static final int LAYERS_PER_EPOCH = 4032;
    private static final long GENESIS = 2L * LAYERS_PER_EPOCH - 1;

    private TortoiseBench() {}

    /**
     * @param fullMode hare output empty for every layer, so that the tortoise leaves verifying mode
     */
    public static Result run(boolean fullMode, int atxCount, int perLayer, int layers, LongSupplier nanoTime) {
        boolean emptyHare = fullMode;
        TortoiseConfig config = new TortoiseConfig(10, 8, 1000, 5000, 0, perLayer, LAYERS_PER_EPOCH, GENESIS);
        Tortoise tortoise = new Tortoise(config);
        long epoch = (GENESIS + 1) / LAYERS_PER_EPOCH;
        // Ids are made inside the measured region: the tortoise keeps them, so they are part of its cost per ATX.
        long before = usedHeap();
        for (int i = 0; i < atxCount; i++) {
            tortoise.onAtx(EpochId.of(epoch), AtxId.of(id(32, i, 1)),
                    new AtxInfo(NodeId.of(id(32, i, 2)), 100 + i % 7, 1000 + i % 13, false));
        }
        long after = usedHeap();
        Bytes beacon = Bytes.ofHex("01020304");
        tortoise.onBeacon(EpochId.of(epoch), beacon);
        // Everyone is eligible for about the same number of ballots per epoch.
        long eligibilities = Math.max(1, (long) perLayer * LAYERS_PER_EPOCH / atxCount);
        int warmup = Math.min(10, layers / 3);
        long intakeNanos = 0;
        long tallyNanos = 0;
        int measured = 0;
        int next = 0;
        Hash32 previousOpinion = null;
        BallotId base = BallotId.ZERO;
        BlockHeader previousBlock = null;
        for (int l = 0; l < layers; l++) {
            LayerId layer = LayerId.of(GENESIS + 1 + l);
            long t0 = nanoTime.getAsLong();
            Opinion opinion = perfectVotes(previousOpinion, base, previousBlock);
            for (int b = 0; b < perLayer; b++) {
                int who = next++ % atxCount;
                BallotInput ballot = new BallotInput(BallotId.of(id(20, l * perLayer + b, 3)), layer, NodeId.of(id(32, who, 2)),
                        AtxId.of(id(32, who, 1)), 1, opinion, Optional.of(new EpochData(beacon, eligibilities)), Optional.empty(),
                        false);
                Optional<?> rejected = tortoise.onBallot(ballot);
                if (rejected.isPresent()) {
                    throw new IllegalStateException("ballot rejected: " + rejected.get());
                }
            }
            BlockHeader block = new BlockHeader(BlockId.of(id(20, l, 4)), layer, 1000);
            tortoise.onBlock(block);
            tortoise.onHareOutput(layer, emptyHare ? BlockId.ZERO : block.id());
            previousOpinion = opinion.hash();
            base = BallotId.of(id(20, l * perLayer, 3));
            previousBlock = block;
            long t1 = nanoTime.getAsLong();
            tortoise.tallyVotes(layer);
            for (LayerUpdate u : tortoise.updates()) {
                tortoise.onApplied(u.layer(), u.opinion());
            }
            long t2 = nanoTime.getAsLong();
            if (l >= warmup) {
                intakeNanos += t1 - t0;
                tallyNanos += t2 - t1;
                measured++;
            }
        }
        Mode mode = tortoise.mode();
        return new Result(fullMode ? "full" : "verifying", mode.toString(), tortoise.latestComplete().value(),
                GENESIS + layers, (double) (after - before) / atxCount, intakeNanos / 1e6 / measured,
                tallyNanos / 1e6 / measured, measured);
    }

    /**
     * What an honest ballot votes when it agrees with the previous layer's block: the previous layer's first
     * ballot as base, plus support for that block (no block yet: the genesis ballot as base, against genesis).
     */
    private static Opinion perfectVotes(Hash32 previousOpinion, BallotId base, BlockHeader previousBlock) {
        OpinionHasher hasher = new OpinionHasher();
        if (previousBlock == null) {
            return new Opinion(hasher.sum(), new Votes(BallotId.ZERO, List.of(), List.of(), List.of()));
        }
        Hash32 hash = hasher.writePrevious(previousOpinion).writeSupport(previousBlock.id(), previousBlock.height())
                .sum();
        return new Opinion(hash, new Votes(base, List.of(previousBlock), List.of(), List.of()));
    }

    /** A pseudo-random id, as real ids are hashes (ids with few varying bytes collide in hash maps). */
    private static byte[] id(int length, int n, int kind) {
        byte[] b = new byte[length];
        long x = ((long) kind << 32) | (n & 0xffffffffL);
        for (int i = 0; i < length; i += 8) {
            x = mix(x + i);
            for (int j = 0; j < 8 && i + j < length; j++) {
                b[i + j] = (byte) (x >>> (8 * j));
            }
        }
        return b;
    }

    /** SplitMix64's finaliser. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
