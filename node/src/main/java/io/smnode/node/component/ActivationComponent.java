package io.smnode.node.component;

import io.smnode.activation.AtxEpochIndexes;
import io.smnode.activation.AtxParams;
import io.smnode.activation.AtxDecoder;
import io.smnode.activation.AtxValidator;
import io.smnode.activation.AtxVersions;
import io.smnode.activation.VersionedAtxValidator;
import io.smnode.activation.malfeasance.AtxMalfeasanceDetector;
import io.smnode.activation.v2.AtxValidatorV2;
import io.smnode.actors.atx.AtxCheck;
import io.smnode.actors.atx.AtxHandlerActor;
import io.smnode.actors.atx.AtxValidationPool;
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
import io.smnode.post.k2pow.RandomXPolicy;
import io.smnode.post.label.ScryptJane;
import io.smnode.post.verify.PostVerifier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.ActorContext;

/**
 * The ATX handler, on every node (smeshing or not), with its pool of validation workers: each worker validates with
 * the network's parameters, its own PoST verifier over the node's one RandomX, and the PoET proofs the node kept.
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
        SharedVerifiers k2pow = new SharedVerifiers(randomXPolicy(services.config()),
                Math.max(1, Runtime.getRuntime().availableProcessors()));
        // Each worker validates both versions (by publish epoch) with a PoST verifier of its own.
        AtxCheck.Factory checks = () -> {
            PostVerifier verifier = new PostVerifier(ScryptJane.reusingFactory(), k2pow.newVerifier());
            VersionedAtxValidator validator = new VersionedAtxValidator(decoder,
                    new AtxValidator(atxParams, verifier, proofs), new AtxValidatorV2(atxParams, verifier, proofs));
            return (bytes, expected, epoch, store) -> validator.validate(bytes, expected, epoch, atxs, sets, false);
        };
        int workers = services.config().atx().validationWorkers() > 0 ? services.config().atx().validationWorkers()
                : Runtime.getRuntime().availableProcessors();
        AtxHandlerActor.Setup setup = new AtxHandlerActor.Setup(atxs, sets, new AtxMalfeasanceDetector(decoder),
                storage, AtxValidationPool.create(factory, checks, atxs, workers,
                        services.config().atx().validationQueue()),
                services.layerClock(), services.wallClock(), genesis.goldenAtx(),
                eligibility(params, services.layerClock().layersPerEpoch()));
        return factory.spawn(ctx, ComponentNames.ATX_HANDLER, AtxHandlerActor.Command.class,
                AtxHandlerActor.create(setup), Supervision.DEFAULT, Props.empty());
    }

    /**
     * Fast mode (a 2 GiB dataset) pays off where many ATXs are verified; a devnet verifies a handful, so there "auto"
     * means light.
     */
    private static RandomXPolicy randomXPolicy(NodeConfig config) {
        RandomXPolicy policy = config.post().randomx();
        boolean devnet = config.preset().equals("standalone") || config.preset().equals("localnet");
        return policy == RandomXPolicy.AUTO && devnet ? RandomXPolicy.LIGHT : policy;
    }

    /** The network's minimal active weight is the latest configured one (none on the devnets: 0). */
    private static AtxEpochIndexes.EligibilityParams eligibility(NetworkParams params, int layersPerEpoch) {
        long minWeight = params.tortoise().minimalActiveSetWeight().stream()
                .reduce((first, second) -> second).map(NetworkParams.EpochMinimalActiveWeight::weight).orElse(0L);
        return new AtxEpochIndexes.EligibilityParams(params.ballots().layerAvgSize(), layersPerEpoch, minWeight);
    }
}
