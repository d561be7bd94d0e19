package io.smnode.node.cli;

import io.smnode.node.config.ConfigSources;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options every command that reads the node configuration shares (picocli mixin). */
public final class ConfigOptions {
    @Option(names = "--preset", paramLabel = "NAME", description = "Network preset: mainnet, testnet, standalone, localnet.")
    String preset;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where the node keeps its state (default ~/.smnode/<preset>).")
    Path dataDir;

    @Option(names = "--config", paramLabel = "FILE", description = "A HOCON file with smnode.* (and pekko.*) settings.")
    Path configFile;

    @Option(names = "--cluster-config", paramLabel = "FILE",
            description = "Join a cluster as configured by FILE (one of cluster-config/, e.g. cluster-config/roles/validation.conf).")
    Path clusterConfigFile;

    @Option(names = {"-s", "--set"}, paramLabel = "KEY=VALUE",
            description = "Set any configuration key, e.g. --set metrics.enabled=true (the smnode. prefix is optional).")
    Map<String, String> settings = new LinkedHashMap<>();

    public ConfigSources sources(Map<String, String> environment) {
        Map<String, String> cli = new LinkedHashMap<>(settings);
        if (preset != null) {
            cli.put("smnode.preset", preset);
        }
        if (dataDir != null) {
            cli.put("smnode.data-dir", dataDir.toString());
        }
        return new ConfigSources(cli, environment, Optional.ofNullable(configFile), Optional.ofNullable(clusterConfigFile));
    }
}
