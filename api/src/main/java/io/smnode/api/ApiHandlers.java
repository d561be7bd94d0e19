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
        NodeServiceImpl nodeV1 = new NodeServiceImpl(node);
        publicServices.add(new GrpcService(spacemesh.v1.NodeService.description, spacemesh.v1.NodeService.class,
                nodeV1, NodeServiceHandlerFactory.create(nodeV1, system)));
        MeshServiceImpl mesh = new MeshServiceImpl(node);
        publicServices.add(new GrpcService(spacemesh.v1.MeshService.description, spacemesh.v1.MeshService.class,
                mesh, MeshServiceHandlerFactory.create(mesh, system)));
        NetworkServiceImpl network = new NetworkServiceImpl(node);
        v2alpha1.add(new GrpcService(spacemesh.v2alpha1.NetworkService.description,
                spacemesh.v2alpha1.NetworkService.class, network, NetworkServiceHandlerFactory.create(network, system)));
        NodeStatusServiceImpl nodeV2 = new NodeStatusServiceImpl(node);
        v2alpha1.add(new GrpcService(spacemesh.v2alpha1.NodeService.description, spacemesh.v2alpha1.NodeService.class,
                nodeV2, spacemesh.v2alpha1.NodeServiceHandlerFactory.create(nodeV2, system)));
        ActivationServiceImpl activations = new ActivationServiceImpl(node);
        v2alpha1.add(new GrpcService(spacemesh.v2alpha1.ActivationService.description,
                spacemesh.v2alpha1.ActivationService.class, activations,
                ActivationServiceHandlerFactory.create(activations, system)));
        LayerServiceImpl layers = new LayerServiceImpl(node);
        v2alpha1.add(new GrpcService(spacemesh.v2alpha1.LayerService.description,
                spacemesh.v2alpha1.LayerService.class, layers,
                spacemesh.v2alpha1.LayerServiceHandlerFactory.create(layers, system)));
        RewardServiceImpl rewards = new RewardServiceImpl(node);
        v2alpha1.add(new GrpcService(spacemesh.v2alpha1.RewardService.description,
                spacemesh.v2alpha1.RewardService.class, rewards,
                spacemesh.v2alpha1.RewardServiceHandlerFactory.create(rewards, system)));
        AccountServiceImpl accounts = new AccountServiceImpl(node);
        v2alpha1.add(new GrpcService(spacemesh.v2alpha1.AccountService.description,
                spacemesh.v2alpha1.AccountService.class, accounts,
                spacemesh.v2alpha1.AccountServiceHandlerFactory.create(accounts, system)));
        TransactionServiceImpl transactions = new TransactionServiceImpl(node);
        v2alpha1.add(new GrpcService(spacemesh.v2alpha1.TransactionService.description,
                spacemesh.v2alpha1.TransactionService.class, transactions,
                spacemesh.v2alpha1.TransactionServiceHandlerFactory.create(transactions, system)));
        MalfeasanceServiceImpl malfeasance = new MalfeasanceServiceImpl(node);
        v2alpha1.add(new GrpcService(spacemesh.v2alpha1.MalfeasanceService.description,
                spacemesh.v2alpha1.MalfeasanceService.class, malfeasance,
                spacemesh.v2alpha1.MalfeasanceServiceHandlerFactory.create(malfeasance, system)));
        publicServices.addAll(v2alpha1);

        SmesherServiceImpl smesher = new SmesherServiceImpl(node, lookup);
        PostInfoServiceImpl postInfo = new PostInfoServiceImpl(node, lookup, registry);
        privateServices = List.of(
                new GrpcService(spacemesh.v1.SmesherService.description, spacemesh.v1.SmesherService.class, smesher,
                        SmesherServiceHandlerFactory.create(smesher, system)),
                new GrpcService(spacemesh.v1.PostInfoService.description, spacemesh.v1.PostInfoService.class, postInfo,
                        PostInfoServiceHandlerFactory.create(postInfo, system)));
        PostServiceImpl post = new PostServiceImpl(node, system, registry);
        postServices = List.of(new GrpcService(spacemesh.v1.PostService.description, spacemesh.v1.PostService.class,
                post, PostServiceHandlerFactory.create(post, system)));
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
