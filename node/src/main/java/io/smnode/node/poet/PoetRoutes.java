package io.smnode.node.poet;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageOrBuilder;
import io.smnode.actors.poet.PoetActor;
import io.smnode.node.poet.api.PoetApi;
import io.smnode.poet.SubmitRequest;
import io.smnode.poet.SubmitResult;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Scheduler;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntity;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.ExceptionHandler;
import org.apache.pekko.http.javadsl.server.MethodRejection;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Rejection;
import org.apache.pekko.http.javadsl.server.RejectionHandler;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.scaladsl.model.EntityStreamSizeException;
import org.apache.pekko.http.scaladsl.model.IllegalRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PoET's HTTP/JSON gateway (spec 09 §8) over a {@link PoetActor}: {@code POST /v1/submit}, {@code GET /v1/info},
 * {@code GET /v1/proofs/{round_id}}, {@code GET /v1/pow_params}. Every answer is JSON; an error carries the
 * gateway's HTTP status and a {@code {code, message, details}} body whose message starts with the rejection reason.
 * Nothing here blocks: each request asks the actor, which answers in order.
 */
final class PoetRoutes extends AllDirectives {
    /** A registration is a few hundred bytes; a larger body is refused (400) without being read further. */
    static final long MAX_BODY_BYTES = 64 * 1024;
    /** A body must arrive within this; a client that trickles it is cut off. */
    static final Duration BODY_TIMEOUT = Duration.ofSeconds(5);
    /** How long the actor may take to answer (it proves a round in its mailbox: milliseconds on a devnet). */
    static final Duration ASK_TIMEOUT = Duration.ofSeconds(10);
    /** Past this a request is answered 500 whatever it waits on; above the two timeouts before it. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

    private static final Logger LOG = LoggerFactory.getLogger(PoetRoutes.class);

    private final ActorRef<PoetActor.Command> poet;
    private final Scheduler scheduler;

    PoetRoutes(ActorRef<PoetActor.Command> poet, Scheduler scheduler) {
        this.poet = poet;
        this.scheduler = scheduler;
    }

    Route route() {
        return handleRejections(rejections(), () -> handleExceptions(exceptions(), () ->
                withRequestTimeout(REQUEST_TIMEOUT,
                        request -> error(GatewayStatus.INTERNAL, "the PoET did not answer in time"),
                        () -> pathPrefix("v1", () -> concat(
                                path("submit", () -> post(() -> withSizeLimit(MAX_BODY_BYTES, () ->
                                        extractStrictEntity(BODY_TIMEOUT, this::submit)))),
                                path("info", () -> get(() -> withInfo(
                                        reply -> ok(PoetMessages.info(reply.info()))))),
                                path("pow_params", () -> get(() -> withInfo(
                                        reply -> ok(PoetMessages.powParamsResponse(reply.powParams()))))),
                                path(PathMatchers.segment("proofs").slash(PathMatchers.segment()),
                                        roundId -> get(() -> proof(roundId))))))));
    }

    /** Answers with what {@code answer} makes of the PoET's info. */
    private Route withInfo(Function<PoetActor.InfoReply, HttpResponse> answer) {
        return onSuccess(this.<PoetActor.InfoReply>ask(PoetActor.GetInfo::new), reply -> complete(answer.apply(reply)));
    }

    private Route submit(HttpEntity.Strict entity) {
        SubmitRequest request;
        try {
            request = PoetMessages.submit(GatewayJson.read(entity.getData().toArray(),
                    PoetApi.SubmitRequest.newBuilder()).build());
        } catch (InvalidProtocolBufferException e) {
            return complete(error(GatewayStatus.INVALID_ARGUMENT, "MALFORMED_REQUEST: " + e.getMessage()));
        }
        return onSuccess(this.<SubmitResult>ask(r -> new PoetActor.Submit(request, r)),
                result -> complete(submitted(result)));
    }

    private static HttpResponse submitted(SubmitResult result) {
        if (result instanceof SubmitResult.Accepted a) {
            return ok(PoetMessages.submitResponse(a.roundId(), a.roundEnd()));
        }
        SubmitResult.Rejected r = (SubmitResult.Rejected) result;
        return error(GatewayStatus.of(r.reason().status()), r.reason().name() + ": " + r.detail());
    }

    private Route proof(String roundId) {
        long round;
        try {
            round = Long.parseUnsignedLong(roundId);
        } catch (NumberFormatException e) {
            return complete(error(GatewayStatus.INVALID_ARGUMENT, "INVALID_ROUND_ID: not a round number: " + roundId));
        }
        return onSuccess(this.<PoetActor.ProofReply>ask(r -> new PoetActor.GetProof(round, r)),
                reply -> reply.proof().isEmpty()
                        ? complete(error(GatewayStatus.NOT_FOUND, "NOT_FOUND: no proof for round " + roundId))
                        // The answer carries the server key, which the proof reply does not.
                        : withInfo(info -> ok(PoetMessages.proof(reply.proof().get(), info.info().servicePubKey()))));
    }

    private <T> CompletionStage<T> ask(Function<ActorRef<T>, PoetActor.Command> message) {
        return AskPattern.ask(poet, message::apply, ASK_TIMEOUT, scheduler);
    }

    /** Whatever no route took: unknown paths 404, a known path with the wrong method 405, anything else 400. */
    private RejectionHandler rejections() {
        return RejectionHandler.newBuilder()
                .handleAll(MethodRejection.class,
                        rejected -> complete(error(GatewayStatus.UNIMPLEMENTED, "method not allowed")))
                .handleNotFound(complete(error(GatewayStatus.NOT_FOUND, "no such endpoint")))
                .handleAll(Rejection.class,
                        rejected -> complete(error(GatewayStatus.INVALID_ARGUMENT, "bad request: " + rejected)))
                .build();
    }

    private ExceptionHandler exceptions() {
        return ExceptionHandler.newBuilder()
                // withSizeLimit: a body over the limit fails as it streams in, whether its length was declared or not.
                .match(EntityStreamSizeException.class, e -> tooLarge())
                .match(IllegalRequestException.class, e -> complete(
                        error(GatewayStatus.INVALID_ARGUMENT, "bad request: " + e.info().summary())))
                .match(TimeoutException.class, e -> complete(
                        error(GatewayStatus.INTERNAL, "the PoET did not answer in time")))
                .matchAny(e -> extractRequest(request -> {
                    LOG.warn("PoET request {} {} failed", request.method().value(), request.getUri(), e);
                    return complete(error(GatewayStatus.INTERNAL, "internal error"));
                }))
                .build();
    }

    private Route tooLarge() {
        return complete(error(GatewayStatus.INVALID_ARGUMENT, "request body over " + MAX_BODY_BYTES + " bytes"));
    }

    private static HttpResponse ok(MessageOrBuilder message) {
        return HttpResponse.create().withStatus(StatusCodes.OK)
                .withEntity(ContentTypes.APPLICATION_JSON, GatewayJson.write(message));
    }

    private static HttpResponse error(GatewayStatus status, String message) {
        return HttpResponse.create().withStatus(status.httpStatus)
                .withEntity(ContentTypes.APPLICATION_JSON,
                        GatewayJson.write(PoetMessages.error(status.grpcCode, message)));
    }
}
