package io.smnode.tortoise;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smnode.core.hash.Blake3;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.BallotId;
import io.smnode.core.types.BlockId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.NodeId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A small deterministic stand-in for the reference's sim generator (tortoise/sim): a fixed set of miners, one ATX
 * each per epoch, ballots spread round-robin over miners, blocks, hare output and weak coin per layer, all fed to
 * one tortoise. No randomness: where the reference picks a random base ballot, this takes ballot {@code i % n}.
 */
final class Sim {
    /** How a miner's ballot in a new layer votes. */
    enum Voting {
        /** Base = a ballot of the previous layer; support that layer's first block (if any). */
        PERFECT,
        /** Base = a ballot of the previous layer; abstain on that layer. */
        ABSTAIN,
        /** Like PERFECT, but the base is always the previous layer's first ballot. */
        PERFECT_FIRST_BASE,
        /** Miner 0 votes PERFECT_FIRST_BASE, the others abstain on the previous layer with that same base. */
        FIRST_PERFECT_REST_ABSTAIN,
        /**
         * The reference's splitVoting: the first half of the miners build on the previous layer's first ballot and
         * support the first half of its blocks, the others on its last ballot and the second half.
         */
        SPLIT,
        /** Whatever the tortoise under test encodes (EncodeVotes at the new layer). */
        TORTOISE
    }

    /** One layer's shape (the reference's nextConf). */
    record Layer(int size, int blocks, boolean emptyHare, boolean failHare, Voting voting, boolean coin) {
        static Layer good(int size) {
            // The reference's defaults: one block, perfect voting, weak coin true.
            return new Layer(size, 1, false, false, Voting.PERFECT, true);
        }

        Layer withVoting(Voting v) {
            return new Layer(size, blocks, emptyHare, failHare, v, coin);
        }

        Layer withEmptyHare() {
            return new Layer(size, blocks, true, false, voting, coin);
        }

        Layer withFailHare() {
            return new Layer(size, blocks, false, true, voting, coin);
        }

        Layer withBlocks(int n) {
            return new Layer(size, n, emptyHare, failHare, voting, coin);
        }

        Layer withCoin(boolean c) {
            return new Layer(size, blocks, emptyHare, failHare, voting, c);
        }

        Layer withSize(int s) {
            return new Layer(s, blocks, emptyHare, failHare, voting, coin);
        }
    }

    /** A ballot the sim made, with the opinion hash it signed. */
    record Made(BallotId id, Hash32 opinion) {}

    final TortoiseConfig config;
    final Tortoise tortoise;
    private final int miners;
    private final long weight;
    private final long ticks;
    private long next;
    private final List<List<Made>> ballots = new ArrayList<>();
    private final List<List<BlockHeader>> blocks = new ArrayList<>();
    private final AtxId[] atxs;
    private final NodeId[] nodes;

    Sim(TortoiseConfig config, Tortoise tortoise, int miners, long weight, long ticks) {
        this.config = config;
        this.tortoise = tortoise;
        this.miners = miners;
        this.weight = weight;
        this.ticks = ticks;
        this.next = config.effectiveGenesis() + 1;
        this.atxs = new AtxId[miners];
        this.nodes = new NodeId[miners];
        for (int i = 0; i < miners; i++) {
            nodes[i] = NodeId.of(hash("node", i).toByteArray());
        }
    }

    /** Sim defaults of the reference tests: 4 layers per epoch, effective genesis 7, window 30, delay 6. */
    static TortoiseConfig config(int layerSize, int hdist, int zdist) {
        return new TortoiseConfig(hdist, zdist, 30, 3000, 6, layerSize, 4, 7);
    }

    NodeId node(int miner) {
        return nodes[miner];
    }

    LayerId last() {
        return LayerId.of(next - 1);
    }

    /** Generates and feeds the next layer, then tallies it. */
    LayerId layer(Layer spec) {
        LayerId id = generate(spec);
        tortoise.tallyVotes(id);
        return id;
    }

