package io.smnode.vm;

import io.smnode.core.codec.ScaleReader;
import io.smnode.core.signing.EdVerifier;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.LayerId;
import io.smnode.vm.rewards.Issuance;
import io.smnode.vm.rewards.RewardSplit;
import io.smnode.vm.rewards.Weight;
import io.smnode.vm.state.Account;
import io.smnode.vm.state.AccountView;
import io.smnode.vm.state.StateHash;
import io.smnode.vm.template.TemplateRules;
import io.smnode.vm.tx.InvalidTxException;
import io.smnode.vm.tx.ParsedTx;
import io.smnode.vm.tx.RejectReason;
import io.smnode.vm.tx.TxHeader;
import io.smnode.vm.tx.TxParser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Applies a layer (genvm {@code VM.Apply}): the block's transactions in order, then the rewards, over the committed
 * accounts, and returns receipts, the ineffective transactions, the changed accounts and the state hash
 * {@code BLAKE3(SCALE(account) for each changed account in first-write order)}. Pure: it reads the accounts it is
 * given and writes nothing; the caller commits the result (see {@link io.smnode.vm.state.Ledger#commit}).
 */
public final class Vm {
    private final VmConfig config;
    private final EdVerifier verifier;

    public Vm(VmConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.verifier = new EdVerifier(Bytes.of(config.genesisId().toByteArray()));
    }

    public VmConfig config() {
        return config;
    }

    /**
     * Applies {@code txs} (raw bytes, block order) and {@code rewards} at {@code layer}. Rewards are credited in
     * coinbase order, as the reference sorts them before applying (a stable sort here; equal coinbases credit the
     * same account, so their order does not reach the state).
     *
     * @throws IllegalArgumentException for a layer before effective genesis
     */
    public LayerResult apply(AccountView committed, LayerId layer, List<Bytes> txs, List<CoinbaseReward> rewards) {
        if (layer.value() < config.effectiveGenesis()) {
            throw new IllegalArgumentException("layer " + layer + " is before effective genesis");
        }
        StagedAccounts staged = new StagedAccounts(committed);
        List<Receipt> receipts = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        long gasLeft = config.blockGasLimit();
        long fees = 0;
        for (Bytes raw : txs) {
            byte[] bytes = raw.toByteArray();
            ParsedTx tx;
            try {
                tx = TxParser.parse(bytes, staged);
                checkExecutable(tx, bytes, gasLeft);
            } catch (InvalidTxException e) {
                rejected.add(new Rejected(TxParser.idOf(bytes), e.reason(), e.getMessage()));
                continue;
            }
            TxContext ctx = new TxContext(staged, layer, tx);
            Optional<FailureReason> failure = ctx.run();
            ctx.applyTo(staged);
            receipts.add(new Receipt(tx.id(), tx.header(), failure, ctx.consumed(), ctx.fee(), ctx.touched(), layer));
            fees += ctx.fee();
            gasLeft -= ctx.consumed();
        }
        List<RewardRecord> paid = payRewards(staged, layer, fees, rewards);
        List<Account> changed = staged.changed().stream().map(a -> a.withLayer(layer)).toList();
        return new LayerResult(layer, receipts, rejected, paid, changed, fees, StateHash.of(changed));
    }

    /** The VM's checks after parsing, in the reference's order; the first that fails makes the tx ineffective. */
    private void checkExecutable(ParsedTx tx, byte[] raw, long gasLeft) throws InvalidTxException {
        TxHeader h = tx.header();
        if (h.gasPrice() == 0) {
            throw new InvalidTxException(RejectReason.ZERO_GAS_PRICE, "gas price 0");
        }
        // The reference compares the balance with the intrinsic gas itself, not gas times price; kept.
        if (Long.compareUnsigned(tx.principal().balance(), tx.intrinsicGas()) < 0) {
            throw new InvalidTxException(RejectReason.INTRINSIC_GAS_NOT_COVERED,
                    "balance " + Long.toUnsignedString(tx.principal().balance()));
        }
        if (Long.compareUnsigned(gasLeft, h.maxGas()) < 0) {
            throw new InvalidTxException(RejectReason.BLOCK_GAS_EXHAUSTED, "max gas " + Long.toUnsignedString(h.maxGas()));
        }
        if (!verify(tx, raw)) {
            throw new InvalidTxException(RejectReason.BAD_SIGNATURE, "signature check failed");
        }
        if (Long.compareUnsigned(tx.principal().nextNonce(), h.nonce()) > 0) {
            throw new InvalidTxException(RejectReason.NONCE_TOO_LOW,
                    "nonce " + Long.toUnsignedString(h.nonce()) + " < " + Long.toUnsignedString(tx.principal().nextNonce()));
        }
    }

    /** Checks the signature part of a parsed transaction (also used by the mempool before admitting it). */
    public boolean verify(ParsedTx tx, byte[] raw) {
        ScaleReader tail = new ScaleReader(Arrays.copyOfRange(raw, tx.signatureOffset(), raw.length));
        return TemplateRules.verify(tx.principalKind(), tx.principalState(), raw, tail, verifier);
    }

    private List<RewardRecord> payRewards(StagedAccounts staged, LayerId layer, long fees, List<CoinbaseReward> rewards) {
        List<CoinbaseReward> sorted = new ArrayList<>(rewards);
        sorted.sort(Comparator.comparing(CoinbaseReward::coinbase));
        long subsidy = Issuance.subsidyOf(layer, config.layersPerEpoch());
        List<Weight> weights = sorted.stream().map(CoinbaseReward::weight).toList();
        List<RewardSplit.Share> shares = RewardSplit.split(subsidy, fees, weights);
        List<RewardRecord> paid = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            CoinbaseReward r = sorted.get(i);
            RewardSplit.Share s = shares.get(i);
            Account a = staged.get(r.coinbase());
            staged.update(a.withBalance(a.balance() + s.totalReward()));
            paid.add(new RewardRecord(layer, r.coinbase(), r.smesher(), s.totalReward(), s.layerReward()));
        }
        return paid;
    }
}
