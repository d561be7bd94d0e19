package io.smnode.node.wallet;

import io.smnode.core.address.AddressCodec;
import io.smnode.core.address.AddressException;
import io.smnode.core.address.Principal;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.types.Address;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.TxId;
import io.smnode.node.tools.Tool;
import io.smnode.node.tools.ToolException;
import io.smnode.vm.template.Methods;
import io.smnode.vm.template.SpendArgs;
import io.smnode.vm.template.TemplateKind;
import io.smnode.vm.template.WalletState;
import io.smnode.vm.tx.TxBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import spacemesh.v2alpha1.Account;
import spacemesh.v2alpha1.NetworkInfoResponse;
import spacemesh.v2alpha1.TransactionResponse;
import spacemesh.v2alpha1.TransactionResult;
import spacemesh.v2alpha1.TransactionState;

@Command(name = "send", description = "Send SMIDGE from the key's wallet (spawning it first when it is not yet "
        + "and waiting for the spawn's receipt), "
        + "signed for the node's network, and wait for the receipt: the transaction as `wallet tx` prints it, "
        + "plus {\"to\", \"amount\", \"spawned\"} and the spawn's transaction as \"spawn\" when there was one.")
public final class WalletSendCommand extends Tool {
    /** How often the node is asked whether the transaction was executed. */
    private static final Duration POLL = Duration.ofSeconds(1);

    @Option(names = "--key", required = true, paramLabel = "KEYFILE")
    Path key;

    @Option(names = "--to", required = true, paramLabel = "ADDRESS")
    String to;

    @Option(names = "--amount", required = true, paramLabel = "SMIDGE")
    long amount;

    @Option(names = "--fee", defaultValue = "1", paramLabel = "GAS_PRICE", description = "Smidge per unit of gas "
            + "(default: ${DEFAULT-VALUE}).")
    long gasPrice;

    @Option(names = "--node", required = true, paramLabel = "HOST:PORT", description = "The node's public API.")
    String node;

    @Option(names = "--wait", defaultValue = "10m", paramLabel = "DURATION", description = "How long to wait for the "
            + "receipt (default: ${DEFAULT-VALUE}).", converter = io.smnode.node.poet.DurationConverter.class)
    Duration wait;

    @Override
    protected Map<String, ?> run() {
        if (amount <= 0 || gasPrice <= 0) {
            throw new ToolException("--amount and --fee must be positive");
        }
        try (NodeClient client = new NodeClient(node)) {
            NetworkInfoResponse network = client.networkInfo();
            Address destination;
            try {
                destination = AddressCodec.decode(to, network.getHrp());
            } catch (AddressException e) {
                throw new ToolException("--to: " + e.getMessage());
            }
            EdSigner signer = WalletKeys.load(key, Bytes.of(network.getGenesisId().toByteArray()));
            Address principal = Principal.wallet(signer.nodeId());
            Account account = client.account(AddressCodec.encode(principal, network.getHrp()));
            long nonce = account.getProjected().getCounter();
            boolean spawn = account.getTemplate().isEmpty();
            Optional<TransactionResponse> spawnReceipt = Optional.empty();
            if (spawn) {
                // A node parses a spend against its applied state, where an unspawned principal has no template:
                // the spend can only be submitted once the spawn is executed.
                TxId spawned = client.submit(Bytes.of(TxBuilder.signSingle(TxBuilder.unsigned(principal,
                        Methods.SPAWN, Optional.of(TemplateKind.WALLET.address()), nonce++, gasPrice,
                        new WalletState(Hash32.of(signer.nodeId().toByteArray()))), signer)));
                TransactionResponse receipt = awaitReceipt(client, spawned);
                if (receipt.getTxResult().getStatus() != TransactionResult.Status.TRANSACTION_STATUS_SUCCESS) {
                    throw new ToolException("the spawn of " + AddressCodec.encode(principal, network.getHrp())
                            + " failed: " + receipt.getTxResult().getMessage());
                }
                spawnReceipt = Optional.of(receipt);
            }
            TxId id = client.submit(Bytes.of(TxBuilder.signSingle(TxBuilder.unsigned(principal, Methods.SPEND,
                    Optional.empty(), nonce, gasPrice, new SpendArgs(destination, amount)), signer)));
            Map<String, Object> result = new LinkedHashMap<>(TxJson.of(awaitReceipt(client, id)));
            result.put("to", AddressCodec.encode(destination, network.getHrp()));
            result.put("amount", Long.toUnsignedString(amount));
            result.put("spawned", spawn);
            spawnReceipt.ifPresent(r -> result.put("spawn", TxJson.of(r)));
            return result;
        }
    }

    private TransactionResponse awaitReceipt(NodeClient client, TxId id) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            Optional<TransactionResponse> tx = client.transaction(id);
            if (tx.isPresent() && tx.get().getTxState() == TransactionState.TRANSACTION_STATE_PROCESSED) {
                return tx.get();
            }
            if (System.nanoTime() > deadline) {
                throw new ToolException("transaction " + id.hex() + " was submitted but not executed within " + wait
                        + "; see `smnode wallet tx --id " + id.hex() + "`");
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ToolException("interrupted while waiting for " + id.hex());
            }
        }
    }
}
