package io.smnode.api.status;

import io.smnode.api.NodeView;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.japi.function.Function;

/** The web status page (placeholder until the page is written). */
public final class StatusPage {
    private final NodeView node;

    public StatusPage(NodeView node, ActorSystem<?> system) {
        this.node = node;
    }

    public Function<HttpRequest, CompletionStage<HttpResponse>> handler() {
        return request -> CompletableFuture.completedFuture(HttpResponse.create().withStatus(StatusCodes.NOT_FOUND));
    }
}
