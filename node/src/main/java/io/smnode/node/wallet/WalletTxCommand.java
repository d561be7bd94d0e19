package io.smnode.node.wallet;

import io.smnode.core.types.TxId;
import io.smnode.node.tools.HexArg;
import io.smnode.node.tools.Tool;
import io.smnode.node.tools.ToolException;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "tx", description = "A transaction at a node: {\"id\", \"principal\", \"nonce\", \"gas_price\", "
        + "\"state\"} and, once executed, {\"status\", \"message\", \"layer\", \"block\", \"gas_consumed\", \"fee\"}.")
public final class WalletTxCommand extends Tool {
    @Option(names = "--id", required = true, paramLabel = "HEX", description = "The transaction id (32 bytes).")
    String id;

    @Option(names = "--node", required = true, paramLabel = "HOST:PORT", description = "The node's public API.")
    String node;

    @Override
    protected Map<String, ?> run() {
        TxId tx = TxId.of(HexArg.exactly("--id", id, TxId.LENGTH));
        try (NodeClient client = new NodeClient(node)) {
            return TxJson.of(client.transaction(tx)
                    .orElseThrow(() -> new ToolException("node " + node + " knows no transaction " + tx.hex())));
        }
    }
}
