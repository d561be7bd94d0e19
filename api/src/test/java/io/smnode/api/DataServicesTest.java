package io.smnode.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.smnode.core.address.AddressCodec;
import io.smnode.core.types.Address;
import io.smnode.core.types.Bytes;
import io.smnode.core.verdict.CommonRule;
import io.smnode.core.verdict.Verdict;
import io.smnode.mesh.store.MeshRecord;
import io.smnode.vm.tx.TxParser;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import spacemesh.v2alpha1.Account;
import spacemesh.v2alpha1.AccountRequest;
import spacemesh.v2alpha1.AccountServiceGrpc;
import spacemesh.v2alpha1.EstimateGasRequest;
import spacemesh.v2alpha1.Layer;
import spacemesh.v2alpha1.LayerRequest;
import spacemesh.v2alpha1.LayerServiceGrpc;
import spacemesh.v2alpha1.MalfeasanceProof;
import spacemesh.v2alpha1.MalfeasanceRequest;
import spacemesh.v2alpha1.MalfeasanceServiceGrpc;
import spacemesh.v2alpha1.ParseTransactionRequest;
import spacemesh.v2alpha1.Reward;
import spacemesh.v2alpha1.RewardRequest;
import spacemesh.v2alpha1.RewardServiceGrpc;
import spacemesh.v2alpha1.SortOrder;
import spacemesh.v2alpha1.SubmitTransactionRequest;
import spacemesh.v2alpha1.Transaction;
import spacemesh.v2alpha1.TransactionRequest;
import spacemesh.v2alpha1.TransactionResponse;
import spacemesh.v2alpha1.TransactionResult;
import spacemesh.v2alpha1.TransactionServiceGrpc;
import spacemesh.v2alpha1.TransactionState;

/**
 * The v2alpha1 services over the consensus store's read port, filled with a history the VM made ({@link MeshHistory}),
 * driven by grpc-java clients.
 */
class DataServicesTest {
    private static ApiFixture api;
    private static MeshHistory history;
    private static ManagedChannel channel;

    @BeforeAll
    static void start() {
        api = new ApiFixture();
        history = new MeshHistory(api);
        channel = api.channel("public");
    }

    @AfterAll
    static void stop() throws InterruptedException {
        api.close();
    }

    @Test
    void layersListAscendingAndDescendingWithBlocksAndStatus() {
        LayerServiceGrpc.LayerServiceBlockingStub layers = LayerServiceGrpc.newBlockingStub(channel);
        List<Layer> asc = layers.list(LayerRequest.newBuilder().setLimit(100).build()).getLayersList();
        assertEquals(MeshHistory.layers(), asc.stream().map(l -> (long) l.getNumber()).toList());
        Layer first = asc.get(0);
        assertEquals(ByteString.copyFrom(MeshHistory.blockOf(20).toByteArray()), first.getBlock().getId());
        assertEquals(Layer.LayerStatus.LAYER_STATUS_VERIFIED, first.getStatus());
        assertEquals("1414141414", first.getConsensusHash(), "the first 5 bytes of the opinion hash, hex");
        assertEquals(32, first.getStateHash().size());
        assertEquals(Layer.LayerStatus.LAYER_STATUS_APPLIED, asc.get(4).getStatus(), "the last is not verified yet");

        List<Layer> desc = layers.list(LayerRequest.newBuilder().setSortOrder(SortOrder.DESC).setOffset(1)
                .setLimit(2).build()).getLayersList();
        assertEquals(List.of(23, 22), desc.stream().map(Layer::getNumber).toList());
        assertEquals(List.of(21, 22), layers.list(LayerRequest.newBuilder().setStartLayer(21).setEndLayer(22)
                .setLimit(10).build()).getLayersList().stream().map(Layer::getNumber).toList());
    }

    @Test
    void rewardsByCoinbaseOrSmesherSumToTheLayersIssuance() {
        RewardServiceGrpc.RewardServiceBlockingStub rewards = RewardServiceGrpc.newBlockingStub(channel);
        List<Reward> all = rewards.list(RewardRequest.newBuilder().setLimit(100).build()).getRewardsList();
        assertEquals(10, all.size(), "two smeshers in each of five layers");
        List<Reward> a = rewards.list(RewardRequest.newBuilder().setCoinbase(bech32(MeshHistory.COINBASE_A))
                .setLimit(100).build()).getRewardsList();
        List<Reward> b = rewards.list(RewardRequest.newBuilder().setSmesher(ByteString.copyFrom(
                MeshHistory.SMESHER_B.toByteArray())).setLimit(100).build()).getRewardsList();
        assertEquals(5, a.size());
        assertEquals(5, b.size());
        assertTrue(b.get(0).getLayerReward() > a.get(0).getLayerReward(), "weight 3 earns more than weight 1");
        Reward withFees = a.stream().filter(r -> r.getLayer() == MeshHistory.TX_LAYER).findFirst().orElseThrow();
        assertTrue(withFees.getTotal() > withFees.getLayerReward(), "layer 21's fees are shared");
        assertEquals(List.of(24, 24, 23), rewards.list(RewardRequest.newBuilder().setSortOrder(SortOrder.DESC)
                .setLimit(3).build()).getRewardsList().stream().map(Reward::getLayer).toList());
    }

