package io.smnode.node.p2p;

import picocli.CommandLine.Command;

/** {@code smnode p2p}: the libp2p wire from the command line, for operators and tests. */
@Command(name = "p2p", description = "The libp2p wire: probe a peer, run a bare gossip host, benchmark gossip ingestion.",
        subcommands = {P2pProbeCommand.class, P2pServeCommand.class, P2pBenchCommand.class})
public final class P2pCommand {}
