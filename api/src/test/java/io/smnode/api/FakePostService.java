package io.smnode.api;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import spacemesh.v1.GenProofResponse;
import spacemesh.v1.GenProofStatus;
import spacemesh.v1.Metadata;
import spacemesh.v1.MetadataResponse;
import spacemesh.v1.NodeRequest;
import spacemesh.v1.PostServiceGrpc;
import spacemesh.v1.Proof;
import spacemesh.v1.ProofMetadata;
import spacemesh.v1.ServiceResponse;

/**
 * A post service as post-rs runs one, from grpc-java stubs generated from our protos: it dials the node's post
 * listener, receives the node's requests and answers what the test tells it to.
 */
public final class FakePostService implements AutoCloseable {
    public final BlockingQueue<NodeRequest> requests = new LinkedBlockingQueue<>();
    /** The stream's end: null on completion, else the status it failed with. */
    public final CompletableFuture<Throwable> ended = new CompletableFuture<>();
    private final StreamObserver<ServiceResponse> answers;

    public FakePostService(ManagedChannel channel) {
        answers = PostServiceGrpc.newStub(channel).register(new StreamObserver<>() {
            @Override
            public void onNext(NodeRequest value) {
                requests.add(value);
            }

            @Override
            public void onError(Throwable t) {
                ended.complete(t);
            }

            @Override
            public void onCompleted() {
                ended.complete(null);
            }
        });
    }

    public NodeRequest next(Duration within) throws InterruptedException {
        NodeRequest r = requests.poll(within.toMillis(), TimeUnit.MILLISECONDS);
        if (r == null) {
            throw new AssertionError("no request from the node within " + within);
        }
        return r;
    }

    public void send(ServiceResponse response) {
        answers.onNext(response);
    }

    public void sendMetadata(Metadata meta) {
        send(ServiceResponse.newBuilder().setMetadata(MetadataResponse.newBuilder().setMeta(meta)).build());
    }

    public void sendStillProving() {
        send(ServiceResponse.newBuilder().setGenProof(GenProofResponse.newBuilder()
                .setStatus(GenProofStatus.GEN_PROOF_STATUS_OK)).build());
    }

    public void sendProof(ByteString challenge, Metadata meta, Proof proof) {
        send(ServiceResponse.newBuilder().setGenProof(GenProofResponse.newBuilder()
                .setStatus(GenProofStatus.GEN_PROOF_STATUS_OK).setProof(proof)
                .setMetadata(ProofMetadata.newBuilder().setChallenge(challenge).setMeta(meta))).build());
    }

    /** The status the node ended the stream with. */
    public io.grpc.Status.Code endedWith(Duration within) throws Exception {
        Throwable t = ended.get(within.toMillis(), TimeUnit.MILLISECONDS);
        return t instanceof StatusRuntimeException s ? s.getStatus().getCode() : io.grpc.Status.Code.OK;
    }

    @Override
    public void close() {
        if (!ended.isDone()) {
            answers.onCompleted();
        }
    }
}
