package io.smnode.node.poet;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.smnode.actors.poet.PoetActor;
import io.smnode.poet.SubmitRequest;
import io.smnode.poet.SubmitResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Scheduler;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PoET's HTTP/JSON gateway (spec 09 §8) over a {@link PoetActor}: {@code POST /v1/submit},
 * {@code GET /v1/info}, {@code GET /v1/proofs/{round_id}}, {@code GET /v1/pow_params}. Errors carry the gateway's
 * status and a {@code {code, message}} body whose message starts with the rejection reason. A few handler threads
 * wait on the actor, which answers in order.
 */
public final class PoetHttpServer implements AutoCloseable {
    /** A registration is a few hundred bytes; anything much larger is refused unread. */
    static final int MAX_BODY_BYTES = 64 * 1024;
    private static final Duration ASK_TIMEOUT = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(PoetHttpServer.class);

    private final HttpServer server;
    private final ExecutorService handlers;
    private final ActorRef<PoetActor.Command> poet;
    private final Scheduler scheduler;

    private PoetHttpServer(HttpServer server, ExecutorService handlers, ActorRef<PoetActor.Command> poet,
                           Scheduler scheduler) {
        this.server = server;
        this.handlers = handlers;
        this.poet = poet;
        this.scheduler = scheduler;
    }

    /** Binds {@code address} (port 0: any free port) and starts serving. */
    public static PoetHttpServer start(InetSocketAddress address, ActorRef<PoetActor.Command> poet,
                                       Scheduler scheduler) throws IOException {
        HttpServer http = HttpServer.create(address, 0);
        ExecutorService handlers = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "poet-http");
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(handlers);
        PoetHttpServer s = new PoetHttpServer(http, handlers, poet, scheduler);
        http.createContext("/v1/submit", ex -> s.handle(ex, "POST", exact("/v1/submit", s::submit)));
        http.createContext("/v1/info", ex -> s.handle(ex, "GET", exact("/v1/info", s::info)));
        http.createContext("/v1/pow_params", ex -> s.handle(ex, "GET", exact("/v1/pow_params", s::powParams)));
        http.createContext("/v1/proofs/", ex -> s.handle(ex, "GET", s::proof));
        http.createContext("/", ex -> s.handle(ex, ex.getRequestMethod(), e -> NOT_FOUND));
        http.start();
        return s;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    private record Reply(int status, byte[] body) {
        static Reply ok(byte[] body) {
            return new Reply(200, body);
        }

        static Reply error(GatewayStatus status, String message) {
            return new Reply(status.httpStatus, PoetJson.writeError(status.grpcCode, message));
        }
    }

    @FunctionalInterface
    private interface Handler {
        Reply handle(HttpExchange ex) throws Exception;
    }

    private static final Reply NOT_FOUND = Reply.error(GatewayStatus.NOT_FOUND, "no such endpoint");

    /** A context matches every path below it; the gateway's fixed endpoints answer their own path only. */
    private static Handler exact(String path, Handler handler) {
        return ex -> path.equals(ex.getRequestURI().getPath()) ? handler.handle(ex) : NOT_FOUND;
    }

    private void handle(HttpExchange ex, String method, Handler handler) throws IOException {
        Reply reply;
        try {
            reply = method.equals(ex.getRequestMethod())
                    ? handler.handle(ex)
                    : new Reply(405, PoetJson.writeError(12, "method not allowed"));
        } catch (TimeoutException e) {
            reply = Reply.error(GatewayStatus.INTERNAL, "the PoET did not answer in time");
        } catch (Exception e) {
            LOG.warn("PoET request {} {} failed", ex.getRequestMethod(), ex.getRequestURI(), e);
            reply = Reply.error(GatewayStatus.INTERNAL, "internal error");
        }
        try (ex) {
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(reply.status(), reply.body().length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(reply.body());
            }
        }
    }

    private Reply submit(HttpExchange ex) throws Exception {
        byte[] body = readBody(ex.getRequestBody());
        if (body == null) {
            return Reply.error(GatewayStatus.INVALID_ARGUMENT, "request body over " + MAX_BODY_BYTES + " bytes");
        }
        SubmitRequest request;
        try {
            request = PoetJson.readSubmit(body);
        } catch (PoetJsonException e) {
            return Reply.error(GatewayStatus.INVALID_ARGUMENT, "MALFORMED_REQUEST: " + e.getMessage());
        }
        SubmitResult result = ask(r -> new PoetActor.Submit(request, r));
        if (result instanceof SubmitResult.Accepted a) {
            return Reply.ok(PoetJson.writeSubmitResponse(a.roundId(), a.roundEnd()));
        }
        SubmitResult.Rejected r = (SubmitResult.Rejected) result;
        return Reply.error(GatewayStatus.of(r.reason().status()), r.reason().name() + ": " + r.detail());
    }

    private Reply info(HttpExchange ex) throws Exception {
        PoetActor.InfoReply reply = ask(PoetActor.GetInfo::new);
        return Reply.ok(PoetJson.writeInfo(reply.info()));
    }

    private Reply powParams(HttpExchange ex) throws Exception {
        PoetActor.InfoReply reply = ask(PoetActor.GetInfo::new);
        return Reply.ok(PoetJson.writePowParams(reply.powParams()));
    }

    private Reply proof(HttpExchange ex) throws Exception {
        String roundId = ex.getRequestURI().getPath().substring("/v1/proofs/".length());
        long round;
        try {
            round = Long.parseUnsignedLong(roundId);
        } catch (NumberFormatException e) {
            return Reply.error(GatewayStatus.INVALID_ARGUMENT, "INVALID_ROUND_ID: not a round number: " + roundId);
        }
        PoetActor.ProofReply reply = ask(r -> new PoetActor.GetProof(round, r));
        if (reply.proof().isEmpty()) {
            return Reply.error(GatewayStatus.NOT_FOUND, "NOT_FOUND: no proof for round " + roundId);
        }
        PoetActor.InfoReply info = ask(PoetActor.GetInfo::new);
        return Reply.ok(PoetJson.writeProof(reply.proof().get(), info.info().servicePubKey()));
    }

    private <T> T ask(Function<ActorRef<T>, PoetActor.Command> message) throws TimeoutException, InterruptedException,
            ExecutionException {
        CompletionStage<T> answer = AskPattern.ask(poet, message::apply, ASK_TIMEOUT, scheduler);
        try {
            return answer.toCompletableFuture().get(ASK_TIMEOUT.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TimeoutException t) {
                throw t;
            }
            throw e;
        }
    }

    /** The body, or null when it is larger than {@link #MAX_BODY_BYTES}. */
    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        return body.length > MAX_BODY_BYTES ? null : body;
    }

    /** Stops accepting requests and lets the ones in flight finish for up to a second. */
    @Override
    public void close() {
        server.stop(1);
        handlers.shutdownNow();
    }
}
