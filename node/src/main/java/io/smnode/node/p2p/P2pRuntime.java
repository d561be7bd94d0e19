package io.smnode.node.p2p;

import com.typesafe.config.ConfigFactory;
import io.smnode.node.tools.ToolException;
import io.smnode.p2p.host.HostConfig;
import io.smnode.p2p.host.Libp2pHost;
import io.smnode.p2p.identity.Multiaddr;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.ActorSystem;

/** An actor system and a host for one p2p command; closing stops both. */
final class P2pRuntime implements AutoCloseable {
    final ActorSystem system;
    final Libp2pHost host;

    P2pRuntime(HostConfig cfg) {
        this.system = actorSystem("smnode-p2p");
        try {
            this.host = Libp2pHost.start(cfg, system).toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException | InterruptedException e) {
            system.terminate();
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new ToolException("cannot listen: " + cause.getMessage());
        }
    }

    /** An actor system whose logs go through slf4j to stderr (node's logback.xml): stdout stays the command's JSON. */
    static ActorSystem actorSystem(String name) {
        return ActorSystem.create(name, ConfigFactory.parseString(
                "pekko.stdout-loglevel = OFF\npekko.loglevel = WARNING\npekko.log-dead-letters = off")
                .withFallback(ConfigFactory.load()));
    }

    /** Stops the system, waiting a little for it. */
    static void terminate(ActorSystem system) {
        system.terminate();
        try {
            system.getWhenTerminated().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // exiting anyway
        }
    }

    static Multiaddr multiaddr(String option, String text) {
        try {
            return Multiaddr.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ToolException(option + ": " + e.getMessage());
        }
    }

    /** Waits for a stage, turning its failure into the tool's one-line error. */
    static <T> T await(java.util.concurrent.CompletionStage<T> stage, Duration timeout, String what) {
        try {
            return stage.toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new ToolException(what + ": " + e.getCause().getMessage());
        } catch (TimeoutException e) {
            throw new ToolException(what + ": no answer within " + timeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolException(what + ": interrupted");
        }
    }

    @Override
    public void close() {
        host.close();
        terminate(system);
    }
}
