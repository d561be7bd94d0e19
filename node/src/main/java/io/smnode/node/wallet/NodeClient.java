package io.smnode.node.wallet;

import com.google.protobuf.ByteString;
import com.typesafe.config.ConfigFactory;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.TxId;
import io.smnode.node.tools.ToolException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.grpc.GrpcClientSettings;
import spacemesh.v2alpha1.Account;
import spacemesh.v2alpha1.AccountRequest;
import spacemesh.v2alpha1.AccountServiceClient;
import spacemesh.v2alpha1.NetworkInfoRequest;
import spacemesh.v2alpha1.NetworkInfoResponse;
import spacemesh.v2alpha1.NetworkServiceClient;
import spacemesh.v2alpha1.SubmitTransactionRequest;
import spacemesh.v2alpha1.TransactionRequest;
import spacemesh.v2alpha1.TransactionResponse;
import spacemesh.v2alpha1.TransactionServiceClient;

/**
 * The wallet's connection to a node's public API (the Pekko gRPC clients generated from the node's own protos), with
 * blocking calls for a command line: each call answers within {@link #CALL_TIMEOUT} or fails with one sentence.
 */
final class NodeClient implements AutoCloseable {
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(15);

    private final String node;
    private final ActorSystem<Void> system;
    private final NetworkServiceClient network;
    private final AccountServiceClient accounts;
    private final TransactionServiceClient transactions;

    /** @param hostPort the node's public listener, HOST:PORT */
    NodeClient(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        int port;
        try {
            port = colon > 0 ? Integer.parseInt(hostPort.substring(colon + 1)) : -1;
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 1 || port > 65535) {
            throw new ToolException("--node must be HOST:PORT, got '" + hostPort + "'");
        }
        this.node = hostPort;
        // A command prints one JSON object on stdout: the actor system logs nothing.
        system = ActorSystem.create(Behaviors.empty(), "wallet", ConfigFactory.parseString(
                "pekko.loglevel = OFF\npekko.stdout-loglevel = OFF\npekko.log-dead-letters = off")
                .withFallback(ConfigFactory.load()));
        try {
            GrpcClientSettings settings = GrpcClientSettings.connectToServiceAt(hostPort.substring(0, colon)
                    .replace("[", "").replace("]", ""), port, system).withTls(false);
            network = NetworkServiceClient.create(settings, system);
            accounts = AccountServiceClient.create(settings, system);
            transactions = TransactionServiceClient.create(settings, system);
        } catch (RuntimeException | LinkageError e) {
            system.terminate(); // its threads would keep the process alive after the error
            throw e;
        }
    }

    NetworkInfoResponse networkInfo() {
        return await(network.info(NetworkInfoRequest.getDefaultInstance()));
    }

    Account account(String address) {
        List<Account> list = await(accounts.list(AccountRequest.newBuilder().addAddresses(address).setLimit(1)
                .build())).getAccountsList();
        if (list.isEmpty()) {
            throw new ToolException("the node lists no account " + address);
        }
        return list.get(0);
    }

    TxId submit(Bytes tx) {
        return TxId.of(await(transactions.submitTransaction(SubmitTransactionRequest.newBuilder()
                .setTransaction(ByteString.copyFrom(tx.toByteArray())).build())).getTxId().toByteArray());
    }

    Optional<TransactionResponse> transaction(TxId id) {
        return await(transactions.list(TransactionRequest.newBuilder().addTxid(ByteString.copyFrom(id.toByteArray()))
                .setIncludeState(true).setIncludeResult(true).setLimit(1).build())).getTransactionsList().stream()
                .findFirst();
    }


    private <T> T await(CompletionStage<T> call) {
        try {
            return call.toCompletableFuture().get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String why = cause instanceof io.grpc.StatusRuntimeException s
                    ? s.getStatus().getCode() + (s.getStatus().getDescription() == null ? ""
                    : ": " + s.getStatus().getDescription())
                    : String.valueOf(cause.getMessage());
            throw new ToolException("node " + node + " answered " + why);
        } catch (TimeoutException e) {
            throw new ToolException("node " + node + " did not answer within " + CALL_TIMEOUT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolException("interrupted");
        }
    }

    @Override
    public void close() {
        network.close();
        accounts.close();
        transactions.close();
        system.terminate();
        system.getWhenTerminated().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }
}
