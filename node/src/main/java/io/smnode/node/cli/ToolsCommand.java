package io.smnode.node.cli;

import io.smnode.node.tools.AddressDecodeTool;
import io.smnode.node.tools.AddressTool;
import io.smnode.node.tools.CommitmentTool;
import io.smnode.node.tools.K2PowHashTool;
import io.smnode.node.tools.ScryptLabelTool;
import io.smnode.node.tools.Blake3Tool;
import io.smnode.node.tools.GenesisTool;
import io.smnode.node.tools.ScaleDecodeTool;
import io.smnode.node.tools.SignVerifyTool;
import io.smnode.node.tools.VrfVerifyTool;
import picocli.CommandLine.Command;

/** Protocol primitives on the command line: each prints one JSON object (exit 0) or {"error": ...} (exit 2). */
@Command(name = "tools", description = "Protocol primitives as JSON-printing commands (for scripts and external checks).",
        subcommands = {Blake3Tool.class, AddressTool.class, AddressDecodeTool.class, VrfVerifyTool.class,
                SignVerifyTool.class, GenesisTool.class, ScaleDecodeTool.class, ScryptLabelTool.class, CommitmentTool.class,
                K2PowHashTool.class})
public final class ToolsCommand {
    /**
     * Is this command under {@code tools}, {@code post}, {@code p2p} or {@code inspect}? Those print JSON, usage
     * errors included.
     */
    static boolean speaksJson(picocli.CommandLine cl) {
        for (picocli.CommandLine c = cl; c != null; c = c.getParent()) {
            if (c.getCommand() instanceof ToolsCommand || c.getCommand() instanceof io.smnode.node.post.PostCommand
                    || c.getCommand() instanceof io.smnode.node.p2p.P2pCommand
                    || c.getCommand() instanceof io.smnode.node.bench.BenchCommand
                    || c.getCommand() instanceof io.smnode.node.inspect.InspectCommand) {
                return true;
            }
        }
        return false;
    }
}
