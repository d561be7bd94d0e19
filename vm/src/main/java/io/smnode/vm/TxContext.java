package io.smnode.vm;

import io.smnode.core.address.Principal;
import io.smnode.core.codec.ScaleException;
import io.smnode.core.types.Address;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.LayerId;
import io.smnode.vm.state.Account;
import io.smnode.vm.template.DrainVaultArgs;
import io.smnode.vm.template.InvalidSpawnException;
import io.smnode.vm.template.Methods;
import io.smnode.vm.template.SpendArgs;
import io.smnode.vm.template.TemplateKind;
import io.smnode.vm.template.TemplateRules;
import io.smnode.vm.template.TemplateState;
import io.smnode.vm.template.VaultState;
import io.smnode.vm.tx.ParsedTx;
import io.smnode.vm.tx.TxHeader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One transaction's execution (genvm {@code core.Context}): charges the fee, runs the method, and collects the
 * accounts it changes, the principal apart, in first-change order. Every handler checks before it writes, so a
 * failure leaves only the fee and the nonce. All amounts are uint64 with the reference's unchecked arithmetic.
 */
final class TxContext {
    private final StagedAccounts staged;
    private final LayerId layer;
    private final ParsedTx tx;
    private final TxHeader header;
    private Account principal;
    private final Map<Address, Account> changed = new LinkedHashMap<>();
    private long consumed;
    private long fee;
    private long transferred;

    TxContext(StagedAccounts staged, LayerId layer, ParsedTx tx) {
        this.staged = staged;
        this.layer = layer;
        this.tx = tx;
        this.header = tx.header();
        this.principal = tx.principal();
    }

    /** Charges max gas up front, then executes; the failure, if any. */
    Optional<FailureReason> run() {
        try {
            consume(header.maxGas());
            execute();
            return Optional.empty();
        } catch (TxFailure f) {
            return Optional.of(f.reason());
        }
    }

    /**
     * Charges {@code gas} at the gas price. Called once, with the max gas, so the reference's other branch (more
     * than max gas in total) cannot happen and is left out.
     */
    private void consume(long gas) throws TxFailure {
        long amount = gas * header.gasPrice();
        FailureReason failure = null;
        if (Long.compareUnsigned(amount, principal.balance()) > 0) {
            amount = principal.balance();
            failure = FailureReason.OUT_OF_GAS;
        }
        consumed += gas;
        fee += amount;
        principal = principal.withBalance(principal.balance() - amount);
        if (failure != null) {
            throw new TxFailure(failure);
        }
    }

    private void execute() throws TxFailure {
        switch (header.method()) {
            case Methods.SPAWN -> spawn((TemplateState) tx.args());
            case Methods.SPEND -> {
                SpendArgs spend = (SpendArgs) tx.args();
                principal = transfer(principal, spend.destination(), spend.amount(), header.maxSpend());
            }
            case Methods.DRAIN_VAULT -> drain((DrainVaultArgs) tx.args());
            default -> throw new IllegalStateException("parser admitted method " + header.method());
        }
    }

    private void spawn(TemplateState args) throws TxFailure {
        Address template = header.template();
        Account target = load(Principal.compute(template, args.encode()));
        if (target.spawned()) {
            throw new TxFailure(FailureReason.ALREADY_SPAWNED);
        }
        TemplateKind kind = TemplateKind.of(template).orElseThrow();
        TemplateState state;
        try {
            state = TemplateRules.create(kind, args);
        } catch (InvalidSpawnException e) {
            throw new TxFailure(FailureReason.INVALID_SPAWN_ARGS);
        }
        change(target.spawnedAs(template, Bytes.wrap(state.encode())));
    }

    /** Relays a spend into a vault the principal owns; the vault pays, at most the amount itself. */
    private void drain(DrainVaultArgs args) throws TxFailure {
        Account vault = load(args.vault());
        if (vault.template().isEmpty()) {
            throw new TxFailure(FailureReason.NOT_SPAWNED);
        }
        if (!vault.template().get().equals(TemplateKind.VAULT.address())) {
            throw new TxFailure(FailureReason.TEMPLATE_MISMATCH);
        }
        VaultState state;
        try {
            state = (VaultState) TemplateRules.load(TemplateKind.VAULT, vault.state());
        } catch (ScaleException e) {
            throw new IllegalStateException("stored vault state does not decode", e);
        }
        SpendArgs spend = args.spend();
        Optional<VaultState.SpendRefusal> refusal =
                state.checkSpend(principal.address(), layer.value(), vault.balance(), spend.amount());
        if (refusal.isPresent()) {
            throw new TxFailure(switch (refusal.get()) {
                case NOT_OWNER -> FailureReason.VAULT_NOT_OWNER;
                case MISCONFIGURED -> FailureReason.VAULT_MISCONFIGURED;
                case AMOUNT_NOT_AVAILABLE -> FailureReason.VAULT_AMOUNT_NOT_AVAILABLE;
            });
        }
        Account after = transfer(vault, spend.destination(), spend.amount(), spend.amount());
        change(after);
    }

    /**
     * Moves {@code amount} from {@code from} to {@code to}, recording the receiver; returns the new sender. Sending
     * to oneself passes the checks and changes nothing, as in the reference.
     */
    private Account transfer(Account from, Address to, long amount, long max) throws TxFailure {
        Account receiver = load(to);
        if (Long.compareUnsigned(amount, from.balance()) > 0) {
            throw new TxFailure(FailureReason.NO_BALANCE);
        }
        if (Long.compareUnsigned(transferred + amount, max) > 0) {
            throw new TxFailure(FailureReason.MAX_SPEND);
        }
        if (from.address().equals(to)) {
            return from;
        }
        transferred += amount;
        change(receiver.withBalance(receiver.balance() + amount));
        return from.withBalance(from.balance() - amount);
    }

    private Account load(Address address) {
        if (address.equals(principal.address())) {
            return principal;
        }
        Account a = changed.get(address);
        return a != null ? a : staged.get(address);
    }

    private void change(Account account) {
        if (account.address().equals(principal.address())) {
            principal = account;
        } else {
            changed.put(account.address(), account);
        }
    }

    /** Writes the principal (nonce = tx nonce + 1) and then every changed account into the layer's stage. */
    void applyTo(StagedAccounts target) {
        principal = principal.withNextNonce(header.nonce() + 1);
        target.update(principal);
        changed.values().forEach(target::update);
    }

    List<Address> touched() {
        List<Address> out = new ArrayList<>(changed.size() + 1);
        out.add(principal.address());
        out.addAll(changed.keySet());
        return out;
    }

    long consumed() {
        return consumed;
    }

    long fee() {
        return fee;
    }
}
