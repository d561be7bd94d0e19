package io.smnode.node.tools;

import io.smnode.core.address.AddressCodec;
import io.smnode.core.address.AddressException;
import io.smnode.core.types.Address;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "address-decode", description = "Decode a bech32 address of a network: {\"hrp\", \"bytes\"}.")
public final class AddressDecodeTool extends Tool {
    @Option(names = "--address", required = true, paramLabel = "TEXT", description = "The address, e.g. sm1qqqq...")
    String address;

    @Option(names = "--hrp", required = true, paramLabel = "HRP", description = "The network the address must belong to.")
    String hrp;

    @Override
    protected Map<String, ?> run() {
        Address decoded;
        try {
            decoded = AddressCodec.decode(address, hrp);
        } catch (AddressException e) {
            throw new ToolException(e.getMessage());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("hrp", hrp);
        out.put("bytes", decoded.hex());
        return out;
    }
}
