package io.smnode.node.localnet;

import picocli.CommandLine.Command;

/** {@code smnode localnet}: several node processes on loopback forming one devnet. */
@Command(name = "localnet", description = "Run a network of node processes on loopback: up, add, start, status, down.",
        subcommands = {LocalnetUp.class, LocalnetAdd.class, LocalnetStart.class, LocalnetStatus.class, LocalnetDown.class})
public final class LocalnetCommand {}
