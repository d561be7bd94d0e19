package io.smnode.node.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import io.smnode.node.config.ConfigLoader;
import io.smnode.node.config.PresetLayers;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "config", description = "Inspect the configuration.", subcommands = ConfigCommand.Dump.class)
public final class ConfigCommand {

    @Command(name = "dump", description = "Print the effective smnode configuration after every layer is applied (and validated).")
    public static final class Dump implements Callable<Integer> {
        @Mixin
        ConfigOptions options;

        @Option(names = "--origins", description = "Comment each value with where it came from.")
        boolean origins;

        @Option(names = "--json", description = "Print JSON instead of HOCON.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Config merged = new ConfigLoader(PresetLayers::of).merged(options.sources(System.getenv()));
            io.smnode.node.config.NodeConfig.from(merged);
            ConfigRenderOptions render = ConfigRenderOptions.defaults()
                    .setOriginComments(origins && !json).setComments(false).setJson(json).setFormatted(true);
            spec.commandLine().getOut().println(merged.getConfig("smnode").atKey("smnode").root().render(render));
            return 0;
        }
    }
}
