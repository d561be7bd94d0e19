package io.smnode.node.inspect;

import io.smnode.core.types.AtxId;
import io.smnode.core.types.BallotId;
import io.smnode.core.types.BlockId;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.LayerId;
import io.smnode.core.address.AddressCodec;
import io.smnode.core.address.AddressException;
import io.smnode.core.types.Address;
import io.smnode.mesh.block.AppliedLayer;
import io.smnode.mesh.block.Block;
import io.smnode.mesh.proposal.Ballot;
import io.smnode.mesh.store.MeshRecord;
import io.smnode.node.config.NodeConfig;
import io.smnode.node.tools.HexArg;
import io.smnode.node.tools.ToolException;
import io.smnode.persistence.mesh.MeshTables;
import io.smnode.vm.RewardRecord;
import io.smnode.vm.state.Account;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code smnode inspect status|layer N|account ADDRESS|atx ID|ballot ID|block ID --data-dir DIR}: one JSON object
 * from the node's store, read-only, also while the node runs. Absent objects are {@code null} fields, never errors;
 * a malformed argument or a data dir without a store is {@code {"error": ...}} (exit 2).
 */
@Command(name = "inspect", description = "Read a node's store (also while it runs): one JSON object.",
        subcommands = {InspectCommand.Status.class, InspectCommand.Layer.class, InspectCommand.Layers.class,
            InspectCommand.AccountInfo.class,
            InspectCommand.Atx.class, InspectCommand.BallotInfo.class, InspectCommand.BlockInfo.class})
public final class InspectCommand {
    private InspectCommand() {}

    @Command(name = "status", description = "current_layer, last_applied, last_verified, synced, atxs_in_epoch.")
    static final class Status extends InspectTool {
        @Override
        protected Map<String, ?> inspect(NodeConfig config, NodeView node) {
            Map<String, Object> out = new LinkedHashMap<>();
            Optional<Long> current = node.currentLayer();
            Optional<LayerId> applied = node.mesh.lastApplied();
            Optional<LayerId> verified = node.lastVerified();
            out.put("current_layer", current.orElse(null));
            out.put("last_applied", applied.map(LayerId::value).orElse(null));
            out.put("last_verified", verified.map(LayerId::value).orElse(null));
            // A lone node has nobody to sync from: it is in sync while its mesh keeps up with its clock.
            long genesis = config.params().time().firstEffectiveGenesis().value();
            long now = current.orElse(0L);
            out.put("synced", now <= genesis + 1 || applied.map(a -> a.value() >= now - 2).orElse(false));
            EpochId epoch = LayerId.of(now).epoch(config.network().layersPerEpoch());
            out.put("epoch", epoch.value());
            out.put("atxs_in_epoch", node.atxs.targeting(epoch).size());
            return out;
        }
    }

    @Command(name = "layer", description = "layer, hare_output, block, applied, verified, state_hash, mesh_hash, rewards.")
    static final class Layer extends InspectTool {
        @Parameters(paramLabel = "N", description = "The layer number.")
        long layer;

        @Override
        protected Map<String, ?> inspect(NodeConfig config, NodeView node) {
            return layerJson(node, layerId(layer));
        }
    }

    @Command(name = "layers", description = "Layers FROM to TO (inclusive) as `layer` prints each: {\"layers\": [...]}.")
    static final class Layers extends InspectTool {
        /** Enough for any script's window, small enough that one answer stays a few megabytes. */
        private static final long MAX_SPAN = 10_000;

        @Parameters(index = "0", paramLabel = "FROM", description = "The first layer.")
        long from;

        @Parameters(index = "1", paramLabel = "TO", description = "The last layer.")
        long to;

        @Override
        protected Map<String, ?> inspect(NodeConfig config, NodeView node) {
            LayerId first = layerId(from);
            LayerId last = layerId(to);
            if (to < from || to - from >= MAX_SPAN) {
                throw new ToolException("TO must be FROM to FROM + " + (MAX_SPAN - 1) + ", got " + from + " to " + to);
            }
            List<Map<String, Object>> layers = new ArrayList<>();
            for (long l = first.value(); l <= last.value(); l++) {
                layers.add(layerJson(node, LayerId.of(l)));
            }
            return Map.of("layers", layers);
        }
    }

    private static LayerId layerId(long layer) {
        if (layer < 0 || layer > LayerId.MAX) {
            throw new ToolException("layer must be 0 to " + LayerId.MAX + ", got " + layer);
        }
        return LayerId.of(layer);
    }

    private static Map<String, Object> layerJson(NodeView node, LayerId id) {
        Optional<MeshRecord.HareOutputRecord> hare = node.mesh.hareOutput(id);
        Optional<AppliedLayer> applied = node.mesh.layer(id);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("layer", id.value());
        out.put("hare_output", hare.map(h -> h.proposals().stream().map(p -> p.hex()).toList()).orElse(null));
        out.put("block", applied.map(a -> a.block()).or(() -> hare.map(h -> h.block()))
                .map(b -> b.isZero() ? null : b.hex()).orElse(null));
        out.put("applied", applied.isPresent());
        out.put("verified", applied.map(AppliedLayer::verified).orElse(false));
        out.put("state_hash", applied.map(a -> a.stateHash().hex()).orElse(null));
        out.put("mesh_hash", applied.flatMap(AppliedLayer::meshHash).map(h -> h.hex()).orElse(null));
        List<Map<String, Object>> rewards = new ArrayList<>();
        for (RewardRecord r : node.mesh.rewards(id)) {
            Map<String, Object> reward = new LinkedHashMap<>();
            reward.put("coinbase", node.address(r.coinbase()));
            reward.put("amount", Long.toUnsignedString(r.totalReward()));
            reward.put("layer_reward", Long.toUnsignedString(r.layerReward()));
            rewards.add(reward);
        }
        out.put("rewards", rewards);
        out.put("ballots", node.mesh.ballotsIn(id).size());
        out.put("ballot_ids", node.mesh.ballotsIn(id).stream().map(b -> b.ballot().id().hex()).toList());
        out.put("certified", node.mesh.certificate(id).isPresent());
        return out;
    }

