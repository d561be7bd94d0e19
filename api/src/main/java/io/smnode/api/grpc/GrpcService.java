package io.smnode.api.grpc;

import java.util.concurrent.CompletionStage;
import org.apache.pekko.grpc.ServiceDescription;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.japi.function.Function;

/**
 * One served gRPC service: its description (for reflection and health), its generated Java interface and
 * implementation (for the JSON gateway), and the Pekko gRPC handler made from them.
 */
public record GrpcService(ServiceDescription description, Class<?> api, Object implementation,
                          Function<HttpRequest, CompletionStage<HttpResponse>> handler) {

    public String name() {
        return description.name();
    }
}
