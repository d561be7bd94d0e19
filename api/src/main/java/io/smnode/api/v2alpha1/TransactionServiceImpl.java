package io.smnode.api.v2alpha1;

import com.google.protobuf.ByteString;
import io.smnode.api.NodeStatusSource;
import io.smnode.api.NodeView;
import io.smnode.api.grpc.Calls;
import io.smnode.api.grpc.GrpcErrors;
import io.smnode.api.grpc.Paging;
import io.smnode.core.types.Address;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.TxId;
import io.smnode.core.verdict.Verdict;
import io.smnode.mesh.store.TxReceipt;
import io.smnode.vm.Vm;
import io.smnode.vm.VmConfig;
import io.smnode.vm.tx.InvalidTxException;
import io.smnode.vm.tx.ParsedTx;
import io.smnode.vm.tx.RejectReason;
import io.smnode.vm.tx.TxParser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import spacemesh.v2alpha1.EstimateGasRequest;
import spacemesh.v2alpha1.EstimateGasResponse;
import spacemesh.v2alpha1.ParseTransactionRequest;
import spacemesh.v2alpha1.ParseTransactionResponse;
import spacemesh.v2alpha1.SortOrder;
import spacemesh.v2alpha1.SubmitTransactionRequest;
import spacemesh.v2alpha1.SubmitTransactionResponse;
import spacemesh.v2alpha1.TransactionList;
import spacemesh.v2alpha1.TransactionRequest;
import spacemesh.v2alpha1.TransactionResponse;
import spacemesh.v2alpha1.TransactionResult;
import spacemesh.v2alpha1.TransactionService;
import spacemesh.v2alpha1.TransactionState;

/**
 * v2alpha1 TransactionService: the applied transactions with their receipts (ordered by layer, then id; asked by id,
 * also those stored but not executed yet, in the mempool state), parsing and gas estimation against the applied
 * state, and submission through the node's {@link io.smnode.api.TransactionIntake}.
 */
public final class TransactionServiceImpl implements TransactionService {
    private final NodeView node;
    private final Vm vm;

    public TransactionServiceImpl(NodeView node) {
        this.node = node;
        this.vm = new Vm(VmConfig.of(node.params(), node.genesis().genesisId()));
    }

    @Override
    public CompletionStage<TransactionList> list(TransactionRequest in) {
        return Calls.now(() -> {
            Paging paging = Paging.of(in.getOffset(), in.getLimit());
            Set<TxId> ids = in.getTxidList().stream().map(b -> Ids.fixed("txid", b, TxId.LENGTH, TxId::of))
                    .collect(Collectors.toSet());
            Optional<Address> address = in.hasAddress()
                    ? Optional.of(Requests.address("address", in.getAddress(), node.hrp())) : Optional.empty();
            long from = in.hasStartLayer() ? Integer.toUnsignedLong(in.getStartLayer()) : 0;
            long to = in.hasEndLayer() ? Integer.toUnsignedLong(in.getEndLayer()) : Long.MAX_VALUE;
            MeshAccounts accounts = new MeshAccounts(node.mesh());
            Comparator<Map.Entry<TxId, LayerId>> order = Comparator.<Map.Entry<TxId, LayerId>>comparingLong(
                    e -> e.getValue().value()).thenComparing(Map.Entry::getKey);
            Map<TxId, LayerId> appliedTxs = node.mesh().appliedTxs();
            List<TxId> listed = new ArrayList<>(appliedTxs.entrySet().stream()
                    .filter(e -> ids.isEmpty() || ids.contains(e.getKey()))
                    .filter(e -> e.getValue().value() >= from && e.getValue().value() <= to)
                    .sorted(in.getSortOrder() == SortOrder.DESC ? order.reversed() : order)
                    .map(Map.Entry::getKey)
                    .toList());
            if (!in.hasStartLayer() && !in.hasEndLayer()) {
                // Asked by id, a transaction the node stored but no layer executed yet: in its mempool.
                ids.stream().filter(id -> !appliedTxs.containsKey(id)).sorted().forEach(listed::add);
            }
            TransactionList.Builder list = TransactionList.newBuilder();
            long skip = paging.offset();
            for (TxId id : listed) {
                if (list.getTransactionsCount() == paging.limit()) {
                    break;
                }
                Optional<Bytes> raw = node.mesh().tx(id);
                if (raw.isEmpty() && !appliedTxs.containsKey(id)) {
                    continue;
                }
                Optional<ParsedTx> parsed = raw.flatMap(r -> parse(r, accounts));
                if (address.isPresent() && parsed.map(p -> !TxProtos.touched(p).contains(address.get()))
                        .orElse(true)) {
                    continue;
                }
                if (skip > 0) {
                    skip--;
                    continue;
                }
                list.addTransactions(response(id, raw, parsed, in));
            }
            return list.build();
        });
    }

