package io.smnode.vm.tx;

import io.smnode.core.codec.CoreCodecs;
import io.smnode.core.codec.ScaleWriter;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.types.Address;
import io.smnode.vm.template.DrainVaultArgs;
import io.smnode.vm.template.MethodArgs;
import io.smnode.vm.template.Methods;
import io.smnode.vm.template.MultisigState;
import io.smnode.vm.template.SpendArgs;
import io.smnode.vm.template.VaultState;
import io.smnode.vm.template.WalletState;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Optional;

/**
 * Builds transactions in the reference SDK's layout (genvm {@code sdk/wallet}, {@code sdk/multisig},
 * {@code sdk/vesting}) and signs them: a single signature for a wallet, {@code {ref, sig}} parts in increasing ref
 * order for a multisig or vesting account. Signatures cover {@code genesisID ‖ unsigned bytes} (the signer's prefix).
 */
public final class TxBuilder {
    /** One signer of a k-of-n account and the index of its key in the account's key list. */
    public record Part(int ref, EdSigner signer) {}

    private TxBuilder() {}

    /** The unsigned transaction; {@code template} is required for a spawn and must be absent otherwise. */
    public static byte[] unsigned(Address principal, int method, Optional<Address> template, long nonce, long gasPrice,
            MethodArgs args) {
        if ((method == Methods.SPAWN) != template.isPresent()) {
            throw new IllegalArgumentException("a template is given exactly for spawns");
        }
        ScaleWriter w = new ScaleWriter();
        w.writeCompactU8(0);
        w.field("Principal", CoreCodecs.ADDRESS, principal);
        w.writeCompactU8(method);
        template.ifPresent(t -> w.field("Template", CoreCodecs.ADDRESS, t));
        w.field("Payload", Payload.CODEC, new Payload(nonce, gasPrice));
        encodeArgs(w, args);
        return w.toByteArray();
    }

    private static void encodeArgs(ScaleWriter w, MethodArgs args) {
        if (args instanceof WalletState a) {
            WalletState.CODEC.encode(w, a);
        } else if (args instanceof MultisigState a) {
            MultisigState.CODEC.encode(w, a);
        } else if (args instanceof VaultState a) {
            VaultState.CODEC.encode(w, a);
        } else if (args instanceof SpendArgs a) {
            SpendArgs.CODEC.encode(w, a);
        } else if (args instanceof DrainVaultArgs a) {
            DrainVaultArgs.CODEC.encode(w, a);
        }
    }

    /** A wallet transaction: the unsigned bytes then one 64-byte signature. */
    public static byte[] signSingle(byte[] unsigned, EdSigner signer) {
        return concat(unsigned, signer.signTransaction(unsigned).toByteArray());
    }

    /** A k-of-n transaction: the unsigned bytes then each part {@code compact ref ‖ signature}, refs increasing. */
    public static byte[] signMulti(byte[] unsigned, List<Part> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(unsigned);
        int last = -1;
        for (Part p : parts) {
            if (p.ref() <= last) {
                throw new IllegalArgumentException("refs must increase");
            }
            last = p.ref();
            ScaleWriter w = new ScaleWriter();
            w.writeCompactU8(p.ref());
            out.writeBytes(w.toByteArray());
            out.writeBytes(p.signer().signTransaction(unsigned).toByteArray());
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
