package io.smnode.node.cluster;

import picocli.CommandLine.Command;

/** {@code smnode cluster}: look at a running cluster and measure what clustering buys on this machine. */
@Command(name = "cluster", description = "One logical node on several machines: status, bench.",
        subcommands = {ClusterStatusCommand.class, ClusterBenchCommand.class})
public final class ClusterCommand {}
