package io.smnode.vm.template;

import io.smnode.core.codec.Scale;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.codec.ScaleException;
import io.smnode.core.codec.ScaleReader;
import io.smnode.core.signing.EdVerifier;
import io.smnode.core.signing.Signature;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.Hash32;
import java.util.Arrays;
import java.util.Optional;

/**
 * What each template defines besides execution: the arguments of its methods, how spawn arguments become state,
 * gas, the most a method may spend, and signature verification (genvm {@code templates/*}). Vesting is multisig plus
 * the drain method; a vault is never a principal (its verify always fails).
 */
public final class TemplateRules {
    private TemplateRules() {}

    /** The codec of {@code method}'s arguments on {@code kind}; empty for a method the template lacks. */
    public static Optional<ScaleCodec<? extends MethodArgs>> argsCodec(TemplateKind kind, int method) {
        if (method == Methods.SPEND) {
            return Optional.of(SpendArgs.CODEC);
        }
        if (method == Methods.DRAIN_VAULT) {
            return kind == TemplateKind.VESTING ? Optional.of(DrainVaultArgs.CODEC) : Optional.empty();
        }
        if (method == Methods.SPAWN) {
            return Optional.of(stateCodec(kind));
        }
        return Optional.empty();
    }

    static ScaleCodec<? extends TemplateState> stateCodec(TemplateKind kind) {
        return switch (kind) {
            case WALLET -> WalletState.CODEC;
            case MULTISIG, VESTING -> MultisigState.CODEC;
            case VAULT -> VaultState.CODEC;
        };
    }

    /** The stored state of an account of {@code kind}. */
    public static TemplateState load(TemplateKind kind, Bytes state) throws ScaleException {
        return Scale.decode(stateCodec(kind), state.toByteArray());
    }

    /** The state a spawn with {@code args} creates, after the template's own checks (go-spacemesh {@code New}). */
    public static TemplateState create(TemplateKind kind, MethodArgs args) throws InvalidSpawnException {
        switch (kind) {
            case WALLET -> {
                if (args instanceof WalletState w) {
                    return w;
                }
            }
            case MULTISIG, VESTING -> {
                if (args instanceof MultisigState m) {
                    if (m.required() == 0) {
                        throw new InvalidSpawnException("number of required signatures must be larger than zero");
                    }
                    if (m.publicKeys().size() < m.required()) {
                        throw new InvalidSpawnException("multisig requires at least " + m.required() + " keys");
                    }
                    return m;
                }
            }
            case VAULT -> {
                if (args instanceof VaultState v) {
                    if (Long.compareUnsigned(v.initialUnlockAmount(), v.totalAmount()) > 0) {
                        throw new InvalidSpawnException("initial unlock amount above total amount");
                    }
                    if (v.vestingEnd() < v.vestingStart()) {
                        throw new InvalidSpawnException("vesting end before vesting start");
                    }
                    return v;
                }
            }
        }
        throw new InvalidSpawnException(kind + " cannot be spawned with " + args.getClass().getSimpleName());
    }

    /** Gas charged before anything else: the transaction and its signature checks (and the spawn, for spawns). */
    public static long baseGas(TemplateKind kind, TemplateState state, int method) {
        return switch (kind) {
            case WALLET -> method == Methods.SPAWN ? Gas.TX + Gas.EDVERIFY + Gas.SPAWN
                    : method == Methods.SPEND ? Gas.TX + Gas.EDVERIFY : Gas.UNKNOWN_METHOD;
            case MULTISIG, VESTING -> {
                long verify = Gas.EDVERIFY * ((MultisigState) state).required();
                if (method == Methods.SPAWN) {
                    yield Gas.TX + verify + Gas.SPAWN;
                }
                boolean known = method == Methods.SPEND || (kind == TemplateKind.VESTING && method == Methods.DRAIN_VAULT);
                yield known ? Gas.TX + verify : Gas.UNKNOWN_METHOD;
            }
            case VAULT -> 0;
        };
    }

    /** Gas for loading the principal. */
    public static long loadGas(TemplateKind kind, TemplateState state) {
        return kind == TemplateKind.VAULT ? 0 : Gas.loadGas(keyCount(kind, state));
    }

    /** Gas for executing {@code method} on an account with this state. */
    public static long execGas(TemplateKind kind, TemplateState state, int method) {
        if (kind == TemplateKind.VAULT) {
            return 0;
        }
        if (kind == TemplateKind.VESTING && method == Methods.DRAIN_VAULT) {
            return Gas.drainExecGas();
        }
        return switch (method) {
            case Methods.SPAWN -> Gas.spawnExecGas(keyCount(kind, state));
            case Methods.SPEND -> Gas.spendExecGas();
            default -> Gas.UNKNOWN_METHOD;
        };
    }

    /** Public keys an account of a key-holding template stores. */
    private static int keyCount(TemplateKind kind, TemplateState state) {
        return kind == TemplateKind.WALLET ? 1 : ((MultisigState) state).publicKeys().size();
    }

    /** The most the principal's own balance may pay out besides the fee (a drain pays from the vault: 0). */
    public static long maxSpend(int method, MethodArgs args) {
        return method == Methods.SPEND && args instanceof SpendArgs s ? s.amount() : 0;
    }

    /**
     * Checks the signature part that follows the arguments, read from {@code reader}; the signed body is the raw
     * transaction without the bytes that part took (genvm: {@code raw[:len(raw)-n]}). Never throws.
     */
    public static boolean verify(TemplateKind kind, TemplateState state, byte[] raw, ScaleReader reader,
            EdVerifier verifier) {
        try {
            return switch (kind) {
                case WALLET -> {
                    byte[] sig = reader.readFixed(Signature.LENGTH);
                    yield verifier.verifyTransaction(((WalletState) state).publicKey().toByteArray(),
                            Arrays.copyOf(raw, raw.length - Signature.LENGTH), Signature.of(sig));
                }
                case MULTISIG, VESTING -> verifyMultisig((MultisigState) state, raw, reader, verifier);
                case VAULT -> false;
            };
        } catch (ScaleException e) {
            return false;
        }
    }

    private static boolean verifyMultisig(MultisigState state, byte[] raw, ScaleReader reader, EdVerifier verifier)
            throws ScaleException {
        int start = reader.position();
        int required = state.required();
        int[] refs = new int[required];
        Signature[] sigs = new Signature[required];
        for (int i = 0; i < required; i++) {
            refs[i] = reader.readCompactU8();
            sigs[i] = Signature.of(reader.readFixed(Signature.LENGTH));
        }
        byte[] body = Arrays.copyOf(raw, raw.length - (reader.position() - start));
        for (int i = 0; i < required; i++) {
            if (refs[i] >= state.publicKeys().size() || (i != 0 && refs[i] <= refs[i - 1])) {
                return false;
            }
        }
        for (int i = 0; i < required; i++) {
            Hash32 key = state.publicKeys().get(refs[i]);
            if (!verifier.verifyTransaction(key.toByteArray(), body, sigs[i])) {
                return false;
            }
        }
        return true;
    }
}
