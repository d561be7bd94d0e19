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

/**
 * Tortoise cost per layer at mainnet-like load: {@code ballots} ballots per layer, {@code atxs} ATXs in the epoch.
 * Prints heap bytes per ATX (Runtime deltas around ATX intake) and ms per layer for ballot intake and TallyVotes,
 * in verifying mode (hare agrees with the ballots) and in full mode (hare output empty, so verifying never
 * agrees and the tortoise counts every vote). Usage: TortoiseBench [atxs] [ballotsPerLayer] [layers].
 * No JMH: a plain main with a warm-up, good enough for orders of magnitude.
 */
public final class TortoiseBench {
    // Mainnet: the benchmark stays inside one epoch, so one set of ATXs serves every layer.
    private static final int LAYERS_PER_EPOCH = 4032;
    private static final long GENESIS = 2L * LAYERS_PER_EPOCH - 1;

    public static void main(String[] args) {
        int atxs = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int ballots = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        int layers = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        System.out.printf("atxs=%d ballots/layer=%d layers=%d layersPerEpoch=%d maxHeap=%dMiB%n", atxs, ballots,
                layers, LAYERS_PER_EPOCH, Runtime.getRuntime().maxMemory() >> 20);
        run("verifying", false, atxs, ballots, layers);
        run("full", true, atxs, ballots, layers);
    }

    private static void run(String name, boolean emptyHare, int atxCount, int perLayer, int layers) {
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
            long t0 = System.nanoTime();
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
            long t1 = System.nanoTime();
            tortoise.tallyVotes(layer);
            for (LayerUpdate u : tortoise.updates()) {
                tortoise.onApplied(u.layer(), u.opinion());
            }
            long t2 = System.nanoTime();
            if (l >= warmup) {
                intakeNanos += t1 - t0;
                tallyNanos += t2 - t1;
                measured++;
            }
        }
        Mode mode = tortoise.mode();
        System.out.printf("%-9s mode=%s verified=%d/%d  bytes/atx=%.0f  ms/layer: ballots=%.2f tally+updates=%.2f"
                + " total=%.2f (over %d layers)%n", name, mode, tortoise.latestComplete().value(), GENESIS + layers,
                (double) (after - before) / atxCount, intakeNanos / 1e6 / measured, tallyNanos / 1e6 / measured,
                (intakeNanos + tallyNanos) / 1e6 / measured, measured);
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
