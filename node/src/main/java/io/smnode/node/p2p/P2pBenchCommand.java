package io.smnode.node.p2p;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import io.smnode.node.tools.Tool;
import io.smnode.node.tools.ToolException;
import io.smnode.p2p.host.GossipBenchmark;
import java.time.Duration;
import java.util.Map;
import org.apache.pekko.actor.ActorSystem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The gossip ingestion benchmark: two hosts on loopback, one JSON object of figures. */
@Command(name = "bench", description = "Gossip ingestion between two hosts on loopback: messages/s (decode + dedup + a trivial "
        + "validator), heap after GC over the run (flat or growing), wire bytes per gossiped byte; with --limit-out/--limit-in "
        + "the achieved wire rate against the bandwidth limit.")
public final class P2pBenchCommand extends Tool {
    @Option(names = "--seconds", defaultValue = "60", description = "How long to run (default 60).")
    int seconds;

    @Option(names = "--size", defaultValue = "512", paramLabel = "BYTES", description = "Message size (default 512).")
    int size;

    @Option(names = "--window", defaultValue = "2000", description = "Messages in flight at most (default 2000).")
    int window;

    @Option(names = "--seen-ttl", defaultValue = "120", paramLabel = "SECONDS",
            description = "How long message ids stay in the seen caches (go-libp2p-pubsub: 120).")
    int seenTtl;

    @Option(names = "--warmup", paramLabel = "SECONDS",
            description = "Publishing before the measured run, so the seen caches reach their steady size (default: seen TTL + 10).")
    Integer warmup;

    @Option(names = "--limit-out", defaultValue = "0", paramLabel = "SIZE",
            description = "The publisher's per-peer outbound bandwidth limit in bytes per second, a size such as 256KiB "
                    + "(default 0: none); the figures then include the achieved wire rate against it.")
    String limitOut;

    @Option(names = "--limit-in", defaultValue = "0", paramLabel = "SIZE",
            description = "The receiver's per-peer inbound bandwidth limit, as --limit-out (default 0: none).")
    String limitIn;

    @Override
    protected Map<String, ?> run() {
        if (seconds < 1 || size < 8 || size > (2 << 20) - 1024 || window < 1 || seenTtl < 1 || (warmup != null && warmup < 0)) {
            throw new ToolException("--seconds and --seen-ttl must be >= 1, --size 8 to 2 MiB - 1 KiB, --window >= 1, --warmup >= 0");
        }
        long out = rate("--limit-out", limitOut);
        long in = rate("--limit-in", limitIn);
        ActorSystem system = P2pRuntime.actorSystem("smnode-p2p-bench");
        try {
            return GossipBenchmark.run(system, Duration.ofSeconds(seconds),
                    Duration.ofSeconds(warmup != null ? warmup : seenTtl + 10), Duration.ofSeconds(seenTtl), size, window, out, in);
        } catch (Exception e) {
            throw new ToolException("benchmark failed: " + e);
        } finally {
            P2pRuntime.terminate(system);
        }
    }

    /** A size as the configuration reads it ("256KiB", "262144"). */
    private static long rate(String option, String text) {
        long value;
        try {
            value = ConfigFactory.parseMap(Map.of("v", text)).getBytes("v");
        } catch (ConfigException e) {
            throw new ToolException(option + " must be a size such as 256KiB, got '" + text + "'");
        }
        if (value < 0) {
            throw new ToolException(option + " must not be negative, got '" + text + "'");
        }
        return value;
    }
}
