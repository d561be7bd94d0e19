package io.smnode.node.poet;

import io.smnode.actors.poet.PoetActor;
import io.smnode.core.net.NetworkParams;
import io.smnode.core.time.LayerClock;
import io.smnode.core.types.Bytes;
import io.smnode.node.config.NodeConfig;
import io.smnode.poet.FileRegistrationStore;
import io.smnode.poet.FileTreeStore;
import io.smnode.poet.PoetConfig;
import io.smnode.poet.PowParams;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PoET a standalone node runs inside itself: the network's genesis and timetable, its state under
 * {@code <data-dir>/poet} (the same layout as {@code smnode poet run}'s data dir). Opening that directory happens
 * when the actor starts, so a failure there stops this actor only, with the reason in the log.
 */
public final class EmbeddedPoet {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPoet.class);

    private EmbeddedPoet() {}

    public static Path dataDir(Path nodeDataDir) {
        return nodeDataDir.resolve("poet");
    }

    public static Behavior<PoetActor.Command> create(NodeConfig.Poet settings, Path nodeDataDir, LayerClock layers,
                                                     NetworkParams.Poet timing, Clock wallClock) {
        return Behaviors.setup(ctx -> {
            PoetDataDir dir = PoetDataDir.open(dataDir(nodeDataDir));
            SecureRandom random = new SecureRandom();
            Bytes pubKey = Bytes.of(dir.serverKey(random).nodeId().toByteArray());
            PoetConfig config = new PoetConfig(PoetSchedules.forClock(layers, timing), pubKey,
                    settings.leavesPerRound(), PoetConfig.DEFAULT_MAX_ROUND_MEMBERS,
                    new PowParams(dir.initialPowChallenge(random), settings.powDifficulty()), Optional.empty());
            // Not ctx.getLog(): the first call names the context's logger, which should be PoetActor's.
            LOG.info("embedded PoET {} at {}", pubKey.hex(), dir.root());
            return PoetActor.create(config, new FileRegistrationStore(dir.registrations()),
                    round -> new FileTreeStore(dir.roundDir(round)), wallClock);
        });
    }
}
