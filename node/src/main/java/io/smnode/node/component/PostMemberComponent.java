package io.smnode.node.component;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.smnode.actors.cluster.PostMember;
import io.smnode.actors.component.ComponentFactory;
import io.smnode.actors.component.ComponentNames;
import io.smnode.actors.component.Supervision;
import io.smnode.actors.post.PostPool;
import io.smnode.node.config.NodeConfig;
import io.smnode.node.smeshing.LocalProver;
import io.smnode.node.smeshing.PostParams;
import io.smnode.post.label.LabelBackend;
import io.smnode.post.prove.PostDataDirectory;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.ActorContext;

/**
 * The post role of a cluster member: PoST range workers on the configured label backend (one per GPU, else
 * {@code smnode.smeshing.post.cpu-workers} CPU threads) writing under {@code smnode.cluster.post.data-dir}, and
 * provers with the network's proving parameters over the RandomX of this member.
 */
public final class PostMemberComponent {
    private PostMemberComponent() {}

    public static void start(ActorContext<?> ctx, ComponentFactory factory, NodeConfig config,
                             PrometheusRegistry metrics, SharedRandomX randomX) {
        PostPool pool = PostComponent.pool(config.smeshing());
        List<LabelBackend> backends = new ArrayList<>(pool.gpus());
        for (int i = 0; backends.isEmpty() && i < pool.cpuWorkers(); i++) {
            backends.add(pool.cpu());
        }
        if (backends.isEmpty()) {
            backends.add(pool.cpu());
        }
        // The network's K1, K2 and k2pow difficulty; the size is the identity's own (its metadata).
        PostMember.Provers provers = (dir, m) -> new LocalProver(m.nodeId(),
                new PostDataDirectory(dir, m.maxFileSize()), PostParams.proving(
                        config.params().post().withLabelsPerUnit(m.labelsPerUnit()), m.numUnits()), randomX.get());
        factory.spawn(ctx, ComponentNames.POST_MEMBER, PostMember.Command.class, PostMember.create(new PostMember.Setup(factory,
                config.cluster().postDataDir(), backends, provers)), Supervision.DEFAULT, Props.empty());
    }
}
