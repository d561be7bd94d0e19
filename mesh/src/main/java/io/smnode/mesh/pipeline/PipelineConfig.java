package io.smnode.mesh.pipeline;

import io.smnode.core.net.GenesisConfig;
import io.smnode.core.net.NetworkParams;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.LayerId;
import io.smnode.hare.HareConfig;
import io.smnode.hare.HareTiming;
import io.smnode.mesh.block.BlockConfig;
import io.smnode.mesh.block.CertConfig;
import io.smnode.mesh.proposal.BallotParams;
import io.smnode.mesh.proposal.SlotRule;
import io.smnode.tortoise.TortoiseConfig;
import io.smnode.vm.VmConfig;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the coordinators depend on, in one place: network parameters as the pipeline reads them, the signing
 * prefix (the genesis id) and the bounds of what they hold in memory.
 *
 * @param hareEnable first layer hare runs in; {@code hareDisable} the first it no longer does
 * @param minimalActiveSetWeight per epoch, from that epoch on (spec 03 §3)
 * @param maxWaiting how many ballots (waiting for their base), proposals (waiting for a dependency) and blocks
 *     (waiting for their transactions) are held, each
 * @param keepLayers how many layers back hare sessions, certificate tallies and the seen-set are kept
 */
public record PipelineConfig(Bytes signingPrefix, int layersPerEpoch, LayerId effectiveGenesis, HareConfig hare,
        HareTiming hareTiming, int hareConfidence, LayerId hareEnable, LayerId hareDisable, TortoiseConfig tortoise,
        int layerAvgSize, List<NetworkParams.EpochMinimalActiveWeight> minimalActiveSetWeight, BlockConfig block,
        CertConfig cert, int txsPerProposal, VmConfig vm, NetworkParams.Beacon beacon, SlotRule slots,
        int maxWaiting, int keepLayers) {

    public PipelineConfig {
        Objects.requireNonNull(signingPrefix, "signingPrefix");
        Objects.requireNonNull(effectiveGenesis, "effectiveGenesis");
        Objects.requireNonNull(hare, "hare");
        Objects.requireNonNull(hareTiming, "hareTiming");
        Objects.requireNonNull(hareEnable, "hareEnable");
        Objects.requireNonNull(hareDisable, "hareDisable");
        Objects.requireNonNull(tortoise, "tortoise");
        minimalActiveSetWeight = List.copyOf(minimalActiveSetWeight);
        Objects.requireNonNull(block, "block");
        Objects.requireNonNull(cert, "cert");
        Objects.requireNonNull(vm, "vm");
        Objects.requireNonNull(beacon, "beacon");
        Objects.requireNonNull(slots, "slots");
        if (layersPerEpoch != tortoise.layersPerEpoch() || layersPerEpoch != vm.layersPerEpoch()) {
            throw new IllegalArgumentException("layers per epoch differ: " + layersPerEpoch + ", tortoise "
                    + tortoise.layersPerEpoch() + ", vm " + vm.layersPerEpoch());
        }
        if (effectiveGenesis.value() != tortoise.effectiveGenesis()) {
            throw new IllegalArgumentException("effective genesis differs from the tortoise's");
        }
        if (maxWaiting < 1 || keepLayers < 1) {
            throw new IllegalArgumentException("maxWaiting and keepLayers must be positive");
        }
    }

    /** The pipeline of a node on {@code params} with the protocol's slot rule. */
    public static PipelineConfig of(NetworkParams params, GenesisConfig genesis) {
        NetworkParams.Time time = params.time();
        int lpe = time.layersPerEpoch();
        LayerId effectiveGenesis = time.firstEffectiveGenesis();
        NetworkParams.Hare h = params.hare();
        HareConfig hare = new HareConfig(h.committee(), h.committeeUpgrade()
                .map(u -> new HareConfig.CommitteeUpgrade(LayerId.of(u.layer()), u.size())), h.leaders(),
                h.iterationsLimit());
        NetworkParams.Tortoise t = params.tortoise();
        TortoiseConfig tortoise = new TortoiseConfig(t.hdist(), t.zdist(), t.windowSize(), t.maxExceptions(),
                t.badBeaconVoteDelayLayers(), params.ballots().layerAvgSize(), lpe, effectiveGenesis.value(),
                t.historicalWindowSize().stream().map(w -> new TortoiseConfig.WindowInterval(w.start(), w.end(),
                        (int) w.window())).toList());
        return new PipelineConfig(Bytes.of(genesis.genesisId().toByteArray()), lpe, effectiveGenesis, hare,
                new HareTiming(h.preroundDelay(), h.roundDuration()), h.confidenceParam(),
                LayerId.of(h.enabled() ? h.enableLayer() : LayerId.MAX), LayerId.of(h.disableLayer()), tortoise,
                params.ballots().layerAvgSize(), t.minimalActiveSetWeight(),
                new BlockConfig(params.txs().blockGasLimit(), params.txs().optFilterThreshold()),
                CertConfig.of(params.certificate().committeeSize(), t.zdist()), params.txs().txsPerProposal(),
                VmConfig.of(params, genesis.genesisId()), params.beacon(), SlotRule.VRF, 10_000, 2 * t.hdist() + 2);
    }

    /** The same pipeline holding at most {@code n} waiting ballots and proposals. */
    public PipelineConfig withMaxWaiting(int n) {
        return new PipelineConfig(signingPrefix, layersPerEpoch, effectiveGenesis, hare, hareTiming, hareConfidence,
                hareEnable, hareDisable, tortoise, layerAvgSize, minimalActiveSetWeight, block, cert, txsPerProposal, vm,
                beacon, slots, n, keepLayers);
    }

    /** What ballot validation needs. */
    public BallotParams ballotParams() {
        return new BallotParams(signingPrefix, layersPerEpoch, layerAvgSize, tortoise.hdist(), tortoise.maxExceptions());
    }

    /** The last MinimalActiveSetWeight entry whose epoch is at most {@code epoch}, 0 when none. */
    public long minimalActiveSetWeight(EpochId epoch) {
        long weight = 0;
        for (NetworkParams.EpochMinimalActiveWeight w : minimalActiveSetWeight) {
            if (w.epoch() <= epoch.value()) {
                weight = w.weight();
            }
        }
        return weight;
    }

    public EpochId epochOf(LayerId layer) {
        return layer.epoch(layersPerEpoch);
    }

    /** The epoch whose active set and beacon the hare of {@code layer} uses (spec 04 §4); empty before genesis. */
    public Optional<EpochId> hareEpoch(LayerId layer) {
        return io.smnode.hare.ActiveSet.epochFor(layer, layersPerEpoch, effectiveGenesis, hareConfidence);
    }
}
