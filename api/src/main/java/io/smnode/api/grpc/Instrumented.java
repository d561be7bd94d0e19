package io.smnode.api.grpc;

import io.smnode.api.ApiMetrics;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.japi.function.Function;

/**
 * Counts a listener's requests by method and times them until the response starts. Paths that are not a served
 * method count as {@code other}, so a client cannot grow the metric's label set.
 */
public final class Instrumented {
    private Instrumented() {}

    public static Function<HttpRequest, CompletionStage<HttpResponse>> wrap(
            String listener, Set<String> knownPaths, ApiMetrics metrics,
            Function<HttpRequest, CompletionStage<HttpResponse>> handler) {
        return request -> {
            String path = request.getUri().path();
            metrics.requests.labelValues(listener, knownPaths.contains(path) ? path : "other").inc();
            long start = System.nanoTime();
            return handler.apply(request).whenComplete((r, t) ->
                    metrics.latency.labelValues(listener).observe((System.nanoTime() - start) / 1e9));
        };
    }
}
