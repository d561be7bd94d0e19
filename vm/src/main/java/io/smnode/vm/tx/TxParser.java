package io.smnode.vm.tx;

import io.smnode.core.address.Principal;
import io.smnode.core.codec.CoreCodecs;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.codec.ScaleCodecs;
import io.smnode.core.codec.ScaleException;
import io.smnode.core.codec.ScaleReader;
import io.smnode.core.hash.Blake3;
import io.smnode.core.types.Address;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.TxId;
import io.smnode.vm.state.Account;
import io.smnode.vm.state.AccountView;
import io.smnode.vm.template.Gas;
import io.smnode.vm.template.InvalidSpawnException;
import io.smnode.vm.template.MethodArgs;
import io.smnode.vm.template.Methods;
import io.smnode.vm.template.TemplateKind;
import io.smnode.vm.template.TemplateRules;
import io.smnode.vm.template.TemplateState;
import java.util.Optional;

/**
 * Parses a raw transaction as genvm's {@code parse} does: {@code version ‖ principal ‖ method ‖ [template if spawn]
 * ‖ payload{nonce, gasPrice} ‖ args ‖ signature part}, every integer compact. The principal's account decides
 * which template's rules apply, so parsing needs the current accounts. A vault principal reads no payload (gas
 * price 0), as in the reference, so it is always ineffective.
 */
public final class TxParser {
    public static final int MAX_TX_BYTES = 1024;
    private static final int VERSION = 0;

    private TxParser() {}

    /** The transaction ID: BLAKE3 of the raw bytes. */
    public static TxId idOf(byte[] raw) {
        return TxId.of(Blake3.hash(raw).toByteArray());
    }

    public static ParsedTx parse(byte[] raw, AccountView accounts) throws InvalidTxException {
        if (raw.length > MAX_TX_BYTES) {
            throw new InvalidTxException(RejectReason.TOO_LARGE, raw.length + " bytes");
        }
        try {
            return parseChecked(raw, accounts);
        } catch (ScaleException e) {
            throw new InvalidTxException(RejectReason.MALFORMED, e.getMessage());
        }
    }

    private static ParsedTx parseChecked(byte[] raw, AccountView accounts) throws ScaleException, InvalidTxException {
        ScaleReader r = new ScaleReader(raw);
        int version = r.field("Version", ScaleCodecs.COMPACT_U8);
        if (version != VERSION) {
            throw new InvalidTxException(RejectReason.UNSUPPORTED_VERSION, "version " + version);
        }
        Address principal = r.field("Principal", CoreCodecs.ADDRESS);
        int method = r.field("Method", ScaleCodecs.COMPACT_U8);
        Account account = accounts.get(principal);

        Optional<TemplateKind> principalKind = Optional.empty();
        TemplateState principalState = null;
        if (account.template().isPresent()) {
            principalKind = Optional.of(known(account.template().get()));
            try {
                principalState = TemplateRules.load(principalKind.get(), account.state());
            } catch (ScaleException e) {
                throw new InvalidTxException(RejectReason.CORRUPT_STATE, e.getMessage());
            }
        }
        Address template;
        TemplateKind targetKind;
        if (method == Methods.SPAWN) {
            template = r.field("Template", CoreCodecs.ADDRESS);
            targetKind = known(template);
            if (principalKind.isEmpty()) {
                principalKind = Optional.of(targetKind);
            }
        } else {
            if (principalKind.isEmpty()) {
                throw new InvalidTxException(RejectReason.NOT_SPAWNED, "principal " + principal.hex());
            }
            template = account.template().get();
            targetKind = principalKind.get();
        }
        TemplateKind kind = principalKind.get();
        long nonce = 0;
        long gasPrice = 0;
        if (kind != TemplateKind.VAULT) { // the vault handler's Parse reads nothing
            Payload payload = r.field("Payload", Payload.CODEC);
            nonce = payload.nonce();
            gasPrice = payload.gasPrice();
        }
        Optional<ScaleCodec<? extends MethodArgs>> codec = TemplateRules.argsCodec(targetKind, method);
        if (codec.isEmpty()) {
            throw new InvalidTxException(RejectReason.UNKNOWN_METHOD, targetKind + " method " + method);
        }
        MethodArgs args = r.field("Args", codec.get());
        long fixedGas;
        if (method == Methods.SPAWN) {
            TemplateState spawned = (TemplateState) args;
            if (Principal.compute(template, spawned.encode()).equals(principal)) {
                principalState = create(kind, args);
                fixedGas = TemplateRules.execGas(kind, principalState, method);
            } else if (principalState == null) {
                throw new InvalidTxException(RejectReason.NOT_SPAWNED, "an unspawned account spawns another");
            } else {
                TemplateState target = create(targetKind, args);
                fixedGas = TemplateRules.loadGas(kind, principalState)
                        + TemplateRules.execGas(targetKind, target, method);
            }
        } else {
            fixedGas = TemplateRules.loadGas(kind, principalState) + TemplateRules.execGas(kind, principalState, method);
        }
        long baseGas = TemplateRules.baseGas(kind, principalState, method);
        long intrinsic = baseGas + Gas.txDataGas(raw.length);
        long maxGas = intrinsic + fixedGas;
        TxHeader header = new TxHeader(principal, template, method, nonce, gasPrice, maxGas,
                TemplateRules.maxSpend(method, args));
        return new ParsedTx(idOf(raw), Bytes.of(raw), header, account, kind, principalState, args, intrinsic,
                r.position());
    }

    private static TemplateKind known(Address template) throws InvalidTxException {
        return TemplateKind.of(template).orElseThrow(
                () -> new InvalidTxException(RejectReason.UNKNOWN_TEMPLATE, template.hex()));
    }

    private static TemplateState create(TemplateKind kind, MethodArgs args) throws InvalidTxException {
        try {
            return TemplateRules.create(kind, args);
        } catch (InvalidSpawnException e) {
            throw new InvalidTxException(RejectReason.INVALID_SPAWN_ARGS, e.getMessage());
        }
    }
}
