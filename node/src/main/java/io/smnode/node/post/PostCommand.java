package io.smnode.node.post;

import picocli.CommandLine.Command;

/** {@code smnode post}: initialize, inspect, prove from and verify PoST data; each prints one JSON object on stdout. */
@Command(name = "post", description = "Proof of space-time data: init, status, prove, verify, bench.",
        subcommands = {PostInitCommand.class, PostStatusCommand.class, PostProveCommand.class, PostVerifyCommand.class,
                PostBenchCommand.class})
public final class PostCommand {}
