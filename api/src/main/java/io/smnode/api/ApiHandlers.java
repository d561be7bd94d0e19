package io.smnode.api;

import io.smnode.api.gateway.JsonGateway;
import io.smnode.api.grpc.GrpcService;
import io.smnode.api.grpc.HealthServiceImpl;
import io.smnode.api.grpc.Instrumented;
import io.smnode.api.grpc.Reflection;
import io.smnode.api.health.Health;
import io.smnode.api.health.HealthHandlerFactory;
import io.smnode.api.post.PostInfoServiceImpl;
import io.smnode.api.post.PostRegistry;
import io.smnode.api.post.PostServiceImpl;
import io.smnode.api.status.StatusPage;
import io.smnode.api.v1.MeshServiceImpl;
import io.smnode.api.v1.NodeServiceImpl;
import io.smnode.api.v1.SmesherServiceImpl;
import io.smnode.api.v2alpha1.AccountServiceImpl;
import io.smnode.api.v2alpha1.ActivationServiceImpl;
import io.smnode.api.v2alpha1.LayerServiceImpl;
import io.smnode.api.v2alpha1.MalfeasanceServiceImpl;
import io.smnode.api.v2alpha1.RewardServiceImpl;
import io.smnode.api.v2alpha1.TransactionServiceImpl;
import io.smnode.api.v2alpha1.NetworkServiceImpl;
import io.smnode.api.v2alpha1.NodeStatusServiceImpl;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.ClassicActorSystemProvider;
import org.apache.pekko.grpc.ServiceDescription;
import org.apache.pekko.grpc.javadsl.ServiceHandler;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.japi.function.Function;
import spacemesh.v1.MeshServiceHandlerFactory;
import spacemesh.v1.NodeServiceHandlerFactory;
import spacemesh.v1.PostInfoServiceHandlerFactory;
import spacemesh.v1.PostServiceHandlerFactory;
import spacemesh.v1.SmesherServiceHandlerFactory;
import spacemesh.v2alpha1.ActivationServiceHandlerFactory;
import spacemesh.v2alpha1.NetworkServiceHandlerFactory;

/**
 * Which service is served where, as in the reference: the public listener has v1 NodeService and MeshService and
 * the v2alpha1 services; the private one the smesher's services; the post one PostService. Each gRPC listener also
 * serves health and reflection over its own services. The JSON gateway serves the public v2alpha1 services.
 */
final class ApiHandlers {
    private final ActorSystem<?> system;
    private final List<GrpcService> publicServices = new ArrayList<>();
    private final List<GrpcService> v2alpha1 = new ArrayList<>();
    private final List<GrpcService> privateServices;
    private final List<GrpcService> postServices;
    private final NodeView node;
    private final ApiMetrics metrics;

    ApiHandlers(NodeView node, ActorSystem<?> system, ActorRef<PostRegistry.Command> registry, ApiMetrics metrics) {
        this.node = node;
        this.system = system;
        this.metrics = metrics;
        ComponentLookup lookup = new ComponentLookup(system);
        publicServices.add(service(spacemesh.v1.NodeService.description, spacemesh.v1.NodeService.class,
                new NodeServiceImpl(node), NodeServiceHandlerFactory::create));
        publicServices.add(service(spacemesh.v1.MeshService.description, spacemesh.v1.MeshService.class,
                new MeshServiceImpl(node), MeshServiceHandlerFactory::create));
        v2alpha1.add(service(spacemesh.v2alpha1.NetworkService.description, spacemesh.v2alpha1.NetworkService.class,
                new NetworkServiceImpl(node), NetworkServiceHandlerFactory::create));
        v2alpha1.add(service(spacemesh.v2alpha1.NodeService.description, spacemesh.v2alpha1.NodeService.class,
                new NodeStatusServiceImpl(node), spacemesh.v2alpha1.NodeServiceHandlerFactory::create));
        v2alpha1.add(service(spacemesh.v2alpha1.ActivationService.description,
                spacemesh.v2alpha1.ActivationService.class, new ActivationServiceImpl(node),
                ActivationServiceHandlerFactory::create));
        v2alpha1.add(service(spacemesh.v2alpha1.LayerService.description, spacemesh.v2alpha1.LayerService.class,
                new LayerServiceImpl(node), spacemesh.v2alpha1.LayerServiceHandlerFactory::create));
        v2alpha1.add(service(spacemesh.v2alpha1.RewardService.description, spacemesh.v2alpha1.RewardService.class,
                new RewardServiceImpl(node), spacemesh.v2alpha1.RewardServiceHandlerFactory::create));
        v2alpha1.add(service(spacemesh.v2alpha1.AccountService.description, spacemesh.v2alpha1.AccountService.class,
                new AccountServiceImpl(node), spacemesh.v2alpha1.AccountServiceHandlerFactory::create));
        v2alpha1.add(service(spacemesh.v2alpha1.TransactionService.description,
                spacemesh.v2alpha1.TransactionService.class, new TransactionServiceImpl(node),
                spacemesh.v2alpha1.TransactionServiceHandlerFactory::create));
        v2alpha1.add(service(spacemesh.v2alpha1.MalfeasanceService.description,
                spacemesh.v2alpha1.MalfeasanceService.class, new MalfeasanceServiceImpl(node),
                spacemesh.v2alpha1.MalfeasanceServiceHandlerFactory::create));
        publicServices.addAll(v2alpha1);

        privateServices = List.of(
                service(spacemesh.v1.SmesherService.description, spacemesh.v1.SmesherService.class,
                        new SmesherServiceImpl(node, lookup), SmesherServiceHandlerFactory::create),
                service(spacemesh.v1.PostInfoService.description, spacemesh.v1.PostInfoService.class,
                        new PostInfoServiceImpl(node, lookup, registry), PostInfoServiceHandlerFactory::create));
        postServices = List.of(service(spacemesh.v1.PostService.description, spacemesh.v1.PostService.class,
                new PostServiceImpl(node, system, registry), PostServiceHandlerFactory::create));
    }

