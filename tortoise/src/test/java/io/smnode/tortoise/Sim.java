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

    /** What another partition learns of this one's history when they merge (no beacon, hare or coin). */
    private enum Shared { ATX, BALLOT, BLOCK, LOCAL }

    private record Event(Shared kind, java.util.function.Consumer<Tortoise> apply) {}

    final TortoiseConfig config;
    /** The first tortoise fed; the one the single-tortoise tests query. */
    final Tortoise tortoise;
    private final List<Tortoise> tortoises;
    /** Tortoises whose EncodeVotes the miners use for TORTOISE voting, split evenly over the miners. */
    private final List<Tortoise> voters;
    private final String name;
    private final NodeId[] nodes;
    private final AtxId[] atxs;
    private final long weight;
    private final long ticks;
    private long next;
    private final List<List<Made>> ballots;
    private final List<List<BlockHeader>> blocks;
    private final List<Event> log = new ArrayList<>();

    Sim(TortoiseConfig config, Tortoise tortoise, int miners, long weight, long ticks) {
        this(config, List.of(tortoise), "", miners, weight, ticks, config.effectiveGenesis() + 1, new ArrayList<>(),
                new ArrayList<>());
    }

    private Sim(TortoiseConfig config, List<Tortoise> tortoises, String name, int miners, long weight, long ticks,
            long next, List<List<Made>> ballots, List<List<BlockHeader>> blocks) {
        this.config = config;
        this.tortoises = List.copyOf(tortoises);
        this.tortoise = tortoises.get(0);
        this.voters = this.tortoises;
        this.name = name;
        this.weight = weight;
        this.ticks = ticks;
        this.next = next;
        this.ballots = ballots;
        this.blocks = blocks;
        this.atxs = new AtxId[miners];
        this.nodes = new NodeId[miners];
        for (int i = 0; i < miners; i++) {
            nodes[i] = NodeId.of(hash("node" + name, i).toByteArray());
        }
    }

    /** A sim feeding several tortoises at once (one network, several nodes). */
    static Sim network(TortoiseConfig config, List<Tortoise> tortoises, int miners, long weight, long ticks) {
        return new Sim(config, tortoises, "", miners, weight, ticks, config.effectiveGenesis() + 1,
                new ArrayList<>(), new ArrayList<>());
    }

    /**
     * A partition from the next layer on: new miners ({@code name} keeps their ids apart) that only
     * {@code tortoise} hears, building on the history so far. Call at an epoch boundary, as the reference does.
     */
    Sim partition(String partitionName, int miners, Tortoise only) {
        return new Sim(config, List.of(only), partitionName, miners, weight, ticks, next,
                new ArrayList<>(ballots), new ArrayList<>(blocks));
    }

    /**
     * Joins two partitions that ran over the same layers: each tortoise receives the other side's ATXs, ballots
     * and blocks (not its beacon or hare outputs, as in the reference's merge), and the joined network continues
     * with both sides' miners.
     */
    static Sim merge(Sim a, Sim b, List<Tortoise> tortoises) {
        if (a.next != b.next) {
            throw new IllegalArgumentException("partitions are at different layers");
        }
        replayShared(b, a.tortoises);
        replayShared(a, b.tortoises);
        Sim joined = new Sim(a.config, tortoises, a.name + b.name, a.nodes.length + b.nodes.length, a.weight, a.ticks,
                a.next, new ArrayList<>(a.ballots), new ArrayList<>(a.blocks));
        // The same smeshers go on (their next ATXs get new ids).
        System.arraycopy(a.nodes, 0, joined.nodes, 0, a.nodes.length);
        System.arraycopy(b.nodes, 0, joined.nodes, a.nodes.length, b.nodes.length);
        for (int i = 0; i < a.ballots.size(); i++) {
            List<Made> both = new ArrayList<>(a.ballots.get(i));
            if (i < b.ballots.size() && !b.ballots.get(i).equals(a.ballots.get(i))) {
                both.addAll(b.ballots.get(i));
            }
            joined.ballots.set(i, both);
        }
        return joined;
    }

    private static void replayShared(Sim from, List<Tortoise> to) {
        for (Sim.Event e : from.log) {
            if (e.kind() != Shared.LOCAL) {
                to.forEach(e.apply());
            }
        }
    }

    private void feed(Shared kind, java.util.function.Consumer<Tortoise> event) {
        tortoises.forEach(event);
        log.add(new Event(kind, event));
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

    /** Generates and feeds the next layer, then tallies it on every tortoise. */
    LayerId layer(Layer spec) {
        LayerId id = generate(spec);
        tortoises.forEach(t -> t.tallyVotes(id));
        return id;
    }

    /** Generates and feeds the next layer without tallying. */
    LayerId generate(Layer spec) {
        long layer = next++;
        int miners = nodes.length;
        if (layer % config.layersPerEpoch() == 0 || atxs[0] == null) {
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
            BallotId id = BallotId.of(Arrays.copyOf(hash("ballot" + name + "-" + layer, m).toByteArray(), 20));
            BallotInput ballot = new BallotInput(id, LayerId.of(layer), nodes[m], atxs[m], perMiner[m], opinion,
                    Optional.of(new EpochData(beacon(layer / config.layersPerEpoch()), eligible)), Optional.empty(),
                    false);
            String where = "ballot of miner " + m + " in layer " + layer;
            feed(Shared.BALLOT, t -> assertEquals(Optional.empty(), t.onBallot(ballot), where));
            made.add(new Made(id, opinion.hash()));
        }
        List<BlockHeader> layerBlocks = new ArrayList<>();
        for (int b = 0; b < spec.blocks(); b++) {
            BlockHeader h = new BlockHeader(
                    BlockId.of(Arrays.copyOf(hash("block" + name + "-" + layer, b).toByteArray(), 20)),
                    LayerId.of(layer), 0);
            feed(Shared.BLOCK, t -> t.onBlock(h));
            layerBlocks.add(h);
        }
        // Keep the reference's order of blocks (height, id) so "first block" means the same thing.
        layerBlocks.sort((a, c) -> a.id().compareTo(c.id()));
        if (!spec.failHare()) {
            BlockId out = spec.emptyHare() || layerBlocks.isEmpty() ? BlockId.ZERO : layerBlocks.get(0).id();
            feed(Shared.LOCAL, t -> t.onHareOutput(LayerId.of(layer), out));
        }
        feed(Shared.LOCAL, t -> t.onWeakCoin(LayerId.of(layer), spec.coin()));
        ballots.add(made);
        blocks.add(layerBlocks);
        return LayerId.of(layer);
    }

    private void newEpoch(long epoch) {
        for (int m = 0; m < nodes.length; m++) {
            AtxId atx = AtxId.of(hash("atx" + name + "-" + epoch, m).toByteArray());
            atxs[m] = atx;
            AtxInfo info = new AtxInfo(nodes[m], weight, ticks * epoch, false);
            feed(Shared.ATX, t -> t.onAtx(EpochId.of(epoch), atx, info));
        }
        Bytes beacon = beacon(epoch);
        feed(Shared.LOCAL, t -> t.onBeacon(EpochId.of(epoch), beacon));
    }

    private Opinion votes(Voting voting, long layer, int miner) {
        if (voting == Voting.TORTOISE) {
            EncodeResult r = voters.get(miner * voters.size() / nodes.length).encodeVotes(LayerId.of(layer));
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
                boolean first = miner < nodes.length / 2;
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

    private Bytes beacon(long epoch) {
        return Bytes.of(Arrays.copyOf(hash("beacon" + name, (int) epoch).toByteArray(), 4));
    }

    private static Hash32 hash(String what, int i) {
        return Blake3.hash((what + "/" + i).getBytes(StandardCharsets.US_ASCII));
    }
}
