package io.smnode.node.tools;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of every {@code smnode tools} command: subclasses compute a result map or throw {@link ToolException}; this
 * class turns either into the JSON contract, so no tool can print anything else on stdout.
 */
public abstract class Tool implements Callable<Integer> {
    @Spec
    protected CommandSpec spec;

    protected abstract Map<String, ?> run();

    @Override
    public final Integer call() {
        try {
            return ToolOutput.print(spec.commandLine().getOut(), run());
        } catch (ToolException e) {
            return ToolOutput.error(spec.commandLine().getOut(), e.getMessage());
        }
    }
}
