package io.smnode.api;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.smnode.api.post.PostRegistry;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.settings.ServerSettings;
import org.apache.pekko.japi.function.Function;

/**
 * The API component ({@code api}): binds every configured listener (ARCHITECTURE.md: gRPC public, private and post
 * listeners, the JSON gateway, the status page) and unbinds them when it stops. It keeps the post services' registry
 * as its child. A listener that cannot bind (its port taken) is logged with the key that set it and stops the
 * component, which stops the node: an API that silently listens on fewer ports than configured would mislead.
 */
public final class ApiServer {
    /** In-flight calls are given this long to finish when the node stops. */
    private static final Duration UNBIND_DEADLINE = Duration.ofSeconds(2);

    public sealed interface Command {}

    /** Where each listener is bound, by name ({@code public}, {@code private}, {@code post}, {@code json}, {@code status}). */
    public record GetBindings(ActorRef<Bindings> replyTo) implements Command {}

    public record Bindings(Map<String, InetSocketAddress> addresses) {}

    private record Bound(String name, ServerBinding binding) implements Command {}

    private record BindFailed(String name, ApiSettings.Endpoint at, String why) implements Command {}

    private ApiServer() {}

    /** @param metrics where the API's metrics go; registered here, once (not again when the component restarts) */
    public static Behavior<Command> create(NodeView node, ApiSettings settings, PrometheusRegistry metrics) {
        ApiMetrics apiMetrics = new ApiMetrics(metrics);
        return Behaviors.setup(ctx -> {
            ctx.setLoggerName(ApiServer.class);
            ActorRef<PostRegistry.Command> registry = ctx.spawn(PostRegistry.create(apiMetrics), "post-services");
            ApiHandlers handlers = new ApiHandlers(node, ctx.getSystem(), registry, apiMetrics);
            bind(ctx, "public", settings.publicListen(), handlers.publicListener(), true);
            bind(ctx, "private", settings.privateListen(), handlers.privateListener(), true);
            bind(ctx, "post", settings.postListen(), handlers.postListener(), true);
            bind(ctx, "json", settings.jsonListen(), handlers.jsonGateway(), false);
            bind(ctx, "status", settings.statusListen(), handlers.statusPage(), false);
            return running(ctx, new HashMap<>());
        });
    }

    /**
     * Binds one listener. gRPC listeners speak HTTP/2 cleartext (prior knowledge, as gRPC clients dial) and keep idle
     * connections open for ever: a post service's Register stream may be silent for an epoch.
     */
    private static void bind(ActorContext<Command> ctx, String name, Optional<ApiSettings.Endpoint> at,
                             Function<HttpRequest, CompletionStage<HttpResponse>> handler, boolean grpc) {
        if (at.isEmpty()) {
            return;
        }
        ServerSettings settings = ServerSettings.create(ctx.getSystem().settings().config()).withEnableHttp2(grpc);
        if (grpc) {
            settings = settings.withTimeouts(settings.getTimeouts()
                    .withIdleTimeout(scala.concurrent.duration.Duration.Inf()));
        }
        ServerSettings listenerSettings = settings;
        ctx.pipeToSelf(Http.get(ctx.getSystem()).newServerAt(at.get().host(), at.get().port())
                        .withSettings(listenerSettings).bind(handler),
                (binding, failure) -> binding != null ? new Bound(name, binding)
                        : new BindFailed(name, at.get(), failure.getMessage()));
    }

    private static Behavior<Command> running(ActorContext<Command> ctx, Map<String, ServerBinding> bound) {
        return Behaviors.receive(Command.class)
                .onMessage(Bound.class, b -> {
                    bound.put(b.name(), b.binding());
                    InetSocketAddress a = b.binding().localAddress();
                    ctx.getLog().info("API {} listener on {}:{}", b.name(), a.getHostString(), a.getPort());
                    return Behaviors.same();
                })
                .onMessage(BindFailed.class, f -> {
                    ctx.getLog().error("cannot listen on {} ({}): {}", f.at(), f.at().key(), f.why());
                    return Behaviors.stopped();
                })
                .onMessage(GetBindings.class, g -> {
                    Map<String, InetSocketAddress> addresses = new HashMap<>();
                    bound.forEach((name, b) -> addresses.put(name, b.localAddress()));
                    g.replyTo().tell(new Bindings(Map.copyOf(addresses)));
                    return Behaviors.same();
                })
                .onSignal(PostStop.class, s -> {
                    bound.values().forEach(b -> b.terminate(UNBIND_DEADLINE));
                    return Behaviors.same();
                })
                .build();
    }
}
