package io.smnode.node.tools;

import io.smnode.core.address.AddressCodec;
import io.smnode.core.types.Address;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.LayerId;
import io.smnode.vm.state.Account;
import io.smnode.vm.template.Methods;
import io.smnode.vm.template.TemplateKind;
import io.smnode.vm.template.WalletState;
import io.smnode.vm.tx.InvalidTxException;
import io.smnode.vm.tx.ParsedTx;
import io.smnode.vm.tx.TxParser;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "tx-decode", description = "Decode a signed transaction: {\"id\", \"principal\", \"template\", "
        + "\"method\", \"nonce\", \"gas_price\", \"max_gas\", \"args\"}. Offline, a spend's principal is taken for a "
        + "single-sig wallet (a spawn names its template itself).")
public final class TxDecodeTool extends Tool {
    @Option(names = "--hex", required = true, paramLabel = "HEX", description = "The signed transaction's bytes.")
    String hex;

    @Option(names = "--hrp", defaultValue = "sm", paramLabel = "HRP", description = "Network prefix for addresses "
            + "(default: ${DEFAULT-VALUE}).")
    String hrp;

    @Override
    protected Map<String, ?> run() {
        if (hrp.isEmpty()) {
            throw new ToolException("--hrp must not be empty");
        }
        byte[] raw = HexArg.any("--hex", hex);
        ParsedTx tx;
        try {
            tx = TxParser.parse(raw, address -> assumedWallet(address, raw));
        } catch (InvalidTxException e) {
            throw new ToolException("not a transaction smnode can decode: " + e.getMessage());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", tx.id().hex());
        out.put("principal", AddressCodec.encode(tx.header().principal(), hrp));
        out.put("template", tx.principalKind().name().toLowerCase(Locale.ROOT));
        out.put("template_address", AddressCodec.encode(tx.header().template(), hrp));
        out.put("method", methodName(tx.header().method()));
        out.put("nonce", Long.toUnsignedString(tx.header().nonce()));
        out.put("gas_price", Long.toUnsignedString(tx.header().gasPrice()));
        out.put("max_gas", Long.toUnsignedString(tx.header().maxGas()));
        out.put("args", TxArgsJson.of(tx.args(), hrp));
        return out;
    }

    /**
     * Offline there are no accounts: a spawn is parsed against an unspawned principal (it names its template); any
     * other method against a wallet (the one template whose spends carry no further state in their gas).
     */
    private static Account assumedWallet(Address address, byte[] raw) {
        boolean spawn = raw.length > 1 + Address.LENGTH && (raw[1 + Address.LENGTH] & 0xff) >> 2 == Methods.SPAWN;
        if (spawn) {
            return Account.empty(address);
        }
        return new Account(LayerId.of(0), address, 0, 0, Optional.of(TemplateKind.WALLET.address()),
                Bytes.of(new WalletState(Hash32.ZERO).encode()));
    }

    private static String methodName(int method) {
        return switch (method) {
            case Methods.SPAWN -> "spawn";
            case Methods.SPEND -> "spend";
            case Methods.DRAIN_VAULT -> "drain_vault";
            default -> String.valueOf(method);
        };
    }

}
