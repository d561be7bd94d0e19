package io.smnode.node.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the node reads its configuration from, highest precedence first: CLI flags (already as key → value),
 * the process environment (only {@code SMNODE_*} variables are read), an optional HOCON file, and an optional cluster
 * configuration file (one of cluster-config/, below the other file so that it can be adjusted per machine).
 */
public record ConfigSources(Map<String, String> cliOverrides, Map<String, String> environment, Optional<Path> configFile,
                            Optional<Path> clusterConfigFile) {
    public ConfigSources {
        cliOverrides = Map.copyOf(cliOverrides);
        environment = Map.copyOf(environment);
    }

    /** Sources without a cluster configuration. */
    public ConfigSources(Map<String, String> cliOverrides, Map<String, String> environment, Optional<Path> configFile) {
        this(cliOverrides, environment, configFile, Optional.empty());
    }

    public static ConfigSources none() {
        return new ConfigSources(Map.of(), Map.of(), Optional.empty());
    }
}