    @Test
    void accountsShowTheSpendAndTheRecipient() {
        AccountServiceGrpc.AccountServiceBlockingStub accounts = AccountServiceGrpc.newBlockingStub(channel);
        List<Account> two = accounts.list(AccountRequest.newBuilder().addAddresses(bech32(history.principal))
                .addAddresses(bech32(MeshHistory.RECIPIENT)).setLimit(10).build()).getAccountsList();
        Account wallet = two.get(0);
        assertEquals(2, wallet.getCurrent().getCounter(), "spawn and spend");
        assertTrue(wallet.getCurrent().getBalance() < MeshHistory.FUNDS - MeshHistory.AMOUNT, "amount and fees");
        assertEquals(AddressCodec.encode(io.smnode.vm.template.TemplateKind.WALLET.address(), "standalone"),
                wallet.getTemplate());
        assertEquals(MeshHistory.AMOUNT, two.get(1).getCurrent().getBalance());
        assertEquals("", two.get(1).getTemplate(), "never spawned");
        assertTrue(accounts.list(AccountRequest.newBuilder().setLimit(100).build()).getAccountsCount() >= 4,
                "all: the wallet, the recipient and two coinbases");
        StatusRuntimeException bad = assertThrows(StatusRuntimeException.class, () -> accounts.list(
                AccountRequest.newBuilder().addAddresses("sm1wrongnetwork").setLimit(1).build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, bad.getStatus().getCode());
    }

    @Test
    void transactionsListWithStateResultAndContents() {
        TransactionServiceGrpc.TransactionServiceBlockingStub txs = TransactionServiceGrpc.newBlockingStub(channel);
        List<TransactionResponse> mine = txs.list(TransactionRequest.newBuilder().setAddress(bech32(
                MeshHistory.RECIPIENT)).setIncludeState(true).setIncludeResult(true).setLimit(10).build())
                .getTransactionsList();
        assertEquals(1, mine.size(), "only the spend touches the recipient");
        TransactionResponse spend = mine.get(0);
        Transaction tx = spend.getTx();
        assertEquals(ByteString.copyFrom(TxParser.idOf(history.spend.toByteArray()).toByteArray()), tx.getId());
        assertEquals(Transaction.TransactionType.TRANSACTION_TYPE_SINGLE_SIG_SEND, tx.getType());
        assertEquals(MeshHistory.AMOUNT, tx.getContents().getSend().getAmount());
        assertEquals(bech32(MeshHistory.RECIPIENT), tx.getContents().getSend().getDestination());
        assertEquals(1, tx.getNonce().getCounter());
        assertEquals(TransactionState.TRANSACTION_STATE_PROCESSED, spend.getTxState());
        TransactionResult result = spend.getTxResult();
        assertEquals(TransactionResult.Status.TRANSACTION_STATUS_SUCCESS, result.getStatus());
        assertEquals(MeshHistory.TX_LAYER, result.getLayer());
        assertEquals(ByteString.copyFrom(MeshHistory.blockOf(MeshHistory.TX_LAYER).toByteArray()), result.getBlock());
        assertTrue(result.getFee() > 0);

        List<TransactionResponse> both = txs.list(TransactionRequest.newBuilder().setAddress(bech32(
                history.principal)).setLimit(10).build()).getTransactionsList();
        assertEquals(2, both.size());
        assertEquals(Transaction.TransactionType.TRANSACTION_TYPE_SINGLE_SIG_SPAWN,
                both.stream().filter(t -> t.getTx().getMethod() == 0).findFirst().orElseThrow().getTx().getType());
        assertEquals(0, txs.list(TransactionRequest.newBuilder().setStartLayer(22).setLimit(10).build())
                .getTransactionsCount());
    }

    @Test
    void aTransactionStoredButNotExecutedIsListedByIdInTheMempoolState() {
        Bytes pending = history.spendOf(7, 3);
        ByteString id = ByteString.copyFrom(TxParser.idOf(pending.toByteArray()).toByteArray());
        api.mesh.apply(new MeshRecord.TxRecord(TxParser.idOf(pending.toByteArray()), pending));
        TransactionServiceGrpc.TransactionServiceBlockingStub txs = TransactionServiceGrpc.newBlockingStub(channel);
        List<TransactionResponse> listed = txs.list(TransactionRequest.newBuilder().addTxid(id).setIncludeState(true)
                .setIncludeResult(true).setLimit(10).build()).getTransactionsList();
        assertEquals(1, listed.size());
        assertEquals(id, listed.get(0).getTx().getId());
        assertEquals(7, listed.get(0).getTx().getNonce().getCounter());
        assertEquals(TransactionState.TRANSACTION_STATE_MEMPOOL, listed.get(0).getTxState());
        assertFalse(listed.get(0).hasTxResult(), "no receipt before a layer executed it");
        assertEquals(0, txs.list(TransactionRequest.newBuilder().addTxid(ByteString.copyFrom(new byte[32]))
                .setLimit(10).build()).getTransactionsCount(), "an unknown id lists nothing");
        assertEquals(0, txs.list(TransactionRequest.newBuilder().addTxid(id).setStartLayer(1).setLimit(10).build())
                .getTransactionsCount(), "a layer range lists executed transactions only");
    }

    @Test
    void parseEstimateAndSubmitAgainstTheAppliedState() {
        TransactionServiceGrpc.TransactionServiceBlockingStub txs = TransactionServiceGrpc.newBlockingStub(channel);
        Bytes next = history.spendOf(2, 1);
        Transaction parsed = txs.parseTransaction(ParseTransactionRequest.newBuilder()
                .setTransaction(bytes(next)).setVerify(true).build()).getTx();
        assertEquals(bech32(history.principal), parsed.getPrincipal());
        assertEquals(2, parsed.getNonce().getCounter());
        assertEquals(parsed.getMaxGas(), txs.estimateGas(EstimateGasRequest.newBuilder()
                .setTransaction(bytes(next)).build()).getRecommendedMaxGas());

        byte[] forged = next.toByteArray();
        forged[forged.length - 1] ^= 1;
        assertEquals(Status.Code.INVALID_ARGUMENT, assertThrows(StatusRuntimeException.class,
                () -> txs.parseTransaction(ParseTransactionRequest.newBuilder().setTransaction(
                        ByteString.copyFrom(forged)).setVerify(true).build())).getStatus().getCode());

        api.status.syncing = true;
        assertEquals(Status.Code.FAILED_PRECONDITION, assertThrows(StatusRuntimeException.class,
                () -> txs.submitTransaction(SubmitTransactionRequest.newBuilder().setTransaction(bytes(next))
                        .build())).getStatus().getCode());
        api.status.syncing = false;
        try {
            assertEquals(ByteString.copyFrom(TxParser.idOf(next.toByteArray()).toByteArray()),
                    txs.submitTransaction(SubmitTransactionRequest.newBuilder().setTransaction(bytes(next)).build())
                            .getTxId());
            assertEquals(List.of(next), api.submitted);
            api.intakeVerdict = Verdict.reject(CommonRule.MALFORMED, "refused by the mempool");
            StatusRuntimeException refused = assertThrows(StatusRuntimeException.class,
                    () -> txs.submitTransaction(SubmitTransactionRequest.newBuilder().setTransaction(bytes(next))
                            .build()));
            assertEquals(Status.Code.INVALID_ARGUMENT, refused.getStatus().getCode());
            assertTrue(refused.getStatus().getDescription().contains("refused by the mempool"));
        } finally {
            api.status.syncing = true;
            api.intakeVerdict = Verdict.accept();
        }
    }

    @Test
    void malfeasanceListsTheProvenIdentity() {
        List<MalfeasanceProof> proofs = MalfeasanceServiceGrpc.newBlockingStub(channel).list(MalfeasanceRequest
                .newBuilder().setLimit(10).build()).getProofsList();
        assertEquals(1, proofs.size());
        assertEquals(ByteString.copyFrom(MeshHistory.OFFENDER.toByteArray()), proofs.get(0).getSmesher());
        assertEquals(1, proofs.get(0).getType());
        assertEquals(MalfeasanceProof.MalfeasanceDomain.DOMAIN_UNSPECIFIED, proofs.get(0).getDomain());
        assertEquals(0, MalfeasanceServiceGrpc.newBlockingStub(channel).list(MalfeasanceRequest.newBuilder()
                .addSmesherId(ByteString.copyFrom(MeshHistory.SMESHER_A.toByteArray())).setLimit(10).build())
                .getProofsCount());
    }

    private static String bech32(Address a) {
        return AddressCodec.encode(a, "standalone");
    }

    private static ByteString bytes(Bytes b) {
        return ByteString.copyFrom(b.toByteArray());
    }
}
