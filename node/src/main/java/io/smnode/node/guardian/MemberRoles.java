package io.smnode.node.guardian;

import io.smnode.actors.atx.ValidatorChecks;
import io.smnode.actors.cluster.ClusterMetrics;
import io.smnode.actors.cluster.NodeRole;
import io.smnode.actors.cluster.ValidationMember;
import io.smnode.actors.component.ComponentFactory;
import io.smnode.actors.component.ComponentNames;
import io.smnode.actors.component.Supervision;
import io.smnode.node.component.ActivationComponent;
import io.smnode.node.component.PostMemberComponent;
import io.smnode.node.component.SharedRandomX;
import io.smnode.node.component.SharedVerifiers;
import io.smnode.node.config.NodeConfig;
import java.util.Optional;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.cluster.typed.ClusterSingleton;
import org.apache.pekko.cluster.typed.ClusterSingletonSettings;
import org.apache.pekko.cluster.typed.SingletonActor;

/**
 * Composes a cluster member by its roles:
 * <ul>
 *   <li>consensus — the node as {@link NodeGuardian#create} composes it (storage, clock, ATX handling with its
 *       validation pool, smeshing, and every component that joins later), as the cluster singleton of role
 *       consensus: there is one writer in the cluster, and it runs where the data dir is;</li>
 *   <li>validation — without consensus on the same member, workers that pull validation jobs from the consensus
 *       member's pool (with consensus, the pool's own workers are this member's validation);</li>
 *   <li>post — PoST initialization workers that pull label ranges and write this member's disk, and a prover per
 *       identity whose data is here;</li>
 *   <li>gateway — no component of its own yet: the p2p and API edges stay with consensus.</li>
 * </ul>
 */
final class MemberRoles {
    /** The consensus singleton's name (its manager runs on every consensus member). */
    static final String CONSENSUS_SINGLETON = "consensus";

    private MemberRoles() {}

    static void compose(ActorContext<NodeGuardian.Command> ctx, ClusterMember member) {
        NodeConfig config = member.config();
        NodeConfig.Cluster cluster = config.cluster();
        ComponentFactory factory = member.components();
        ClusterMetrics.on(member.metrics(), ctx.getSystem());
        ctx.getLog().info("cluster member {} with roles {}",
                org.apache.pekko.cluster.typed.Cluster.get(ctx.getSystem()).selfMember().address(),
                cluster.roles().stream().sorted().map(NodeRole::roleName).toList());
        SharedRandomX randomX = new SharedRandomX();
        if (cluster.has(NodeRole.CONSENSUS)) {
            NodeServices services = member.consensus().orElseThrow(() -> new IllegalStateException(
                    "the consensus role needs the node's services"));
            ClusterSingleton.get(ctx.getSystem()).init(SingletonActor.of(NodeGuardian.create(services),
                    CONSENSUS_SINGLETON).withSettings(ClusterSingletonSettings.create(ctx.getSystem())
                    .withRole(NodeRole.CONSENSUS.roleName())));
            ctx.getLog().info("consensus: the node runs as the cluster singleton on the member holding {}",
                    config.dataDir());
        } else if (cluster.has(NodeRole.VALIDATION)) {
            factory.spawn(ctx, ComponentNames.VALIDATION_MEMBER, ValidationMember.Command.class, ValidationMember.create(
                    new ValidationMember.Setup(factory, new ValidatorChecks(
                            SharedVerifiers.forNode(config)::newVerifier, Optional.empty()),
                            ActivationComponent.workers(config), cluster.announceIdle())),
                    Supervision.DEFAULT, Props.empty());
        }
        if (cluster.has(NodeRole.POST)) {
            PostMemberComponent.start(ctx, factory, config, member.metrics(), randomX);
        }
        if (cluster.has(NodeRole.GATEWAY)) {
            ctx.getLog().info("gateway: the p2p and API edges run with the consensus role for now");
        }
    }
}
