package io.smnode.node.p2p;

import io.smnode.node.tools.HexArg;
import io.smnode.node.tools.ToolException;
import io.smnode.p2p.host.HostConfig;
import picocli.CommandLine.Option;

/** The two facts that make a network's Noise prologue: {@code "<hex genesis id>-<effective genesis layer>"}. */
public final class NetworkArgs {
    @Option(names = "--genesis-id", required = true, paramLabel = "HEX",
            description = "The network's 20-byte genesis id (smnode tools genesis prints it).")
    String genesisId;

    @Option(names = "--effective-genesis", required = true, paramLabel = "LAYER",
            description = "The effective genesis layer (2 x layers per epoch - 1, unless restored from a checkpoint).")
    long effectiveGenesis;

    byte[] prologue() {
        byte[] id = HexArg.exactly("--genesis-id", genesisId, 20);
        if (effectiveGenesis < 0 || effectiveGenesis > 0xFFFF_FFFFL) {
            throw new ToolException("--effective-genesis must be a layer number (0 to 4294967295)");
        }
        return HostConfig.prologue(id, effectiveGenesis);
    }
}
