package io.smnode.node.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import com.typesafe.config.ConfigValueType;
import java.nio.file.Files;
import java.util.Map;
import java.util.function.Function;

/**
 * Stacks the configuration layers (CLI flags > SMNODE_* env > --config file > preset > reference.conf), refuses
 * any {@code smnode.*} key that reference.conf does not declare, and hands the merged tree to {@link NodeConfig}
 * for typed reading. Keys outside {@code smnode} (Pekko's) pass through untouched: Pekko checks its own.
 */
public final class ConfigLoader {
    static final String ROOT = "smnode";
    static final String PRESET_KEY = ROOT + ".preset";

    private final Config ourReference;
    private final Function<String, Config> presetLayer;

    /** @param presetLayer the configuration a preset name stands for (keys under smnode.network) */
    public ConfigLoader(Function<String, Config> presetLayer) {
        this.ourReference = ConfigFactory.parseResources(ConfigLoader.class, "/reference.conf");
        this.presetLayer = presetLayer;
    }

    public Config merged(ConfigSources sources) {
        Config cli = cliLayer(sources.cliOverrides());
        Config env = EnvironmentLayer.from(sources.environment(), ourReference);
        Config file = fileLayer("config file", sources.configFile());
        Config cluster = fileLayer("cluster config file", sources.clusterConfigFile());
        Config overrides = cli.withFallback(env).withFallback(file).withFallback(cluster);
        String preset = overrides.hasPath(PRESET_KEY) ? stringAt(overrides, PRESET_KEY) : ourReference.getString(PRESET_KEY);
        Config merged = overrides
                .withFallback(presetLayer.apply(preset))
                .withFallback(ConfigFactory.defaultReference())
                .resolve();
        rejectUnknownKeys(merged);
        return merged;
    }

    public NodeConfig load(ConfigSources sources) {
        return NodeConfig.from(merged(sources));
    }

    private Config cliLayer(Map<String, String> cli) {
        Config layer = ConfigFactory.empty();
        for (Map.Entry<String, String> e : cli.entrySet()) {
            String key = e.getKey().startsWith(ROOT + ".") || e.getKey().startsWith("pekko.") ? e.getKey() : ROOT + "." + e.getKey();
            try {
                layer = layer.withValue(key, ConfigValueFactory.fromAnyRef(e.getValue(), "command line (" + e.getKey() + ")"));
            } catch (com.typesafe.config.ConfigException.BadPath bad) {
                throw new ConfigException("command-line key '" + e.getKey() + "' is not a valid configuration path.");
            }
        }
        return layer;
    }

    /** A HOCON file; its relative includes ({@code include "../common.conf"}) resolve against its own directory. */
    private static Config fileLayer(String what, java.util.Optional<java.nio.file.Path> file) {
        if (file.isEmpty()) {
            return ConfigFactory.empty();
        }
        var path = file.get();
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new ConfigException(what + " " + path + " does not exist or is not readable.");
        }
        try {
            return ConfigFactory.parseFile(path.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
        } catch (com.typesafe.config.ConfigException e) {
            throw new ConfigException(what + " " + path + " is not valid HOCON: " + e.getMessage() + ".", e);
        }
    }

    /** Every smnode.* leaf must be declared in reference.conf, and a section must not be replaced by a value. */
    private void rejectUnknownKeys(Config merged) {
        if (!merged.hasPath(ROOT)) {
            return;
        }
        if (merged.getValue(ROOT).valueType() != ConfigValueType.OBJECT) {
            throw new ConfigException("configuration key smnode must be a section, not a value.");
        }
        for (Map.Entry<String, ConfigValue> leaf : merged.getConfig(ROOT).entrySet()) {
            String key = ROOT + "." + leaf.getKey();
            if (!ourReference.hasPath(key)) {
                String origin = leaf.getValue().origin().description();
                throw new ConfigException("unknown configuration key " + key + " (set by " + origin + ").");
            }
            if (ourReference.getValue(key).valueType() == ConfigValueType.OBJECT) {
                throw new ConfigException("configuration key " + key + " is a section and cannot take a value.");
            }
        }
    }

    private static String stringAt(Config config, String key) {
        try {
            return config.getString(key);
        } catch (com.typesafe.config.ConfigException.WrongType e) {
            throw new ConfigException("configuration key " + key + " must be a preset name.");
        }
    }
}
