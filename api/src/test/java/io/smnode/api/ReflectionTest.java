package io.smnode.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Server reflection on every gRPC listener, through grpc-java's own reflection stubs, in both protocol versions. */
class ReflectionTest {
    private static ApiFixture api;

    @BeforeAll
    static void start() {
        api = new ApiFixture();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        api.close();
    }

    @Test
    void v1AlphaListsThePublicServices() throws Exception {
        Set<String> services = listV1Alpha(api.channel("public"));
        assertTrue(services.containsAll(Set.of("spacemesh.v1.NodeService", "spacemesh.v1.MeshService",
                "spacemesh.v2alpha1.NetworkService", "spacemesh.v2alpha1.NodeService",
                "spacemesh.v2alpha1.ActivationService", "grpc.health.v1.Health")), services.toString());
    }

    @Test
    void v1ListsThePrivateAndPostServices() throws Exception {
        String reflection = "grpc.reflection.v1alpha.ServerReflection";
        assertEquals(Set.of("spacemesh.v1.SmesherService", "spacemesh.v1.PostInfoService", "grpc.health.v1.Health",
                reflection), listV1(api.channel("private")));
        assertEquals(Set.of("spacemesh.v1.PostService", "grpc.health.v1.Health", reflection),
                listV1(api.channel("post")));
    }

    @Test
    void v1DescribesAServiceFileWithItsDependencies() throws Exception {
        CompletableFuture<io.grpc.reflection.v1.ServerReflectionResponse> answer = new CompletableFuture<>();
        StreamObserver<io.grpc.reflection.v1.ServerReflectionRequest> requests =
                io.grpc.reflection.v1.ServerReflectionGrpc.newStub(api.channel("public"))
                        .serverReflectionInfo(collector(answer));
        requests.onNext(io.grpc.reflection.v1.ServerReflectionRequest.newBuilder()
                .setFileContainingSymbol("spacemesh.v2alpha1.ActivationService").build());
        requests.onCompleted();
        List<String> files = answer.get(10, TimeUnit.SECONDS).getFileDescriptorResponse().getFileDescriptorProtoList()
                .stream().map(bytes -> {
                    try {
                        return com.google.protobuf.DescriptorProtos.FileDescriptorProto.parseFrom(bytes).getName();
                    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
                        throw new AssertionError(e);
                    }
                }).toList();
        assertTrue(files.contains("spacemesh/v2alpha1/activation.proto"), files.toString());
    }

    private static Set<String> listV1(ManagedChannel channel) throws Exception {
        CompletableFuture<io.grpc.reflection.v1.ServerReflectionResponse> answer = new CompletableFuture<>();
        StreamObserver<io.grpc.reflection.v1.ServerReflectionRequest> requests =
                io.grpc.reflection.v1.ServerReflectionGrpc.newStub(channel).serverReflectionInfo(collector(answer));
        requests.onNext(io.grpc.reflection.v1.ServerReflectionRequest.newBuilder().setListServices("*").build());
        requests.onCompleted();
        return answer.get(10, TimeUnit.SECONDS).getListServicesResponse().getServiceList().stream()
                .map(io.grpc.reflection.v1.ServiceResponse::getName).collect(Collectors.toSet());
    }

    @SuppressWarnings("deprecation")
    private static Set<String> listV1Alpha(ManagedChannel channel) throws Exception {
        CompletableFuture<io.grpc.reflection.v1alpha.ServerReflectionResponse> answer = new CompletableFuture<>();
        StreamObserver<io.grpc.reflection.v1alpha.ServerReflectionRequest> requests =
                io.grpc.reflection.v1alpha.ServerReflectionGrpc.newStub(channel)
                        .serverReflectionInfo(collector(answer));
        requests.onNext(io.grpc.reflection.v1alpha.ServerReflectionRequest.newBuilder().setListServices("*").build());
        requests.onCompleted();
        return answer.get(10, TimeUnit.SECONDS).getListServicesResponse().getServiceList().stream()
                .map(io.grpc.reflection.v1alpha.ServiceResponse::getName).collect(Collectors.toSet());
    }

    /** Completes {@code answer} with the first response, or with the stream's error. */
    private static <T> StreamObserver<T> collector(CompletableFuture<T> answer) {
        return new StreamObserver<>() {
            @Override
            public void onNext(T value) {
                answer.complete(value);
            }

            @Override
            public void onError(Throwable t) {
                answer.completeExceptionally(t);
            }

            @Override
            public void onCompleted() {
                answer.completeExceptionally(new AssertionError("no response"));
            }
        };
    }
}
