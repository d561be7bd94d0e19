package io.smnode.node.wallet;

import io.smnode.core.util.Hex;
import java.util.LinkedHashMap;
import java.util.Map;
import spacemesh.v2alpha1.TransactionResponse;

/** A transaction the node listed, as the wallet prints it: state, and once executed, its result. */
final class TxJson {
    private TxJson() {}

    static Map<String, Object> of(TransactionResponse r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", Hex.encode(r.getTx().getId().toByteArray()));
        out.put("principal", r.getTx().getPrincipal());
        out.put("nonce", Long.toUnsignedString(r.getTx().getNonce().getCounter()));
        out.put("gas_price", Long.toUnsignedString(r.getTx().getGasPrice()));
        out.put("state", r.getTxState().name().replace("TRANSACTION_STATE_", "").toLowerCase(java.util.Locale.ROOT));
        if (r.hasTxResult()) {
            out.put("status", r.getTxResult().getStatus().name().replace("TRANSACTION_STATUS_", "")
                    .toLowerCase(java.util.Locale.ROOT));
            out.put("message", r.getTxResult().getMessage());
            out.put("layer", Integer.toUnsignedLong(r.getTxResult().getLayer()));
            out.put("block", Hex.encode(r.getTxResult().getBlock().toByteArray()));
            out.put("gas_consumed", Long.toUnsignedString(r.getTxResult().getGasConsumed()));
            out.put("fee", Long.toUnsignedString(r.getTxResult().getFee()));
        }
        return out;
    }
}
