package io.smnode.node.wallet;

import picocli.CommandLine.Command;

/** A single-signature wallet on the command line; each subcommand prints one JSON object, or {"error"} and exit 2. */
@Command(name = "wallet", description = "A single-signature wallet: keys, addresses, balances, sending through a "
        + "node's API. One JSON object on stdout each; {\"error\": ...} and exit 2 on failure.",
        subcommands = {WalletNewCommand.class, WalletAddressCommand.class, WalletBalanceCommand.class,
                WalletSendCommand.class, WalletTxCommand.class})
public final class WalletCommand {}
