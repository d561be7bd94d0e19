package io.smnode.api.status;

import io.smnode.activation.AtxHeader;
import io.smnode.actors.post.PostServiceActor;
import io.smnode.actors.post.PostSupervisor;
import io.smnode.api.ComponentLookup;
import io.smnode.api.NodeView;
import io.smnode.api.grpc.Paging;
import io.smnode.api.v2alpha1.AtxQuery;
import io.smnode.core.types.LayerId;
import io.smnode.mesh.block.AppliedLayer;
import io.smnode.vm.RewardRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What the status page shows, read at the moment it asks: the clock, sync and peers, the PoST component's state, the
 * node's own ATXs, the last applied layers with their blocks and rewards, and the coinbase's balance. A part the node
 * does not run yet is null or empty, and appears once its data exist.
 */
final class StatusSnapshot {
    /** Layers and ATXs shown: the most recent ones. */
    static final int RECENT = 10;

    private final NodeView node;
    private final ComponentLookup lookup;

    StatusSnapshot(NodeView node, ComponentLookup lookup) {
        this.node = node;
        this.lookup = lookup;
    }

    CompletionStage<Map<String, Object>> read() {
        return post().thenApply(post -> {
            Map<String, Object> s = new LinkedHashMap<>();
            LayerId layer = node.currentLayer();
            s.put("version", node.version());
            s.put("hrp", node.hrp());
            s.put("genesis_time", node.genesis().genesisTime().toString());
            s.put("layer_duration_s", node.layers().layerDuration().toSeconds());
            s.put("layers_per_epoch", node.layers().layersPerEpoch());
            s.put("layer", layer.value());
            s.put("epoch", node.layers().epochOf(layer).value());
            s.put("sync", node.status().syncState().name().toLowerCase(Locale.ROOT));
            s.put("peers", node.status().connectedPeers());
            s.put("applied_layer", node.mesh().lastApplied().map(LayerId::value).orElse(null));
            s.put("identity", node.identity().map(id -> id.hex()).orElse(null));
            s.put("post", post.orElse(null));
            s.put("atxs", atxs());
            s.put("layers", layers());
            s.put("coinbase", node.coinbase().map(c -> {
                Map<String, Object> cb = new LinkedHashMap<>();
                cb.put("address", node.bech32(c));
                cb.put("balance", node.mesh().account(c).map(a -> Long.toUnsignedString(a.balance())).orElse("0"));
                return cb;
            }).orElse(null));
            return s;
        });
    }

    private CompletionStage<Optional<Map<String, Object>>> post() {
        if (node.post().isEmpty()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        long total = node.post().get().numUnits() * node.params().post().labelsPerUnit();
        return lookup.find(PostServiceActor.KEY).thenCompose(ref -> ref
                .map(p -> lookup.<PostServiceActor.Command, PostSupervisor.Status>ask(p,
                        PostServiceActor.GetStatus::new).thenApply(st -> Optional.of(post(st, total))))
                .orElseGet(() -> CompletableFuture.completedFuture(Optional.of(Map.of("state", "not started",
                        "labels_written", 0L, "labels_total", total)))))
                .exceptionally(t -> Optional.of(Map.of("state", "unknown", "labels_written", 0L,
                        "labels_total", total)));
    }

    private static Map<String, Object> post(PostSupervisor.Status st, long total) {
        long written = st.state() == PostSupervisor.Status.State.COMPLETED ? total
                : st.progress().map(p -> p.labelsDone()).orElse(0L);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("state", st.state().name().toLowerCase(Locale.ROOT));
        p.put("labels_written", written);
        p.put("labels_total", total);
        p.put("labels_per_second", st.progress().map(x -> x.labelsPerSecond()).orElse(0.0));
        return p;
    }

    private List<Map<String, Object>> atxs() {
        if (node.identity().isEmpty()) {
            return List.of();
        }
        List<AtxHeader> mine = new AtxQuery(0, 0, Set.of(), Set.of(node.identity().get()), Optional.empty())
                .run(node.store(), Paging.of(0, Paging.MAX_LIMIT));
        List<Map<String, Object>> out = new ArrayList<>();
        for (AtxHeader h : mine.subList(Math.max(0, mine.size() - RECENT), mine.size())) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("id", h.id().hex());
            a.put("publish_epoch", h.publishEpoch().value());
            a.put("weight", Long.toUnsignedString(h.weight()));
            a.put("height", Long.toUnsignedString(h.tickHeight()));
            a.put("num_units", h.numUnits());
            out.add(0, a); // newest first
        }
        return out;
    }

    private List<Map<String, Object>> layers() {
        List<Map<String, Object>> out = new ArrayList<>();
        node.mesh().lastApplied().ifPresent(last -> {
            for (long l = last.value(); l >= 0 && out.size() < RECENT; l--) {
                node.mesh().layer(LayerId.of(l)).ifPresent(a -> out.add(layer(a)));
            }
        });
        return out;
    }

    private Map<String, Object> layer(AppliedLayer a) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("number", a.layer().value());
        l.put("status", a.verified() ? "verified" : "applied");
        l.put("block", a.block().hex());
        l.put("state_hash", a.stateHash().hex());
        List<Map<String, Object>> rewards = new ArrayList<>();
        for (RewardRecord r : node.mesh().rewards(a.layer())) {
            Map<String, Object> reward = new LinkedHashMap<>();
            reward.put("coinbase", node.bech32(r.coinbase()));
            reward.put("smesher", r.smesher().hex());
            reward.put("total", Long.toUnsignedString(r.totalReward()));
            rewards.add(reward);
        }
        l.put("rewards", rewards);
        return l;
    }
}
