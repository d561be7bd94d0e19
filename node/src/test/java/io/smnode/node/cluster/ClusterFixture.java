package io.smnode.node.cluster;

import io.smnode.core.net.Preset;
import io.smnode.node.config.ConfigLoader;
import io.smnode.node.config.ConfigSources;
import io.smnode.node.config.NodeConfig;
import io.smnode.node.config.PresetLayers;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.core.net.GenesisConfig;
import io.smnode.post.k2pow.RandomX;
import io.smnode.post.k2pow.RandomXMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * What the cluster tests share: the repository's cluster-config/, a genesis 90 s in the past on the standalone
 * preset (6 s layers, 10 per epoch: epoch 1 now, so ATXs of epochs 0 and 1 are timely, and v1: the preset's ATXs are
 * v2 from epoch 2, validated by the consensus member against its store), real sample ATXs for it,
 * and the settings every member of a test cluster gets (serialize-messages on, a short split-brain decision).
 */
final class ClusterFixture {
    /** Epoch 1 now: 90 s after genesis with 60 s epochs. */
    static final Instant GENESIS = Instant.now().minusSeconds(90).truncatedTo(ChronoUnit.SECONDS);
    /** The sample ATXs' first epoch: initial ATXs in it, follow-ups in the next. */
    static final EpochId EPOCH = EpochId.of(0);
    static final String STABLE_AFTER = "3s";

    private ClusterFixture() {}

    /** The repository's cluster-config/ directory, found from the module's directory. */
    static Path clusterConfig() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("cluster-config/roles"))) {
                return dir.resolve("cluster-config");
            }
        }
        throw new IllegalStateException("no cluster-config/ above " + Path.of("").toAbsolutePath());
    }

    static Path role(String name) {
        return clusterConfig().resolve("roles").resolve(name + ".conf");
    }

    /**
     * Settings of the consensus member in this JVM. Its messages to other members cross Artery through Kryo for
     * real; serialize-messages stays off here only because the whole node runs in it, whose local messages (clock,
     * storage, handler) never leave it and are not meant to be serializable.
     */
    static Map<String, String> consensusSettings(int workers) {
        return Map.of("smnode.atx.validation-workers", Integer.toString(workers),
                "pekko.cluster.split-brain-resolver.stable-after", STABLE_AFTER);
    }

    /**
     * A --config file for a member in another JVM: it joins the consensus member on {@code seedPort}, serializes
     * every message, decides splits after {@link #STABLE_AFTER}, and runs {@code workers} validation workers.
     */
    static Path memberConfig(Path dir, String name, int seedPort, int workers, String... more) throws IOException {
        StringBuilder conf = new StringBuilder()
                .append("cluster-config.seed-port = ").append(seedPort).append('\n')
                .append("pekko.actor.serialize-messages = on\n")
                .append("pekko.cluster.split-brain-resolver.stable-after = ").append(STABLE_AFTER).append('\n')
                .append("smnode.atx.validation-workers = ").append(workers).append('\n')
                .append("smnode.network.genesis-time = \"").append(GENESIS).append("\"\n");
        for (String line : more) {
            conf.append(line).append('\n');
        }
        return Files.writeString(dir.resolve(name + ".conf"), conf);
    }

    /** Real ATXs of the standalone preset's network with {@link #GENESIS}. */
    static SampleAtxs.Batch atxs(int identities, int perIdentity, Path workDir) throws Exception {
        GenesisConfig genesis = Preset.byName("standalone").params().genesis().config(GENESIS);
        try (RandomX randomX = RandomX.forSpacemesh(RandomXMode.LIGHT, 1)) {
            return SampleAtxs.make(identities, perIdentity, EPOCH, Bytes.of(genesis.genesisId().toByteArray()),
                    genesis.goldenAtx(), Preset.byName("standalone").params().post(), randomX, workDir);
        }
    }

    /** The node's configuration as {@code smnode run --cluster-config clusterFile [--config configFile]} reads it. */
    static NodeConfig load(Path clusterFile, Optional<Path> configFile) {
        return new ConfigLoader(PresetLayers::of).load(new ConfigSources(Map.of(), Map.of(), configFile,
                Optional.of(clusterFile)));
    }

    /** Polls a condition the cluster reaches by itself (verdicts, membership, gossip) until it holds. */
    static void await(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            Thread.sleep(50);
        }
    }

    static <T> List<T> slice(List<T> all, int from, int to) {
        return List.copyOf(all.subList(from, to));
    }
}
