package io.smnode.node.inspect;

import io.smnode.node.cli.ConfigOptions;
import io.smnode.node.config.ConfigException;
import io.smnode.node.config.ConfigLoader;
import io.smnode.node.config.NodeConfig;
import io.smnode.node.config.PresetLayers;
import io.smnode.node.guardian.NodeSchema;
import io.smnode.node.tools.Tool;
import io.smnode.node.tools.ToolException;
import io.smnode.persistence.LmdbConfig;
import io.smnode.persistence.LmdbStore;
import io.smnode.persistence.StoreException;
import java.util.Map;
import picocli.CommandLine.Mixin;

/**
 * Base of the {@code smnode inspect} commands: the node's configuration (the same options as {@code run}), its
 * store opened read-only — without the data dir's lock, so also while the node runs (LMDB lets readers in other
 * processes see each commit) — and one JSON object out.
 */
abstract class InspectTool extends Tool {
    @Mixin
    ConfigOptions options;

    protected abstract Map<String, ?> inspect(NodeConfig config, NodeView node);

    @Override
    protected final Map<String, ?> run() {
        NodeConfig config;
        try {
            config = new ConfigLoader(PresetLayers::of).load(options.sources(System.getenv()));
        } catch (ConfigException e) {
            throw new ToolException(e.getMessage());
        }
        try (LmdbStore store = LmdbStore.openReadOnly(LmdbConfig.of(config.dataDir().resolve("state")),
                NodeSchema.SCHEMA)) {
            return inspect(config, new NodeView(config, store));
        } catch (StoreException e) {
            throw new ToolException(e.getMessage());
        }
    }
}
