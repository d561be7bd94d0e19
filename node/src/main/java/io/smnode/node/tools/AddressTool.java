package io.smnode.node.tools;

import io.smnode.core.address.AddressCodec;
import io.smnode.core.address.Principal;
import io.smnode.core.types.NodeId;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "address", description = "The single-sig wallet address of a public key: {\"address\": \"sm1...\"}.")
public final class AddressTool extends Tool {
    @Option(names = "--pubkey", required = true, paramLabel = "HEX", description = "32-byte Ed25519 public key.")
    String pubkey;

    @Option(names = "--hrp", defaultValue = "sm", paramLabel = "HRP", description = "Network prefix (default: ${DEFAULT-VALUE}).")
    String hrp;

    @Override
    protected Map<String, ?> run() {
        if (hrp.isEmpty()) {
            throw new ToolException("--hrp must not be empty");
        }
        NodeId key = NodeId.of(HexArg.exactly("--pubkey", pubkey, NodeId.LENGTH));
        return Map.of("address", AddressCodec.encode(Principal.wallet(key), hrp));
    }
}
