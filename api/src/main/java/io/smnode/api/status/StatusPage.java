package io.smnode.api.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smnode.api.ComponentLookup;
import io.smnode.api.NodeView;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpMethods;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.japi.function.Function;
import org.apache.pekko.stream.Materializer;

/**
 * The web status page: {@code GET /} is one self-contained page that asks {@code GET /status.json} every two seconds
 * and redraws itself; nothing else is served. On loopback by default; read only.
 */
public final class StatusPage {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StatusSnapshot snapshot;
    private final byte[] page;
    private final Materializer materializer;

    public StatusPage(NodeView node, ActorSystem<?> system) {
        this.snapshot = new StatusSnapshot(node, new ComponentLookup(system));
        this.materializer = Materializer.matFromSystem(system);
        try (InputStream in = StatusPage.class.getResourceAsStream("index.html")) {
            if (in == null) {
                throw new IllegalStateException("the status page is missing from the jar");
            }
            this.page = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Function<HttpRequest, CompletionStage<HttpResponse>> handler() {
        return request -> {
            request.discardEntityBytes(materializer);
            String path = request.getUri().path();
            if (!request.method().equals(HttpMethods.GET)) {
                return done(HttpResponse.create().withStatus(StatusCodes.METHOD_NOT_ALLOWED));
            }
            if (path.equals("/") || path.equals("/index.html")) {
                return done(HttpResponse.create().withEntity(ContentTypes.TEXT_HTML_UTF8, page));
            }
            if (path.equals("/status.json")) {
                return snapshot.read().thenApply(s -> HttpResponse.create()
                        .addHeader(RawHeader.create("Cache-Control", "no-store"))
                        .withEntity(ContentTypes.APPLICATION_JSON, json(s)));
            }
            return done(HttpResponse.create().withStatus(StatusCodes.NOT_FOUND));
        };
    }

    private static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the status is plain maps and lists", e);
        }
    }

    private static CompletionStage<HttpResponse> done(HttpResponse r) {
        return CompletableFuture.completedFuture(r);
    }
}