    private TransactionResponse response(TxId id, Optional<Bytes> raw, Optional<ParsedTx> parsed,
                                         TransactionRequest in) {
        TransactionResponse.Builder r = TransactionResponse.newBuilder().setTx(parsed.map(p -> TxProtos.of(p, node))
                .orElseGet(() -> TxProtos.raw(id, raw.orElse(Bytes.EMPTY))));
        Optional<TxReceipt> receipt = node.mesh().receipt(id);
        if (in.getIncludeState()) {
            r.setTxState(receipt.isPresent() ? TransactionState.TRANSACTION_STATE_PROCESSED
                    : TransactionState.TRANSACTION_STATE_MEMPOOL);
        }
        if (in.getIncludeResult()) {
            receipt.ifPresent(receiptOf -> r.setTxResult(result(receiptOf, parsed)));
        }
        return r.build();
    }

    private TransactionResult result(TxReceipt receipt, Optional<ParsedTx> parsed) {
        TransactionResult.Builder b = TransactionResult.newBuilder()
                .setStatus(receipt.failure().isEmpty() ? TransactionResult.Status.TRANSACTION_STATUS_SUCCESS
                        : TransactionResult.Status.TRANSACTION_STATUS_FAILURE)
                .setMessage(receipt.failure().map(Enum::name).orElse(""))
                .setGasConsumed(receipt.gas()).setFee(receipt.fee()).setLayer((int) receipt.layer().value());
        node.mesh().layer(receipt.layer())
                .ifPresent(l -> b.setBlock(ByteString.copyFrom(l.block().toByteArray())));
        parsed.ifPresent(p -> TxProtos.touched(p).forEach(a -> b.addTouchedAddresses(node.bech32(a))));
        return b.build();
    }

    @Override
    public CompletionStage<ParseTransactionResponse> parseTransaction(ParseTransactionRequest in) {
        return Calls.now(() -> {
            ParsedTx tx = parseOrRefuse(in.getTransaction());
            if (in.getVerify() && !vm.verify(tx, in.getTransaction().toByteArray())) {
                throw GrpcErrors.invalidArgument("signature is invalid");
            }
            return ParseTransactionResponse.newBuilder().setTx(TxProtos.of(tx, node)).build();
        });
    }

    @Override
    public CompletionStage<EstimateGasResponse> estimateGas(EstimateGasRequest in) {
        return Calls.now(() -> EstimateGasResponse.newBuilder()
                .setRecommendedMaxGas(parseOrRefuse(in.getTransaction()).header().maxGas()).build());
    }

    /**
     * As the reference: refused when the node is not synced, or the transaction does not parse or verify against
     * the applied state; else handed to the node's intake, whose Reject is INVALID_ARGUMENT.
     */
    @Override
    public CompletionStage<SubmitTransactionResponse> submitTransaction(SubmitTransactionRequest in) {
        ParsedTx tx;
        try {
            if (node.status().syncState() != NodeStatusSource.SyncState.SYNCED) {
                throw GrpcErrors.failedPrecondition(
                        "Cannot submit transaction, node is not in sync yet, try again later");
            }
            tx = parseOrRefuse(in.getTransaction());
            if (!vm.verify(tx, in.getTransaction().toByteArray())) {
                throw GrpcErrors.invalidArgument("Failed to verify transaction: signature is invalid");
            }
            if (node.intake().isEmpty()) {
                throw GrpcErrors.unavailable("this node takes no transactions yet");
            }
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return node.intake().get().submit(Bytes.of(in.getTransaction().toByteArray())).thenApply(verdict -> {
            if (verdict instanceof Verdict.Reject reject) {
                throw GrpcErrors.invalidArgument("Failed to verify transaction: " + reject.rule() + ": "
                        + reject.detail());
            }
            return SubmitTransactionResponse.newBuilder()
                    .setStatus(io.smnode.api.rpc.Status.newBuilder().setCode(0))
                    .setTxId(ByteString.copyFrom(tx.id().toByteArray())).build();
        });
    }

    private ParsedTx parseOrRefuse(ByteString transaction) {
        if (transaction.isEmpty()) {
            throw GrpcErrors.invalidArgument("transaction is empty");
        }
        try {
            return TxParser.parse(transaction.toByteArray(), new MeshAccounts(node.mesh()));
        } catch (InvalidTxException e) {
            if (e.reason() == RejectReason.NOT_SPAWNED) {
                throw GrpcErrors.notFound("account is not spawned");
            }
            throw GrpcErrors.invalidArgument(e.reason() + ": " + e.getMessage());
        }
    }

    private static Optional<ParsedTx> parse(Bytes raw, MeshAccounts accounts) {
        try {
            return Optional.of(TxParser.parse(raw.toByteArray(), accounts));
        } catch (InvalidTxException e) {
            return Optional.empty();
        }
    }
}
