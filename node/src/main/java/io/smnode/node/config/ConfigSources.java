package io.smnode.node.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the node reads its configuration from, highest precedence first: CLI flags (already as key → value),
 * the process environment (only {@code SMNODE_*} variables are read), and an optional HOCON file.
 */
public record ConfigSources(Map<String, String> cliOverrides, Map<String, String> environment, Optional<Path> configFile) {
    public ConfigSources {
        cliOverrides = Map.copyOf(cliOverrides);
        environment = Map.copyOf(environment);
    }

    public static ConfigSources none() {
        return new ConfigSources(Map.of(), Map.of(), Optional.empty());
    }
}