    /** Generates and feeds the next layer without tallying. */
    LayerId generate(Layer spec) {
        long layer = next++;
        if (layer % config.layersPerEpoch() == 0 || ballots.isEmpty()) {
            newEpoch(layer / config.layersPerEpoch());
        }
        List<Made> made = new ArrayList<>();
        int[] perMiner = new int[miners];
        for (int i = 0; i < spec.size(); i++) {
            perMiner[i % miners]++;
        }
        long total = weight * miners;
        long eligible = Math.max(1, weight * config.layerSize() * config.layersPerEpoch() / total);
        for (int m = 0; m < miners; m++) {
            if (perMiner[m] == 0) {
                continue;
            }
            Opinion opinion = votes(spec.voting(), layer, m);
            BallotId id = BallotId.of(Arrays.copyOf(hash("ballot-" + layer, m).toByteArray(), 20));
            BallotInput ballot = new BallotInput(id, LayerId.of(layer), nodes[m], atxs[m], perMiner[m], opinion,
                    Optional.of(new EpochData(beacon(layer / config.layersPerEpoch()), eligible)), Optional.empty(),
                    false);
            assertEquals(Optional.empty(), tortoise.onBallot(ballot), "ballot of miner " + m + " in layer " + layer);
            made.add(new Made(id, opinion.hash()));
        }
        List<BlockHeader> layerBlocks = new ArrayList<>();
        for (int b = 0; b < spec.blocks(); b++) {
            BlockHeader h = new BlockHeader(BlockId.of(Arrays.copyOf(hash("block-" + layer, b).toByteArray(), 20)),
                    LayerId.of(layer), 0);
            tortoise.onBlock(h);
            layerBlocks.add(h);
        }
        // Keep the reference's order of blocks (height, id) so "first block" means the same thing.
        layerBlocks.sort((a, c) -> a.id().compareTo(c.id()));
        if (!spec.failHare()) {
            BlockId out = spec.emptyHare() || layerBlocks.isEmpty() ? BlockId.ZERO : layerBlocks.get(0).id();
            tortoise.onHareOutput(LayerId.of(layer), out);
        }
        tortoise.onWeakCoin(LayerId.of(layer), spec.coin());
        ballots.add(made);
        blocks.add(layerBlocks);
        return LayerId.of(layer);
    }

    private void newEpoch(long epoch) {
        for (int m = 0; m < miners; m++) {
            atxs[m] = AtxId.of(hash("atx-" + epoch, m).toByteArray());
            tortoise.onAtx(EpochId.of(epoch), atxs[m], new AtxInfo(nodes[m], weight, ticks * epoch, false));
        }
        tortoise.onBeacon(EpochId.of(epoch), beacon(epoch));
    }

    private Opinion votes(Voting voting, long layer, int miner) {
        if (voting == Voting.TORTOISE) {
            EncodeResult r = tortoise.encodeVotes(LayerId.of(layer));
            if (r instanceof EncodeResult.Encoded e) {
                return e.opinion();
            }
            throw new AssertionError("encode votes failed: " + r);
        }
        List<Made> prevBallots = ballots.isEmpty() ? List.of() : ballots.get(ballots.size() - 1);
        List<BlockHeader> prevBlocks = blocks.isEmpty() ? List.of() : blocks.get(blocks.size() - 1);
        List<BlockHeader> firstBlock = prevBlocks.isEmpty() ? List.of() : prevBlocks.subList(0, 1);
        int half = prevBlocks.size() / 2;
        int baseIndex;
        List<BlockHeader> support;
        boolean abstain = false;
        switch (voting) {
            case PERFECT -> {
                baseIndex = miner;
                support = firstBlock;
            }
            case PERFECT_FIRST_BASE -> {
                baseIndex = 0;
                support = firstBlock;
            }
            case ABSTAIN -> {
                baseIndex = miner;
                support = List.of();
                abstain = true;
            }
            case FIRST_PERFECT_REST_ABSTAIN -> {
                baseIndex = 0;
                support = miner == 0 ? firstBlock : List.of();
                abstain = miner != 0;
            }
            case SPLIT -> {
                boolean first = miner < miners / 2;
                baseIndex = first ? 0 : Math.max(0, prevBallots.size() - 1);
                support = first ? prevBlocks.subList(0, half) : prevBlocks.subList(half, prevBlocks.size());
            }
            default -> throw new IllegalArgumentException(voting.name());
        }
        return chain(prevBallots, baseIndex, layer, support, abstain);
    }

    /**
     * The base's opinion extended by one vote on the previous layer; with no ballot in the previous layer, the
     * synthetic genesis ballot is the base and every layer before the previous one is voted against.
     */
    private Opinion chain(List<Made> prevBallots, int baseIndex, long layer, List<BlockHeader> support,
            boolean abstain) {
        OpinionHasher h = new OpinionHasher();
        BallotId base = BallotId.ZERO;
        Hash32 prev = null;
        if (prevBallots.isEmpty()) {
            for (long l = config.effectiveGenesis(); l < layer - 1; l++) {
                if (prev != null) {
                    h.writePrevious(prev);
                }
                prev = h.sum();
            }
        } else {
            Made made = prevBallots.get(baseIndex % prevBallots.size());
            base = made.id();
            prev = made.opinion();
        }
        if (prev != null) {
            h.writePrevious(prev);
        }
        List<BlockHeader> sorted = new ArrayList<>(support);
        sorted.sort((a, c) -> a.height() != c.height() ? Long.compareUnsigned(a.height(), c.height())
                : a.id().compareTo(c.id()));
        if (abstain) {
            h.writeAbstain();
        }
        for (BlockHeader b : sorted) {
            h.writeSupport(b.id(), b.height());
        }
        List<LayerId> abstained = abstain ? List.of(LayerId.of(layer - 1)) : List.of();
        return new Opinion(h.sum(), new Votes(base, support, List.of(), abstained));
    }

    private static Bytes beacon(long epoch) {
        return Bytes.of(Arrays.copyOf(hash("beacon", (int) epoch).toByteArray(), 4));
    }

    private static Hash32 hash(String what, int i) {
        return Blake3.hash((what + "/" + i).getBytes(StandardCharsets.US_ASCII));
    }
}
