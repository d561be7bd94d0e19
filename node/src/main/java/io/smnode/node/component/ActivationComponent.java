package io.smnode.node.component;

import io.smnode.activation.AtxDecoder;
import io.smnode.activation.AtxEpochIndexes;
import io.smnode.activation.AtxParams;
import io.smnode.activation.AtxVersions;
import io.smnode.activation.malfeasance.AtxMalfeasanceDetector;
import io.smnode.actors.atx.AtxHandlerActor;
import io.smnode.actors.atx.AtxInputsResolver;
import io.smnode.actors.atx.AtxValidationPool;
import io.smnode.actors.atx.ValidationStats;
import io.smnode.actors.atx.ValidatorChecks;
import io.smnode.actors.cluster.NodeRole;
import io.smnode.actors.component.ComponentFactory;
import io.smnode.actors.component.ComponentNames;
import io.smnode.actors.component.Supervision;
import io.smnode.actors.storage.StorageActor;
import io.smnode.core.net.GenesisConfig;
import io.smnode.core.net.NetworkParams;
import io.smnode.core.types.Bytes;
import io.smnode.node.config.NodeConfig;
import io.smnode.node.guardian.NodeServices;
import io.smnode.node.smeshing.PostParams;
import io.smnode.persistence.atx.LmdbAtxStore;
import io.smnode.persistence.atx.LmdbEquivocationSetStore;
import io.smnode.persistence.atx.StoredPoetProofs;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.ActorContext;

/**
 * The ATX handler, on every node (smeshing or not), with its pool of validation workers: each worker validates with
 * the network's parameters, its own PoST verifier (a k2pow checker from the node's one RandomX), and the facts
 * (stored ATXs, kept PoET proofs) the pool resolves for each v1 job; v2 ATXs are validated against the store itself.
 * In a cluster, workers of validation members pull the v1 jobs too; the pool's own workers then work on those only
 * while none is there, unless this member has the validation role too.
 */
public final class ActivationComponent {
    private ActivationComponent() {}

    /** @param postSeed seeds the K3 label subset checked on receipt (the reference uses the local peer id) */
    public static ActorRef<AtxHandlerActor.Command> start(ActorContext<?> ctx, ComponentFactory factory,
                                                          NodeServices services, ActorRef<StorageActor.Command> storage,
                                                          Bytes postSeed) {
        NetworkParams params = services.config().params();
        GenesisConfig genesis = services.genesis();
        AtxParams atxParams = new AtxParams(Bytes.of(genesis.genesisId().toByteArray()), genesis.goldenAtx(),
                params.atx().tickSize(), PostParams.verifying(params.post()), params.post().k3(), postSeed);
        StoredPoetProofs proofs = new StoredPoetProofs(services.store());
        LmdbAtxStore atxs = new LmdbAtxStore(services.store());
        LmdbEquivocationSetStore sets = new LmdbEquivocationSetStore(services.store());
        AtxDecoder decoder = new AtxDecoder(AtxVersions.of(params.atx()));
        SharedVerifiers k2pow = SharedVerifiers.forNode(services.config());
        NodeConfig.Cluster cluster = services.config().cluster();
        // v1 jobs carry their dependencies' facts and the parameters, so workers of validation members check them too.
        ValidatorChecks checks = new ValidatorChecks(k2pow::newVerifier,
                Optional.of(new ValidatorChecks.Store(decoder, atxParams, proofs, atxs, sets)));
        AtxValidationPool.Setup pool = new AtxValidationPool.Setup(factory, checks,
                new AtxInputsResolver(atxs, proofs::message, Optional.of(atxParams), Optional.of(decoder)),
                workers(services.config()), services.config().atx().validationQueue(),
                cluster.has(NodeRole.VALIDATION)
                        ? AtxValidationPool.LocalWorkers.PRIMARY : AtxValidationPool.LocalWorkers.FALLBACK,
                cluster.jobTimeout(), ValidationStats.on(services.metrics()));
        AtxHandlerActor.Setup setup = new AtxHandlerActor.Setup(atxs, sets, new AtxMalfeasanceDetector(decoder),
                storage, AtxValidationPool.create(pool), services.layerClock(), services.wallClock(),
                genesis.goldenAtx(), eligibility(params, services.layerClock().layersPerEpoch()));
        return factory.spawn(ctx, ComponentNames.ATX_HANDLER, AtxHandlerActor.Command.class,
                AtxHandlerActor.create(setup), Supervision.DEFAULT, Props.empty());
    }

    /** The configured validation workers of this member (0: one per core). */
    public static int workers(NodeConfig config) {
        return config.atx().validationWorkers() > 0 ? config.atx().validationWorkers()
                : Runtime.getRuntime().availableProcessors();
    }

    /** The network's minimal active weight is the latest configured one (none on the devnets: 0). */
    private static AtxEpochIndexes.EligibilityParams eligibility(NetworkParams params, int layersPerEpoch) {
        long minWeight = params.tortoise().minimalActiveSetWeight().stream()
                .reduce((first, second) -> second).map(NetworkParams.EpochMinimalActiveWeight::weight).orElse(0L);
        return new AtxEpochIndexes.EligibilityParams(params.ballots().layerAvgSize(), layersPerEpoch, minWeight);
    }
}
