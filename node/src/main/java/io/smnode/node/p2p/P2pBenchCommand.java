package io.smnode.node.p2p;

import com.typesafe.config.ConfigFactory;
import io.smnode.node.tools.Tool;
import io.smnode.node.tools.ToolException;
import io.smnode.p2p.host.GossipBenchmark;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.ActorSystem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The gossip ingestion benchmark: two hosts on loopback, one JSON object of figures. */
@Command(name = "bench", description = "Gossip ingestion between two hosts on loopback: messages/s (decode + dedup + a trivial "
        + "validator), heap after GC over the run (flat or growing), wire bytes per gossiped byte.")
public final class P2pBenchCommand extends Tool {
    @Option(names = "--seconds", defaultValue = "60", description = "How long to run (default 60).")
    int seconds;

    @Option(names = "--size", defaultValue = "512", paramLabel = "BYTES", description = "Message size (default 512).")
    int size;

    @Option(names = "--window", defaultValue = "2000", description = "Messages in flight at most (default 2000).")
    int window;

    @Override
    protected Map<String, ?> run() {
        if (seconds < 1 || size < 8 || size > (2 << 20) - 1024 || window < 1) {
            throw new ToolException("--seconds must be >= 1, --size 8 to 2 MiB - 1 KiB, --window >= 1");
        }
        ActorSystem system = ActorSystem.create("smnode-p2p-bench", ConfigFactory.parseString(
                "pekko.stdout-loglevel = OFF\npekko.loglevel = WARNING").withFallback(ConfigFactory.load()));
        try {
            return GossipBenchmark.run(system, Duration.ofSeconds(seconds), size, window);
        } catch (Exception e) {
            throw new ToolException("benchmark failed: " + e);
        } finally {
            system.terminate();
            try {
                system.getWhenTerminated().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // exiting anyway
            }
        }
    }
}