    Function<HttpRequest, CompletionStage<HttpResponse>> publicListener() {
        return Instrumented.wrap("public", paths(publicServices), metrics, grpc(publicServices));
    }

    Function<HttpRequest, CompletionStage<HttpResponse>> privateListener() {
        return Instrumented.wrap("private", paths(privateServices), metrics, grpc(privateServices));
    }

    Function<HttpRequest, CompletionStage<HttpResponse>> postListener() {
        return Instrumented.wrap("post", paths(postServices), metrics, grpc(postServices));
    }

    Function<HttpRequest, CompletionStage<HttpResponse>> jsonGateway() {
        return Instrumented.wrap("json", paths(v2alpha1), metrics, new JsonGateway(v2alpha1.stream()
                .map(s -> new JsonGateway.Service(s.description(), s.api(), s.implementation())).toList(), system)
                .handler());
    }

    Function<HttpRequest, CompletionStage<HttpResponse>> statusPage() {
        return Instrumented.wrap("status", Set.of("/", "/status.json"), metrics,
                new StatusPage(node, system).handler());
    }

    /** How a generated handler factory makes a service's handler. */
    @FunctionalInterface
    private interface HandlerFactory<T> {
        Function<HttpRequest, CompletionStage<HttpResponse>> create(T implementation,
                                                                    ClassicActorSystemProvider system);
    }

    private <T> GrpcService service(ServiceDescription description, Class<T> api, T implementation,
                                    HandlerFactory<T> factory) {
        return new GrpcService(description, api, implementation, factory.create(implementation, system));
    }

    /** The paths of every method of {@code services}: {@code /package.Service/Method}. */
    private static Set<String> paths(List<GrpcService> services) {
        Set<String> paths = new java.util.HashSet<>();
        for (GrpcService s : services) {
            String simple = s.name().substring(s.name().lastIndexOf('.') + 1);
            s.description().descriptor().findServiceByName(simple).getMethods()
                    .forEach(m -> paths.add("/" + s.name() + "/" + m.getName()));
        }
        return paths;
    }

    /** The services, then health and reflection over them. */
    @SuppressWarnings("unchecked")
    private Function<HttpRequest, CompletionStage<HttpResponse>> grpc(List<GrpcService> services) {
        Set<String> names = services.stream().map(GrpcService::name).collect(Collectors.toSet());
        List<Function<HttpRequest, CompletionStage<HttpResponse>>> handlers = new ArrayList<>();
        services.forEach(s -> handlers.add(s.handler()));
        handlers.add(HealthHandlerFactory.create(new HealthServiceImpl(names), system));
        List<org.apache.pekko.grpc.ServiceDescription> described = new ArrayList<>();
        services.forEach(s -> described.add(s.description()));
        described.add(Health.description);
        handlers.add(Reflection.handler(described, system));
        return ServiceHandler.concatOrNotFound(handlers.toArray(new Function[0]));
    }
}
