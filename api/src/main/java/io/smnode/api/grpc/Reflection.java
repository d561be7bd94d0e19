package io.smnode.api.grpc;

import java.util.Collection;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.ClassicActorSystemProvider;
import org.apache.pekko.grpc.ServiceDescription;
import org.apache.pekko.grpc.javadsl.ServerReflection;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.japi.function.Function;

/**
 * Server reflection over a listener's services: Pekko gRPC speaks the v1alpha protocol; v1 has the same messages
 * under another package, so a v1 call is answered by the same handler under the v1alpha path (grpcurl and newer
 * clients ask v1 first).
 */
public final class Reflection {
    static final String V1_PATH = "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo";
    static final String V1ALPHA_PATH = "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo";

    private Reflection() {}

    public static Function<HttpRequest, CompletionStage<HttpResponse>> handler(
            Collection<ServiceDescription> services, ClassicActorSystemProvider system) {
        Function<HttpRequest, CompletionStage<HttpResponse>> v1alpha = ServerReflection.create(services, system);
        return request -> {
            String path = request.getUri().path();
            if (path.equals(V1_PATH)) {
                return v1alpha.apply(request.withUri(request.getUri().path(V1ALPHA_PATH)));
            }
            return v1alpha.apply(request); // answers NOT_FOUND ("not mine") for every other path
        };
    }
}
