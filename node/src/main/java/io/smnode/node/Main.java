package io.smnode.node;

import io.smnode.node.cli.SmnodeCommand;
import picocli.CommandLine;

/** Entry point of the smnode executable. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(SmnodeCommand.commandLine().execute(args));
    }
}
