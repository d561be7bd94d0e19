package io.smnode.node.component;

import io.smnode.actors.component.ComponentFactory;
import io.smnode.actors.component.ComponentNames;
import io.smnode.actors.component.Supervision;
import io.smnode.actors.post.PostPool;
import io.smnode.actors.post.PostServiceActor;
import io.smnode.core.net.NetworkParams;
import io.smnode.core.types.NodeId;
import io.smnode.node.config.NodeConfig;
import io.smnode.node.guardian.NodeServices;
import io.smnode.node.smeshing.LocalProver;
import io.smnode.node.smeshing.PostParams;
import io.smnode.post.cuda.LabelBackends;
import io.smnode.post.init.InitConfig;
import io.smnode.post.prove.PostDataDirectory;
import java.nio.file.Path;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's PoST: the identity's data under {@code <data-dir>/post}, initialized through the worker pool (CPU, or a
 * CUDA GPU when one works) and proven over with RandomX.
 */
public final class PostComponent {
    private static final Logger LOG = LoggerFactory.getLogger(PostComponent.class);
    /** Devnet data is small: 1 MiB files. Elsewhere the reference's 4 GiB. */
    private static final long DEVNET_FILE_SIZE = 1L << 20;
    private static final long FILE_SIZE = 4L << 30;
    private static final Set<String> DEVNETS = Set.of("standalone", "localnet");
    /**
     * Labels per batch on the CPU: a progress step (about a second per worker at mainnet's scrypt N), and what a
     * worker computes between two looks at the pool. A GPU takes the preset's compute batch (about a million).
     */
    private static final int CPU_BATCH_LABELS = 1 << 9;

    private PostComponent() {}

    public static Path dir(Path nodeDataDir) {
        return nodeDataDir.resolve("post");
    }

    /** The PoST data of the node's identity {@code member}: the first's under {@code post}, then {@code post-i}. */
    public static Path dir(Path nodeDataDir, int member) {
        return member == 0 ? dir(nodeDataDir) : nodeDataDir.resolve("post-" + member);
    }

    /** The largest PoST data file on this node's network. */
    public static long maxFileSize(NodeConfig config) {
        return DEVNETS.contains(config.preset()) ? DEVNET_FILE_SIZE : FILE_SIZE;
    }

    /** The PoST component of the node's identity {@code member} (its first: component {@code post}, else post-i). */
    public static ActorRef<PostServiceActor.Command> start(ActorContext<?> ctx, ComponentFactory factory,
                                                           NodeServices services, NodeId identity, int member,
                                                           SharedRandomX randomX) {
        NodeConfig config = services.config();
        NetworkParams params = config.params();
        long fileSize = maxFileSize(config);
        long units = params.smeshing().numUnits();
        PostPool pool = pool(config.smeshing());
        int batch = pool.gpus().isEmpty() ? CPU_BATCH_LABELS
                : (int) Math.min(InitConfig.MAX_BATCH_LABELS, params.smeshing().computeBatchSize());
        InitConfig init = new InitConfig(identity, services.genesis().goldenAtx(), params.post().labelsPerUnit(), units,
                fileSize, params.post().scryptN(), batch);
        Path dir = dir(config.dataDir(), member);
        PostServiceActor.ProverFactory provers = metadata -> new LocalProver(identity,
                new PostDataDirectory(dir, fileSize), PostParams.proving(params.post(), units), randomX.get());
        PostServiceActor.Setup setup = new PostServiceActor.Setup(dir, init, pool, provers,
                services.wallClock(), services.metrics());
        LOG.info("PoST for {}: {} unit(s) of {} labels (scrypt N = {}) under {}", identity.hex(), units,
                params.post().labelsPerUnit(), params.post().scryptN(), dir);
        String actorName = member == 0 ? ComponentNames.POST : ComponentNames.POST + "-" + member;
        return factory.spawn(ctx, ComponentNames.POST, actorName, PostServiceActor.Command.class,
                PostServiceActor.create(setup), Supervision.DEFAULT, Props.empty());
    }

    /** The pool the configured provider asks for; "cuda" without a working GPU is refused. */
    static PostPool pool(NodeConfig.Smeshing smeshing) {
        int cpuWorkers = smeshing.cpuWorkers() > 0 ? smeshing.cpuWorkers()
                : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        if (smeshing.provider().equals("cpu")) {
            LOG.info("PoST labels on the CPU: {} worker(s)", cpuWorkers);
            return PostPool.cpu(cpuWorkers);
        }
        PostPool best = PostPool.of(LabelBackends.best(LOG::info, 1), cpuWorkers);
        if (smeshing.provider().equals("cuda") && best.gpus().isEmpty()) {
            throw new IllegalStateException("smnode.smeshing.post.provider is cuda, but no CUDA GPU works here");
        }
        return best;
    }
}
