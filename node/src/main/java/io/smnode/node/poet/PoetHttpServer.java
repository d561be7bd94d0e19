package io.smnode.node.poet;

import io.smnode.actors.poet.PoetActor;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;

/** The PoET's gateway ({@link PoetRoutes}) bound to an address on the actor system's Pekko HTTP server. */
public final class PoetHttpServer implements AutoCloseable {
    /** Binding is local work; past this something is badly wrong. */
    private static final Duration BIND_TIMEOUT = Duration.ofSeconds(10);
    /** On close, requests in flight get this long to finish before their connections are cut. */
    private static final Duration DRAIN = Duration.ofSeconds(1);

    private final ServerBinding binding;

    private PoetHttpServer(ServerBinding binding) {
        this.binding = binding;
    }

    /** Binds {@code address} (port 0: any free port) and starts serving; a taken address is a BindException. */
    public static PoetHttpServer start(InetSocketAddress address, ActorRef<PoetActor.Command> poet,
                                       ActorSystem<?> system) throws BindException {
        var bound = Http.get(system).newServerAt(address.getHostString(), address.getPort())
                .bind(new PoetRoutes(poet, system.scheduler()).route());
        try {
            return new PoetHttpServer(bound.toCompletableFuture().get(BIND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        } catch (ExecutionException e) {
            throw bindFailure(e.getCause());
        } catch (TimeoutException e) {
            throw bindFailure(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw bindFailure(e);
        }
    }

    private static BindException bindFailure(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        BindException e = new BindException(root.getMessage() == null ? root.toString() : root.getMessage());
        e.initCause(cause);
        return e;
    }

    public int port() {
        return binding.localAddress().getPort();
    }

    public InetSocketAddress address() {
        return binding.localAddress();
    }

    /**
     * Stops accepting connections and lets the requests in flight finish for up to {@link #DRAIN}. Waits on the
     * wall clock, not the actor scheduler, so that it returns under a manual scheduler too.
     */
    @Override
    public void close() {
        try {
            binding.unbind().thenCompose(done -> binding.terminate(DRAIN)).toCompletableFuture()
                    .get(DRAIN.multipliedBy(2).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Unbound or not, the actor system's termination closes what is left.
        }
    }
}
