package io.smnode.api.gateway;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.smnode.api.rpc.Status.Builder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.ClassicActorSystemProvider;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpMethods;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.japi.function.Function;
import org.apache.pekko.stream.Materializer;

/**
 * The JSON gateway (grpc-gateway's conventions, as the reference serves v2alpha1): {@code POST /<package.Service>/
 * <Method>} with the request in protobuf's JSON mapping answers the response in it — every field printed, also at its
 * default, 64-bit integers as strings, bytes as base64, lowerCamel names; unknown request fields are ignored. Errors
 * are {@code {code, message, details}} (google.rpc.Status) with grpc-gateway's HTTP status for the code. Browsers may
 * call it from any origin (explorers are web pages).
 */
public final class JsonGateway {
    /** A request body larger than this is refused: every v2alpha1 request is a small filter. */
    static final long MAX_BODY = 1 << 20;
    private static final Duration BODY_TIMEOUT = Duration.ofSeconds(10);

    private final Map<String, GatewayMethod> methods = new HashMap<>();
    private final Materializer materializer;
    private final JsonFormat.Printer printer = JsonFormat.printer().includingDefaultValueFields()
            .omittingInsignificantWhitespace();
    private final JsonFormat.Parser parser = JsonFormat.parser().ignoringUnknownFields();

    /** A service for the gateway: its description, its generated Java interface and the implementation. */
    public record Service(org.apache.pekko.grpc.ServiceDescription description, Class<?> api, Object implementation) {}

    public JsonGateway(List<Service> services, ClassicActorSystemProvider system) {
        for (Service s : services) {
            GatewayMethod.of(s.description(), s.api(), s.implementation()).forEach(m -> methods.put(m.path(), m));
        }
        this.materializer = Materializer.matFromSystem(system);
    }

    public Function<HttpRequest, CompletionStage<HttpResponse>> handler() {
        return this::handle;
    }

    private CompletionStage<HttpResponse> handle(HttpRequest request) {
        if (request.method().equals(HttpMethods.OPTIONS)) {
            return CompletableFuture.completedFuture(cors(HttpResponse.create().withStatus(StatusCodes.NO_CONTENT)));
        }
        GatewayMethod method = methods.get(request.getUri().path());
        if (method == null || !request.method().equals(HttpMethods.POST)) {
            request.discardEntityBytes(materializer);
            return CompletableFuture.completedFuture(error(method == null ? Status.NOT_FOUND.withDescription("Not Found")
                    : Status.UNIMPLEMENTED.withDescription("Method Not Allowed: use POST")));
        }
        return request.entity().withSizeLimit(MAX_BODY).toStrict(BODY_TIMEOUT.toMillis(), materializer)
                .thenCompose(body -> {
                    Message in;
                    try {
                        in = parse(method, body.getData().utf8String());
                    } catch (InvalidProtocolBufferException e) {
                        return CompletableFuture.completedFuture(error(Status.INVALID_ARGUMENT
                                .withDescription("the body is not " + method.prototype().getDescriptorForType()
                                        .getName() + " in JSON: " + e.getMessage())));
                    }
                    return method.call(in).thenApply(this::ok);
                })
                .exceptionally(this::failure);
    }

    private Message parse(GatewayMethod method, String json) throws InvalidProtocolBufferException {
        Message.Builder builder = method.prototype().clone();
        if (!json.isBlank()) {
            parser.merge(json, builder);
        }
        return builder.build();
    }

    private HttpResponse ok(Message answer) {
        try {
            return json(StatusCodes.OK, printer.print(answer));
        } catch (InvalidProtocolBufferException e) {
            return error(Status.INTERNAL.withDescription("cannot print the answer: " + e.getMessage()));
        }
    }

    private HttpResponse failure(Throwable t) {
        Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        if (cause instanceof StatusRuntimeException s) {
            return error(s.getStatus());
        }
        if (cause instanceof org.apache.pekko.http.scaladsl.model.EntityStreamSizeException) {
            return error(Status.INVALID_ARGUMENT.withDescription("the body is over " + MAX_BODY + " bytes"));
        }
        return error(Status.INTERNAL.withDescription(String.valueOf(cause.getMessage())));
    }

    private HttpResponse error(Status status) {
        Builder body = io.smnode.api.rpc.Status.newBuilder().setCode(status.getCode().value())
                .setMessage(status.getDescription() == null ? status.getCode().name() : status.getDescription());
        try {
            int http = HttpStatuses.of(status.getCode());
            return json(StatusCodes.lookup(http).orElseGet(() -> StatusCodes.custom(http, status.getCode().name(),
                    "")), printer.print(body));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e); // a Status without details always prints
        }
    }

    private static HttpResponse json(org.apache.pekko.http.javadsl.model.StatusCode code, String body) {
        return cors(HttpResponse.create().withStatus(code)
                .withEntity(ContentTypes.APPLICATION_JSON, body.getBytes(StandardCharsets.UTF_8)));
    }

    private static HttpResponse cors(HttpResponse response) {
        return response.addHeader(RawHeader.create("Access-Control-Allow-Origin", "*"))
                .addHeader(RawHeader.create("Access-Control-Allow-Methods", "POST, OPTIONS"))
                .addHeader(RawHeader.create("Access-Control-Allow-Headers", "Content-Type"));
    }
}
