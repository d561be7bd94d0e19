package io.smnode.api.grpc;

import io.grpc.Status;
import io.smnode.api.health.Health;
import io.smnode.api.health.HealthCheckRequest;
import io.smnode.api.health.HealthCheckResponse;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.NotUsed;
import org.apache.pekko.grpc.GrpcServiceException;
import org.apache.pekko.stream.javadsl.Source;

/**
 * The standard gRPC health service of one listener: SERVING for the whole server ("") and for each service the
 * listener serves while it is bound; NOT_FOUND for any other name, as the standard asks.
 */
public final class HealthServiceImpl implements Health {
    private final Set<String> services;

    public HealthServiceImpl(Set<String> services) {
        this.services = Set.copyOf(services);
    }

    @Override
    public CompletionStage<HealthCheckResponse> check(HealthCheckRequest in) {
        if (!known(in.getService())) {
            return CompletableFuture.failedFuture(unknown(in.getService()));
        }
        return CompletableFuture.completedFuture(serving());
    }

    /** The status now; the stream then stays open until the client leaves or the listener closes. */
    @Override
    public Source<HealthCheckResponse, NotUsed> watch(HealthCheckRequest in) {
        if (!known(in.getService())) {
            return Source.single(HealthCheckResponse.newBuilder()
                    .setStatus(HealthCheckResponse.ServingStatus.SERVICE_UNKNOWN).build())
                    .concat(Source.maybe()).mapMaterializedValue(m -> NotUsed.getInstance());
        }
        return Source.single(serving()).concat(Source.maybe()).mapMaterializedValue(m -> NotUsed.getInstance());
    }

    private boolean known(String service) {
        return service.isEmpty() || services.contains(service);
    }

    private static HealthCheckResponse serving() {
        return HealthCheckResponse.newBuilder().setStatus(HealthCheckResponse.ServingStatus.SERVING).build();
    }

    private static GrpcServiceException unknown(String service) {
        return new GrpcServiceException(Status.NOT_FOUND.withDescription("unknown service " + service));
    }
}
