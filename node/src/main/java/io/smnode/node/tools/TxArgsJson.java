package io.smnode.node.tools;

import io.smnode.core.address.AddressCodec;
import io.smnode.core.types.Address;
import io.smnode.vm.template.DrainVaultArgs;
import io.smnode.vm.template.MethodArgs;
import io.smnode.vm.template.MultisigState;
import io.smnode.vm.template.SpendArgs;
import io.smnode.vm.template.VaultState;
import io.smnode.vm.template.WalletState;
import java.util.LinkedHashMap;
import java.util.Map;

/** A transaction's decoded arguments as JSON fields: addresses in bech32, keys in hex, amounts in smidge. */
final class TxArgsJson {
    private TxArgsJson() {}

    static Map<String, Object> of(MethodArgs args, String hrp) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (args instanceof WalletState w) {
            out.put("public_key", w.publicKey().hex());
        } else if (args instanceof MultisigState m) {
            out.put("required", m.required());
            out.put("public_keys", m.publicKeys().stream().map(k -> k.hex()).toList());
        } else if (args instanceof VaultState v) {
            out.put("owner", address(v.owner(), hrp));
            out.put("total_amount", Long.toUnsignedString(v.totalAmount()));
            out.put("initial_unlock_amount", Long.toUnsignedString(v.initialUnlockAmount()));
            out.put("vesting_start", v.vestingStart());
            out.put("vesting_end", v.vestingEnd());
        } else if (args instanceof SpendArgs s) {
            out.put("destination", address(s.destination(), hrp));
            out.put("amount", Long.toUnsignedString(s.amount()));
        } else if (args instanceof DrainVaultArgs d) {
            out.put("vault", address(d.vault(), hrp));
            out.put("destination", address(d.spend().destination(), hrp));
            out.put("amount", Long.toUnsignedString(d.spend().amount()));
        }
        return out;
    }

    private static String address(Address a, String hrp) {
        return AddressCodec.encode(a, hrp);
    }
}
