package io.smnode.node.tools;

import io.smnode.core.types.Hash32;
import io.smnode.core.types.NodeId;
import io.smnode.core.util.Hex;
import io.smnode.post.k2pow.K2PowInput;
import io.smnode.post.k2pow.RandomX;
import io.smnode.post.k2pow.RandomXMode;
import io.smnode.post.k2pow.RandomXVm;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "k2pow-hash", description = "The RandomX hash of one k2pow attempt (light mode): {\"hash\": hex}.")
public final class K2PowHashTool extends Tool {
    @Option(names = "--node-id", required = true, paramLabel = "HEX", description = "32-byte node id.")
    String nodeId;

    @Option(names = "--challenge", required = true, paramLabel = "HEX",
            description = "The 8 challenge bytes k2pow hashes, or a 32-byte challenge (its first 8 bytes are used).")
    String challenge;

    @Option(names = "--group", required = true, paramLabel = "G", description = "Nonce group, 0..255.")
    int group;

    @Option(names = "--pow", required = true, paramLabel = "P", description = "The pow value, below 2^56.")
    String pow;

    @Override
    protected Map<String, ?> run() {
        NodeId node = NodeId.of(HexArg.exactly("--node-id", nodeId, NodeId.LENGTH));
        byte[] c = HexArg.any("--challenge", challenge);
        if (c.length != 8 && c.length != 32) {
            throw new ToolException("--challenge must be 8 or 32 bytes, got " + c.length);
        }
        byte[] full = new byte[32];
        System.arraycopy(c, 0, full, 0, Math.min(8, c.length));
        if (group < 0 || group > 255) {
            throw new ToolException("--group must be 0..255, got " + group);
        }
        long p;
        try {
            p = Long.parseUnsignedLong(pow.trim());
        } catch (NumberFormatException e) {
            throw new ToolException("--pow must be an unsigned integer, got '" + pow + "'");
        }
        if (Long.compareUnsigned(p, K2PowInput.POW_LIMIT) >= 0) {
            throw new ToolException("--pow must be below 2^56, got " + Long.toUnsignedString(p));
        }
        byte[] input = K2PowInput.of(p, group, Hash32.of(full), node);
        try (RandomX randomX = RandomX.forSpacemesh(RandomXMode.LIGHT, 1); RandomXVm vm = randomX.newVm()) {
            return Map.of("hash", Hex.encode(vm.hash(input)));
        }
    }
}
