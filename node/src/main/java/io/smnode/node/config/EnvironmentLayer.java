package io.smnode.node.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Maps {@code SMNODE_*} environment variables onto known keys: {@code SMNODE_METRICS_PORT} sets
 * {@code smnode.metrics.port}, {@code SMNODE_DATA_DIR} sets {@code smnode.data-dir}. Dots and dashes both become
 * underscores, so the variable name is found by normalising every known key the same way; a variable that
 * matches no key fails the start instead of being silently ignored (a typo would otherwise go unnoticed).
 */
final class EnvironmentLayer {
    static final String PREFIX = "SMNODE_";

    private EnvironmentLayer() {}

    static Config from(Map<String, String> environment, Config reference) {
        Map<String, String> keyByVariable = variableNames(reference);
        Config layer = ConfigFactory.empty();
        for (Map.Entry<String, String> e : new TreeMap<>(environment).entrySet()) {
            if (!e.getKey().startsWith(PREFIX)) {
                continue;
            }
            String key = keyByVariable.get(e.getKey());
            if (key == null) {
                throw new ConfigException("environment variable " + e.getKey() + " matches no configuration key (known: "
                        + String.join(", ", keyByVariable.keySet()) + ").");
            }
            layer = layer.withValue(key, ConfigValueFactory.fromAnyRef(e.getValue(), "environment variable " + e.getKey()));
        }
        return layer;
    }

    /** The SMNODE_* variable name of each leaf key under {@code smnode}, sorted by variable name. */
    static Map<String, String> variableNames(Config reference) {
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, ?> leaf : reference.getConfig(ConfigLoader.ROOT).entrySet()) {
            String key = leaf.getKey();
            String variable = PREFIX + key.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
            String previous = out.put(variable, ConfigLoader.ROOT + "." + key);
            if (previous != null) {
                throw new IllegalStateException("two keys map to " + variable + ": " + previous + " and " + key);
            }
        }
        return out;
    }
}
