package io.smnode.node.cli;

import io.smnode.actors.faults.FaultPlanException;
import io.smnode.node.bench.BenchCommand;
import io.smnode.node.cluster.ClusterCommand;
import io.smnode.node.config.ConfigException;
import io.smnode.node.datadir.DataDirException;
import io.smnode.node.p2p.P2pCommand;
import io.smnode.node.poet.PoetCommand;
import io.smnode.node.post.PostCommand;
import io.smnode.node.tools.ToolOutput;
import io.smnode.persistence.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine;

@Command(name = "smnode", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = "A Spacemesh full node on Apache Pekko.",
        subcommands = {RunCommand.class, ConfigCommand.class, VersionCommand.class, ToolsCommand.class, PostCommand.class,
                PoetCommand.class, P2pCommand.class, BenchCommand.class, io.smnode.node.localnet.LocalnetCommand.class,
                io.smnode.node.inspect.InspectCommand.class, io.smnode.node.wallet.WalletCommand.class,
                ClusterCommand.class})
public final class SmnodeCommand {
    /** Exit code for a start refused because of the user's input (configuration, data dir). */
    public static final int USAGE_ERROR = 2;

    /** The command line with the error handling every command shares: a known problem is one line, not a trace. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new SmnodeCommand());
        CommandLine.IParameterExceptionHandler usage = cl.getParameterExceptionHandler();
        cl.setParameterExceptionHandler((ex, args) -> {
            if (ToolsCommand.speaksJson(ex.getCommandLine())) {
                return ToolOutput.error(ex.getCommandLine().getOut(), ex.getMessage());
            }
            return usage.handleParseException(ex, args);
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ToolsCommand.speaksJson(commandLine)) {
                // A tool must keep its JSON contract even for a failure nobody foresaw.
                return ToolOutput.error(commandLine.getOut(), ex.getClass().getSimpleName() + ": " + ex.getMessage());
            }
            if (ex instanceof ConfigException || ex instanceof DataDirException || ex instanceof StoreException
                    || ex instanceof FaultPlanException) {
                commandLine.getErr().println("smnode: " + ex.getMessage());
                return USAGE_ERROR;
            }
            throw ex;
        });
        return cl;
    }
}
