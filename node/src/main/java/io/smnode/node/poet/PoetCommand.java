package io.smnode.node.poet;

import picocli.CommandLine.Command;

/** {@code smnode poet}: a standalone PoET server that nodes reach over HTTP. */
@Command(name = "poet", description = "Proof of elapsed time server.", subcommands = {PoetRunCommand.class})
public final class PoetCommand {}
