package io.smnode.core.net;

import io.smnode.core.time.LayerClock;
import io.smnode.core.types.Address;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.LayerId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The protocol parameters of one network, grouped as the reference's config sections are. Values are the ones the
 * reference node runs with, after its start-up substitutions for unset fields (noted where they happen), so a
 * consumer never has to know that "0" meant "use the default". Unsigned reference values that can pass 2^31 are
 * {@code long} here; {@link Txs#blockGasLimit} is the one uint64 that uses the full range (read it unsigned).
 *
 * @param hrp the bech32 human-readable part of addresses
 */
public record NetworkParams(
        String hrp,
        Genesis genesis,
        Time time,
        Poet poet,
        Atx atx,
        Post post,
        Beacon beacon,
        Hare hare,
        Certificate certificate,
        Tortoise tortoise,
        Ballots ballots,
        Txs txs,
        Sync sync,
        Smeshing smeshing) {

    public NetworkParams {
        Objects.requireNonNull(hrp, "hrp");
        Objects.requireNonNull(genesis, "genesis");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(poet, "poet");
        Objects.requireNonNull(atx, "atx");
        Objects.requireNonNull(post, "post");
        Objects.requireNonNull(beacon, "beacon");
        Objects.requireNonNull(hare, "hare");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(tortoise, "tortoise");
        Objects.requireNonNull(ballots, "ballots");
        Objects.requireNonNull(txs, "txs");
        Objects.requireNonNull(sync, "sync");
        Objects.requireNonNull(smeshing, "smeshing");
    }

    /** These parameters with another PoST section (a devnet's experiment: more labels, a larger scrypt N). */
    public NetworkParams withPost(Post newPost) {
        return new NetworkParams(hrp, genesis, time, poet, atx, newPost, beacon, hare, certificate, tortoise, ballots,
                txs, sync, smeshing);
    }

    /** These parameters with another clock shape (a devnet's experiment: shorter layers, shorter epochs). */
    public NetworkParams withTime(Time newTime) {
        return new NetworkParams(hrp, genesis, newTime, poet, atx, post, beacon, hare, certificate, tortoise, ballots,
                txs, sync, smeshing);
    }

    /** These parameters with another PoET section (a devnet's experiment: a PoET schedule for shorter epochs). */
    public NetworkParams withPoet(Poet newPoet) {
        return new NetworkParams(hrp, genesis, time, newPoet, atx, post, beacon, hare, certificate, tortoise, ballots,
                txs, sync, smeshing);
    }

    /** These parameters with another local smeshing section (e.g. more PoST units). */
    public NetworkParams withSmeshing(Smeshing newSmeshing) {
        return new NetworkParams(hrp, genesis, time, poet, atx, post, beacon, hare, certificate, tortoise, ballots,
                txs, sync, newSmeshing);
    }

    /** These parameters with {@code atx} in place of this network's ATX section (an override of the preset). */
    public NetworkParams withAtx(Atx atx) {
        return new NetworkParams(hrp, genesis, time, poet, atx, post, beacon, hare, certificate, tortoise, ballots, txs,
                sync, smeshing);
    }

    /**
     * Genesis inputs. Networks that are already running fix the time; local networks start "now", which is an
     * input the caller supplies (see {@link #config(Instant)}).
     *
     * @param accounts the genesis ledger (bech32 address, balance in smidge); its order carries no meaning
     */
    public record Genesis(Optional<Instant> time, String extraData, List<GenesisAccount> accounts) {
        public Genesis {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(extraData, "extraData");
            accounts = List.copyOf(accounts);
        }

        /** The genesis of this network when it starts at {@code genesisTime} (for networks without a fixed time). */
        public GenesisConfig config(Instant genesisTime) {
            return new GenesisConfig(genesisTime, extraData);
        }

        /** The genesis of a network whose time is fixed; empty for one the caller has to start. */
        public Optional<GenesisConfig> fixedConfig() {
            return time.map(this::config);
        }
    }

    /** One genesis account: its bech32 address text and its balance in smidge. */
    public record GenesisAccount(String address, long balance) {
        public GenesisAccount {
            Objects.requireNonNull(address, "address");
        }
    }

    public record Time(Duration layerDuration, int layersPerEpoch) {
        public Time {
            LayerClock.requireValidShape(layerDuration, layersPerEpoch);
        }

        /** The last layer of epoch 1, {@code 2*layersPerEpoch - 1}: nothing at or before it is voted on. */
        public LayerId firstEffectiveGenesis() {
            return LayerClock.effectiveGenesis(layersPerEpoch);
        }

        /** This network's layer clock once its genesis time is known. */
        public LayerClock clock(Instant genesisTime) {
            return new LayerClock(genesisTime, layerDuration, layersPerEpoch);
        }
    }

    /**
     * PoET round timing and the servers a smesher registers with.
     *
     * @param positioningAtxSelectionTimeout zero where the reference leaves it unset (no timeout)
     */
    public record Poet(Duration phaseShift, Duration cycleGap, Duration gracePeriod,
            Duration positioningAtxSelectionTimeout, List<PoetServer> servers) {
        public Poet {
            Objects.requireNonNull(phaseShift, "phaseShift");
            Objects.requireNonNull(cycleGap, "cycleGap");
            Objects.requireNonNull(gracePeriod, "gracePeriod");
            Objects.requireNonNull(positioningAtxSelectionTimeout, "positioningAtxSelectionTimeout");
            servers = List.copyOf(servers);
        }

        /** This schedule with another phase shift and cycle gap. */
        public Poet withSchedule(Duration newPhaseShift, Duration newCycleGap) {
            return new Poet(newPhaseShift, newCycleGap, gracePeriod, positioningAtxSelectionTimeout, servers);
        }
    }

    /** A PoET server: its URL and, where the network pins it, its Ed25519 public key. */
    public record PoetServer(String address, Optional<Bytes> pubkey) {
        public PoetServer {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(pubkey, "pubkey");
        }
    }

    /**
     * @param tickSize PoET leaves per tick (an ATX's tick count is its PoET leaves / tickSize)
     * @param regossipInterval how often a smesher re-broadcasts its current ATX; zero disables it
     * @param gradeDelay how early before an epoch an ATX must arrive to count as timely for active sets
     * @param atxV2FromEpoch the first publish epoch whose ATXs are version 2 (the reference's
     *                       {@code main.atx-versions}, reduced to the one switch every network has); empty: v1 forever.
     *                       The version is not in the bytes: an ATX of an earlier epoch is only valid as v1, one of
     *                       this epoch or later only as v2 (spec 11 §1)
     */
    public record Atx(long tickSize, Duration regossipInterval, Duration gradeDelay, OptionalLong atxV2FromEpoch) {
        public Atx {
            Objects.requireNonNull(regossipInterval, "regossipInterval");
            Objects.requireNonNull(gradeDelay, "gradeDelay");
            Objects.requireNonNull(atxV2FromEpoch, "atxV2FromEpoch");
            if (atxV2FromEpoch.isPresent() && (atxV2FromEpoch.getAsLong() < 0 || atxV2FromEpoch.getAsLong() > 0xffff_ffffL)) {
                throw new IllegalArgumentException("atxV2FromEpoch must be an epoch (0 to 2^32-1), got "
                        + atxV2FromEpoch.getAsLong());
            }
        }

        /** Whether an ATX published in {@code publishEpoch} is a version-2 ATX on this network. */
        public boolean isV2(long publishEpoch) {
            return atxV2FromEpoch.isPresent() && publishEpoch >= atxV2FromEpoch.getAsLong();
        }

        /** The same parameters with another switch epoch (a devnet running v2 early; empty: never). */
        public Atx withAtxV2FromEpoch(OptionalLong epoch) {
            return new Atx(tickSize, regossipInterval, gradeDelay, epoch);
        }
    }

    /**
     * Proof-of-space-time parameters (verifiers need all of them, scrypt N included, to check labels).
     *
     * @param powDifficulty the 32-byte big-endian k2pow threshold
     */
    public record Post(long labelsPerUnit, long minNumUnits, long maxNumUnits, int k1, int k2, int k3,
            Bytes powDifficulty, int scryptN) {
        public Post {
            if (powDifficulty.length() != 32) {
                throw new IllegalArgumentException("PoW difficulty must be 32 bytes, got " + powDifficulty.length());
            }
        }

        public Post withLabelsPerUnit(long labels) {
            return new Post(labels, minNumUnits, maxNumUnits, k1, k2, k3, powDifficulty, scryptN);
        }

        public Post withScryptN(int n) {
            return new Post(labelsPerUnit, minNumUnits, maxNumUnits, k1, k2, k3, powDifficulty, n);
        }
    }

    /** A fraction such as the beacon's 1/3. */
    public record Ratio(long numerator, long denominator) {
        public Ratio {
            if (denominator <= 0) {
                throw new IllegalArgumentException("denominator must be positive: " + denominator);
            }
        }

        @Override
        public String toString() {
            return numerator + "/" + denominator;
        }
    }

    public record Beacon(int kappa, Ratio q, Ratio theta, Duration gracePeriod, Duration proposalDuration,
            Duration firstVotingRoundDuration, int roundsNumber, Duration votingRoundDuration,
            Duration weakCoinRoundDuration, int votesLimit, int syncWeightUnits) {
        public Beacon {
            Objects.requireNonNull(q, "q");
            Objects.requireNonNull(theta, "theta");
            Objects.requireNonNull(gracePeriod, "gracePeriod");
            Objects.requireNonNull(proposalDuration, "proposalDuration");
            Objects.requireNonNull(firstVotingRoundDuration, "firstVotingRoundDuration");
            Objects.requireNonNull(votingRoundDuration, "votingRoundDuration");
            Objects.requireNonNull(weakCoinRoundDuration, "weakCoinRoundDuration");
        }
    }

    /** From {@code layer} on, the hare committee has {@code size} seats. */
    public record CommitteeUpgrade(long layer, int size) {}

    /**
     * Hare 3 and its eligibility oracle.
     *
     * @param protocolName the stream protocol id; testnet's is empty (a reference quirk kept for compatibility)
     * @param confidenceParam how many layers into an epoch hare keeps using the previous epoch's active set
     * @param hare4Enabled whether hare 4 replaces hare 3 (off on every network here)
     */
    public record Hare(boolean enabled, long enableLayer, long disableLayer, int committee,
            Optional<CommitteeUpgrade> committeeUpgrade, int leaders, int iterationsLimit, Duration preroundDelay,
            Duration roundDuration, String protocolName, int confidenceParam, boolean hare4Enabled) {
        public Hare {
            Objects.requireNonNull(committeeUpgrade, "committeeUpgrade");
            Objects.requireNonNull(preroundDelay, "preroundDelay");
            Objects.requireNonNull(roundDuration, "roundDuration");
            Objects.requireNonNull(protocolName, "protocolName");
        }

        /** The committee size in force at {@code layer}. */
        public int committeeAt(LayerId layer) {
            return committeeUpgrade.filter(u -> layer.value() >= u.layer()).map(CommitteeUpgrade::size)
                    .orElse(committee);
        }
    }

    /** The block certifier's committee. */
    public record Certificate(int committeeSize) {
        /** Signatures a certificate needs: a strict majority, as the reference node sets it at start. */
        public int certifyThreshold() {
            return committeeSize / 2 + 1;
        }
    }

    /**
     * From {@code epoch} on, an active-set weight below {@code weight} is raised to it when ballot eligibility is
     * computed (so a tiny declared active set cannot grant many ballots).
     */
    public record EpochMinimalActiveWeight(long epoch, long weight) {}

    /** Between layers {@code start} and {@code end} (inclusive) the tortoise keeps {@code window} layers. */
    public record WindowInterval(long start, long end, long window) {}

    public record Tortoise(int hdist, int zdist, int windowSize, int maxExceptions, int badBeaconVoteDelayLayers,
            List<EpochMinimalActiveWeight> minimalActiveSetWeight, List<WindowInterval> historicalWindowSize) {
        public Tortoise {
            minimalActiveSetWeight = List.copyOf(minimalActiveSetWeight);
            historicalWindowSize = List.copyOf(historicalWindowSize);
        }
    }

    /**
     * @param layerAvgSize expected ballots (eligibility slots) per layer
     * @param minerGoodAtxsPercent the share of timely ATXs a node needs to build its own active set
     */
    public record Ballots(int layerAvgSize, int minerGoodAtxsPercent) {}

    /** @param blockGasLimit uint64: read with {@link Long#toUnsignedString(long)}; -1 means no limit (2^64-1) */
    public record Txs(int txsPerProposal, long blockGasLimit, int optFilterThreshold) {}

    /** @param standalone the single-node mode: no peers to wait for, the node trusts itself as synced */
    public record Sync(Duration interval, Duration gossipDuration, boolean standalone) {
        public Sync {
            Objects.requireNonNull(interval, "interval");
            Objects.requireNonNull(gossipDuration, "gossipDuration");
        }
    }

    /** Defaults for a local smesher (an operator overrides them; not consensus). */
    public record Smeshing(int numUnits, boolean start, long computeBatchSize, Optional<Address> coinbase) {
        public Smeshing {
            Objects.requireNonNull(coinbase, "coinbase");
        }

        public Smeshing withNumUnits(int units) {
            return new Smeshing(units, start, computeBatchSize, coinbase);
        }
    }
}