    @Command(name = "account", description = "address, balance, nonce, template.")
    static final class AccountInfo extends InspectTool {
        @Parameters(paramLabel = "ADDRESS", description = "A bech32 address of the network.")
        String address;

        @Override
        protected Map<String, ?> inspect(NodeConfig config, NodeView node) {
            Address a;
            try {
                a = AddressCodec.decode(address, config.network().hrp());
            } catch (AddressException e) {
                throw new ToolException("not an address of this network: " + e.getMessage());
            }
            Account account = node.mesh.account(a).orElse(Account.empty(a));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("address", node.address(a));
            out.put("balance", Long.toUnsignedString(account.balance()));
            out.put("nonce", Long.toUnsignedString(account.nextNonce()));
            out.put("template", account.template().map(node::address).orElse(null));
            out.put("layer", node.mesh.account(a).map(x -> x.layer().value()).orElse(null));
            return out;
        }
    }

    @Command(name = "atx", description = "An ATX as the node stored it.")
    static final class Atx extends InspectTool {
        @Parameters(paramLabel = "ID", description = "32-byte ATX id, hex.")
        String id;

        @Override
        protected Map<String, ?> inspect(NodeConfig config, NodeView node) {
            AtxId atx = AtxId.of(HexArg.exactly("ID", id, AtxId.LENGTH));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("id", atx.hex());
            node.atxs.atx(atx).ifPresentOrElse(a -> {
                out.put("smesher", a.smesher().hex());
                out.put("target_epoch", a.targetEpoch().value());
                out.put("coinbase", node.address(a.coinbase()));
                out.put("weight", Long.toUnsignedString(a.weight()));
                out.put("num_units", a.numUnits());
                out.put("height", Long.toUnsignedString(a.height()));
                out.put("ticks", Long.toUnsignedString(a.height() - a.baseHeight()));
                out.put("received", node.atxs.received(atx).map(Object::toString).orElse(null));
            }, () -> out.put("stored", false));
            return out;
        }
    }

    @Command(name = "ballot", description = "A ballot as the node stored it.")
    static final class BallotInfo extends InspectTool {
        @Parameters(paramLabel = "ID", description = "20-byte ballot id, hex.")
        String id;

        @Override
        protected Map<String, ?> inspect(NodeConfig config, NodeView node) {
            BallotId ballot = BallotId.of(HexArg.exactly("ID", id, BallotId.LENGTH));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("id", ballot.hex());
            node.store.get(MeshTables.BALLOTS, ballot).ifPresentOrElse(r -> {
                Ballot b = r.ballot();
                out.put("layer", b.inner().layer().value());
                out.put("smesher", b.smesherId().hex());
                out.put("atx", b.inner().atxId().hex());
                out.put("reference", b.inner().isReference() ? null : b.inner().refBallot().hex());
                out.put("eligibilities", b.eligibilityProofs().size());
                out.put("opinion", b.inner().opinionHash().hex());
                out.put("base", b.votes().base().hex());
                out.put("support", b.votes().support().stream().map(v -> v.layer().value() + ":" + v.blockId().hex())
                        .toList());
                out.put("against", b.votes().against().stream().map(v -> v.layer().value() + ":" + v.blockId().hex())
                        .toList());
                out.put("abstain", b.votes().abstain().stream().map(LayerId::value).toList());
                out.put("arrival", r.arrival());
                out.put("malicious", r.malicious());
            }, () -> out.put("stored", false));
            return out;
        }
    }

    @Command(name = "block", description = "A block as the node stored it.")
    static final class BlockInfo extends InspectTool {
        @Parameters(paramLabel = "ID", description = "20-byte block id, hex.")
        String id;

        @Override
        protected Map<String, ?> inspect(NodeConfig config, NodeView node) {
            BlockId block = BlockId.of(HexArg.exactly("ID", id, BlockId.LENGTH));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("id", block.hex());
            Optional<Block> stored = node.mesh.block(block);
            stored.ifPresentOrElse(b -> {
                out.put("layer", b.layer().value());
                out.put("tick_height", Long.toUnsignedString(b.inner().tickHeight()));
                out.put("rewards", b.inner().rewards().stream().map(r -> Map.of("atx", r.atxId().hex(), "weight",
                        Long.toUnsignedString(r.num()) + "/" + Long.toUnsignedString(r.denom()))).toList());
                out.put("txs", b.inner().txIds().stream().map(t -> t.hex()).toList());
                out.put("applied", node.mesh.layer(b.layer()).map(a -> a.block().equals(block)).orElse(false));
            }, () -> out.put("stored", false));
            return out;
        }
    }
}
