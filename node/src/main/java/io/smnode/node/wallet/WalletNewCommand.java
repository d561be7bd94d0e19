package io.smnode.node.wallet;

import io.smnode.core.address.AddressCodec;
import io.smnode.core.address.Principal;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.types.Bytes;
import io.smnode.node.smeshing.IdentityKey;
import io.smnode.node.tools.Tool;
import io.smnode.node.tools.ToolException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "new", description = "Make a new key file (owner-only): {\"key_file\", \"public_key\", \"address\"}.")
public final class WalletNewCommand extends Tool {
    @Option(names = "--out", required = true, paramLabel = "KEYFILE", description = "Where to write the key; never "
            + "overwritten.")
    Path out;

    @Option(names = "--hrp", defaultValue = "sm", paramLabel = "HRP", description = "Network prefix of the printed "
            + "address (default: ${DEFAULT-VALUE}).")
    String hrp;

    @Override
    protected Map<String, ?> run() {
        if (Files.exists(out)) {
            throw new ToolException(out + " exists; a key file is never overwritten");
        }
        EdSigner key;
        try {
            key = IdentityKey.loadOrCreate(out, Bytes.EMPTY, new SecureRandom());
        } catch (IOException e) {
            throw new ToolException("cannot write " + out + ": " + e.getMessage());
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("key_file", out.toString());
        result.put("public_key", key.nodeId().hex());
        result.put("address", AddressCodec.encode(Principal.wallet(key.nodeId()), hrp));
        return result;
    }
}
