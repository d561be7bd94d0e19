package io.smnode.node.poet;

import com.google.protobuf.InvalidProtocolBufferException;
import io.smnode.actors.poet.PoetClient;
import io.smnode.actors.poet.PoetOutcome;
import io.smnode.actors.poet.PoetRegistration;
import io.smnode.node.poet.api.PoetApi;
import io.smnode.poet.PoetInfo;
import io.smnode.poet.PowParams;
import io.smnode.poet.RoundProof;
import io.smnode.poet.SubmitRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@link PoetClient} over a PoET's HTTP/JSON gateway (spec 09 §8), on the JDK's HTTP client, with the gateway's
 * protobuf messages read and written by {@link GatewayJson}. Status codes become typed outcomes: 400 invalid, 401
 * unauthorized, 404 not found, 409 conflict, 429 full; 5xx, other codes, timeouts, connection failures and
 * unreadable bodies are {@link PoetOutcome.Unavailable} (worth a retry).
 */
public final class HttpPoetClient implements PoetClient {
    private final HttpClient http;
    private final URI base;
    private final Duration timeout;

    /** {@code base}: the gateway's root, e.g. {@code http://127.0.0.1:8080}. */
    public HttpPoetClient(URI base, Duration timeout) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.base = base;
        this.timeout = timeout;
    }

    @Override
    public CompletionStage<PoetOutcome<PoetRegistration>> submit(SubmitRequest request) {
        HttpRequest req = request("/v1/submit").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(GatewayJson.write(PoetMessages.submit(request))))
                .build();
        return call(req, body -> PoetMessages.registration(
                GatewayJson.read(body, PoetApi.SubmitResponse.newBuilder()).build()));
    }

    @Override
    public CompletionStage<PoetOutcome<PoetInfo>> info() {
        return call(request("/v1/info").GET().build(),
                body -> PoetMessages.info(GatewayJson.read(body, PoetApi.InfoResponse.newBuilder()).build()));
    }

    @Override
    public CompletionStage<PoetOutcome<RoundProof>> proof(String roundId) {
        long round;
        try {
            round = Long.parseUnsignedLong(roundId);
        } catch (NumberFormatException e) {
            return CompletableFuture.completedFuture(
                    new PoetOutcome.Invalid<>("not a round number: " + roundId));
        }
        return call(request("/v1/proofs/" + Long.toUnsignedString(round)).GET().build(),
                body -> PoetMessages.proof(round, GatewayJson.read(body, PoetApi.ProofResponse.newBuilder()).build()));
    }

    @Override
    public CompletionStage<PoetOutcome<PowParams>> powParams() {
        return call(request("/v1/pow_params").GET().build(), body -> PoetMessages.powParams(
                GatewayJson.read(body, PoetApi.PowParamsResponse.newBuilder()).build()));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).header("Accept", "application/json");
    }

    @FunctionalInterface
    interface BodyReader<T> {
        T read(byte[] body) throws InvalidProtocolBufferException;
    }

    private <T> CompletionStage<PoetOutcome<T>> call(HttpRequest req, BodyReader<T> reader) {
        return http.sendAsync(req, HttpResponse.BodyHandlers.ofByteArray())
                .handle((resp, failure) -> failure != null
                        ? new PoetOutcome.Unavailable<>(failure.toString())
                        : outcome(resp.statusCode(), resp.body(), reader));
    }

    static <T> PoetOutcome<T> outcome(int status, byte[] body, BodyReader<T> reader) {
        if (status == 200) {
            try {
                return new PoetOutcome.Ok<>(reader.read(body));
            } catch (InvalidProtocolBufferException e) {
                return new PoetOutcome.Unavailable<>("unreadable answer: " + e.getMessage());
            }
        }
        String message = errorMessage(body);
        return switch (status) {
            case 400 -> new PoetOutcome.Invalid<>(message);
            case 401 -> new PoetOutcome.Unauthorized<>(message);
            case 404 -> new PoetOutcome.NotFound<>(message);
            case 409 -> new PoetOutcome.Conflict<>(message);
            case 429 -> new PoetOutcome.Full<>(message);
            default -> new PoetOutcome.Unavailable<>("HTTP " + status + ": " + message);
        };
    }

    /** The message of the gateway's error body, or the body itself when it is not one (a proxy's page, say). */
    static String errorMessage(byte[] body) {
        try {
            return GatewayJson.read(body, PoetApi.GatewayError.newBuilder()).getMessage();
        } catch (InvalidProtocolBufferException e) {
            return new String(body, StandardCharsets.UTF_8);
        }
    }
}
