package io.smnode.node.wallet;

import io.smnode.node.tools.Tool;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import spacemesh.v2alpha1.Account;

@Command(name = "balance", description = "An account's balance and nonce at a node: {\"address\", \"balance\", "
        + "\"nonce\", \"projected_balance\", \"projected_nonce\", \"layer\", \"template\"} (amounts in smidge).")
public final class WalletBalanceCommand extends Tool {
    @Option(names = "--address", required = true, paramLabel = "ADDRESS")
    String address;

    @Option(names = "--node", required = true, paramLabel = "HOST:PORT", description = "The node's public API.")
    String node;

    @Override
    protected Map<String, ?> run() {
        try (NodeClient client = new NodeClient(node)) {
            Account a = client.account(address);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("address", a.getAddress());
            result.put("balance", Long.toUnsignedString(a.getCurrent().getBalance()));
            result.put("nonce", Long.toUnsignedString(a.getCurrent().getCounter()));
            result.put("projected_balance", Long.toUnsignedString(a.getProjected().getBalance()));
            result.put("projected_nonce", Long.toUnsignedString(a.getProjected().getCounter()));
            result.put("layer", Integer.toUnsignedLong(a.getCurrent().getLayer()));
            result.put("template", a.getTemplate());
            return result;
        }
    }
}
