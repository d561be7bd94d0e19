package io.smnode.api.v2alpha1;

import com.google.protobuf.ByteString;
import io.smnode.api.NodeView;
import io.smnode.core.types.Bytes;
import io.smnode.vm.template.DrainVaultArgs;
import io.smnode.vm.template.Methods;
import io.smnode.vm.template.MultisigState;
import io.smnode.vm.template.SpendArgs;
import io.smnode.vm.template.TemplateKind;
import io.smnode.vm.template.VaultState;
import io.smnode.vm.template.WalletState;
import io.smnode.vm.tx.ParsedTx;
import io.smnode.vm.tx.TxHeader;
import java.util.ArrayList;
import java.util.List;
import spacemesh.v2alpha1.ContentsDrainVault;
import spacemesh.v2alpha1.ContentsMultiSigSpawn;
import spacemesh.v2alpha1.ContentsSend;
import spacemesh.v2alpha1.ContentsSingleSigSpawn;
import spacemesh.v2alpha1.ContentsVaultSpawn;
import spacemesh.v2alpha1.Nonce;
import spacemesh.v2alpha1.Transaction;
import spacemesh.v2alpha1.TransactionContents;

/** A parsed transaction as the reference's v2alpha1 Transaction: header fields, type and decoded contents. */
final class TxProtos {
    /** A signature is 64 bytes: more after the arguments means several signers (the reference's test). */
    private static final int SIGNATURE_BYTES = 64;

    private TxProtos() {}

    /** Only the id and the bytes, for a transaction the current state cannot parse. */
    static Transaction raw(io.smnode.core.types.TxId id, Bytes raw) {
        return Transaction.newBuilder().setId(ByteString.copyFrom(id.toByteArray()))
                .setRaw(ByteString.copyFrom(raw.toByteArray())).build();
    }

    static Transaction of(ParsedTx tx, NodeView node) {
        TxHeader h = tx.header();
        Transaction.Builder b = raw(tx.id(), tx.raw()).toBuilder()
                .setPrincipal(node.bech32(h.principal())).setTemplate(node.bech32(h.template()))
                .setMethod(h.method()).setNonce(Nonce.newBuilder().setCounter(h.nonce()))
                .setMaxGas(h.maxGas()).setGasPrice(h.gasPrice()).setMaxSpend(h.maxSpend());
        TransactionContents.Builder contents = TransactionContents.newBuilder();
        if (h.method() == Methods.SPAWN) {
            TemplateKind target = TemplateKind.of(h.template()).orElseThrow();
            switch (target) {
                case WALLET -> {
                    contents.setSingleSigSpawn(ContentsSingleSigSpawn.newBuilder()
                            .setPubkey(((WalletState) tx.args()).publicKey().hex()));
                    b.setType(Transaction.TransactionType.TRANSACTION_TYPE_SINGLE_SIG_SPAWN);
                }
                case MULTISIG -> {
                    contents.setMultiSigSpawn(multi((MultisigState) tx.args()));
                    b.setType(Transaction.TransactionType.TRANSACTION_TYPE_MULTI_SIG_SPAWN);
                }
                case VESTING -> {
                    contents.setVestingSpawn(multi((MultisigState) tx.args()));
                    b.setType(Transaction.TransactionType.TRANSACTION_TYPE_VESTING_SPAWN);
                }
                case VAULT -> {
                    VaultState v = (VaultState) tx.args();
                    contents.setVaultSpawn(ContentsVaultSpawn.newBuilder().setOwner(node.bech32(v.owner()))
                            .setTotalAmount(v.totalAmount()).setInitialUnlockAmount(v.initialUnlockAmount())
                            .setVestingStart((int) v.vestingStart()).setVestingEnd((int) v.vestingEnd()));
                    b.setType(Transaction.TransactionType.TRANSACTION_TYPE_VAULT_SPAWN);
                }
            }
        } else if (tx.args() instanceof SpendArgs s) {
            contents.setSend(ContentsSend.newBuilder().setDestination(node.bech32(s.destination()))
                    .setAmount(s.amount()));
            b.setType(tx.raw().length() - tx.signatureOffset() > SIGNATURE_BYTES
                    ? Transaction.TransactionType.TRANSACTION_TYPE_MULTI_SIG_SEND
                    : Transaction.TransactionType.TRANSACTION_TYPE_SINGLE_SIG_SEND);
        } else if (tx.args() instanceof DrainVaultArgs d) {
            contents.setDrainVault(ContentsDrainVault.newBuilder().setVault(node.bech32(d.vault()))
                    .setDestination(node.bech32(d.spend().destination())).setAmount(d.spend().amount()));
            b.setType(Transaction.TransactionType.TRANSACTION_TYPE_DRAIN_VAULT);
        }
        return b.setContents(contents).build();
    }

    /** The addresses a transaction touches: its principal and where it sends (what an address filter matches). */
    static List<io.smnode.core.types.Address> touched(ParsedTx tx) {
        List<io.smnode.core.types.Address> out = new ArrayList<>();
        out.add(tx.header().principal());
        if (tx.args() instanceof SpendArgs s) {
            out.add(s.destination());
        } else if (tx.args() instanceof DrainVaultArgs d) {
            out.add(d.vault());
            out.add(d.spend().destination());
        }
        return out;
    }

    private static ContentsMultiSigSpawn multi(MultisigState m) {
        ContentsMultiSigSpawn.Builder b = ContentsMultiSigSpawn.newBuilder().setRequired(m.required());
        m.publicKeys().forEach(k -> b.addPubkey(k.hex()));
        return b.build();
    }
}
