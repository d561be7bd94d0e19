package io.smnode.node.config;

import com.typesafe.config.Config;
import io.smnode.core.net.GenesisConfig;
import io.smnode.post.k2pow.RandomXPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** The node's validated configuration, plus the raw tree handed to Pekko. */
public record NodeConfig(
        String preset, Path dataDir, Network network, Storage storage, Log log, Metrics metrics, Poet poet,
        Smeshing smeshing, Post post, Config raw) {

    /** Genesis and clock parameters; genesisTime is empty on a devnet until its first start fixes it. */
    public record Network(Optional<Instant> genesisTime, String genesisExtraData, String hrp, Duration layerDuration, int layersPerEpoch) {}

    public record Storage(long mapSizeInitial, long mapSizeMax) {}

    public record Log(String format, String level) {}

    public record Metrics(boolean enabled, String host, int port) {}

    /**
     * Proving runs in the PoET actor's mailbox (PoetService proves inside advance), ~25 µs a leaf: this bounds
     * the pause during which registrations wait to about 2.5 s.
     */
    public static final int MAX_POET_LEAVES = 100_000;

    /** The embedded PoET: whether the node runs one ("auto" resolved against the preset), its leaves and PoW bits. */
    public record Poet(boolean embedded, int leavesPerRound, int powDifficulty) {}

    /** Whether the node builds ATXs ("auto" resolved against the preset: on for standalone only). */
    public record Smeshing(boolean enabled) {}

    /** PoST verification: how the k2pow checkers use RandomX (resolved against free memory when they start). */
    public record Post(RandomXPolicy randomx) {}

    /** Reads and validates every smnode key. @throws ConfigException naming the first bad key */
    public static NodeConfig from(Config config) {
        TypedReader r = new TypedReader(config);
        // The preset layer already refused an unknown name; this only normalises its spelling ("Mainnet" -> "mainnet").
        String preset = io.smnode.core.net.Preset.byName(r.string("smnode.preset")).presetName();
        String dataDirText = r.string("smnode.data-dir").trim();
        Path dataDir = dataDirText.isEmpty()
                ? Path.of(System.getProperty("user.home"), ".smnode", preset)
                : Path.of(dataDirText);
        String extraData = r.string("smnode.network.genesis-extra-data");
        int extraBytes = extraData.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (extraBytes == 0 || extraBytes > GenesisConfig.MAX_EXTRA_DATA_BYTES) {
            throw new ConfigException("configuration key smnode.network.genesis-extra-data must be 1 to "
                    + GenesisConfig.MAX_EXTRA_DATA_BYTES + " bytes, got " + extraBytes + ".");
        }
        String hrp = r.string("smnode.network.hrp");
        if (hrp.isEmpty()) {
            throw new ConfigException("configuration key smnode.network.hrp must not be empty.");
        }
        Network network = new Network(
                r.optionalInstant("smnode.network.genesis-time"),
                extraData,
                hrp,
                r.positiveDuration("smnode.network.layer-duration"),
                r.intIn("smnode.network.layers-per-epoch", 1, 1 << 20));
        long initial = r.bytesAtLeast("smnode.storage.map-size-initial", 1L << 20);
        long max = r.bytesAtLeast("smnode.storage.map-size-max", initial);
        Storage storage = new Storage(initial, max);
        Log log = new Log(
                r.oneOf("smnode.log.format", Set.of("plain", "json")),
                r.oneOf("smnode.log.level", Set.of("trace", "debug", "info", "warn", "error")).toUpperCase(java.util.Locale.ROOT));
        Metrics metrics = new Metrics(r.bool("smnode.metrics.enabled"), r.string("smnode.metrics.host"),
                r.intIn("smnode.metrics.port", 0, 65535));
        String embedded = r.oneOf("smnode.poet.embedded", Set.of("auto", "on", "off"));
        Poet poet = new Poet(embedded.equals("on") || (embedded.equals("auto") && preset.equals("standalone")),
                r.intIn("smnode.poet.leaves-per-round", 150, MAX_POET_LEAVES), r.intIn("smnode.poet.pow-difficulty", 0, 32));
        String smeshing = r.oneOf("smnode.smeshing.enabled", Set.of("auto", "on", "off"));
        Smeshing smesher = new Smeshing(smeshing.equals("on") || (smeshing.equals("auto") && preset.equals("standalone")));
        Post post = new Post(RandomXPolicy.parse(r.oneOf("smnode.post.randomx", Set.of("auto", "fast", "light"))));
        return new NodeConfig(preset, dataDir, network, storage, log, metrics, poet, smesher, post, config);
    }
}
