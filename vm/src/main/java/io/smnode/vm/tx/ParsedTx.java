package io.smnode.vm.tx;

import io.smnode.core.types.Bytes;
import io.smnode.core.types.TxId;
import io.smnode.vm.state.Account;
import io.smnode.vm.template.MethodArgs;
import io.smnode.vm.template.TemplateKind;
import io.smnode.vm.template.TemplateState;
import java.util.Objects;

/**
 * A transaction parsed against the principal's current account.
 *
 * @param principalKind the template whose rules verify and execute it (the principal's, or the spawned one for a
 *     self-spawn of an unspawned account)
 * @param principalState that template's state (for a self-spawn: the state the spawn will create)
 * @param intrinsicGas base gas plus tx data gas
 * @param signatureOffset where the signature part starts in {@code raw}
 */
public record ParsedTx(TxId id, Bytes raw, TxHeader header, Account principal, TemplateKind principalKind,
        TemplateState principalState, MethodArgs args, long intrinsicGas, int signatureOffset) {
    public ParsedTx {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(principalKind, "principalKind");
        Objects.requireNonNull(principalState, "principalState");
        Objects.requireNonNull(args, "args");
    }
}
