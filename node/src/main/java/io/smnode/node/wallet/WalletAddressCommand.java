package io.smnode.node.wallet;

import io.smnode.core.address.AddressCodec;
import io.smnode.core.address.Principal;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.types.Bytes;
import io.smnode.node.tools.Tool;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "address", description = "The wallet address of a key file: {\"address\", \"public_key\"}.")
public final class WalletAddressCommand extends Tool {
    @Option(names = "--key", required = true, paramLabel = "KEYFILE")
    Path key;

    @Option(names = "--hrp", defaultValue = "sm", paramLabel = "HRP", description = "Network prefix (default: "
            + "${DEFAULT-VALUE}).")
    String hrp;

    @Override
    protected Map<String, ?> run() {
        EdSigner signer = WalletKeys.load(key, Bytes.EMPTY);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("address", AddressCodec.encode(Principal.wallet(signer.nodeId()), hrp));
        result.put("public_key", signer.nodeId().hex());
        return result;
    }
}
