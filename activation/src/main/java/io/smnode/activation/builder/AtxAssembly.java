package io.smnode.activation.builder;

import io.smnode.activation.ActivationTx;
import io.smnode.activation.ActivationTxV1;
import io.smnode.activation.AtxVersion;
import io.smnode.activation.InnerActivationTxV1;
import io.smnode.activation.MerkleProofV1;
import io.smnode.activation.NIPostChallenge;
import io.smnode.activation.NIPostChallengeV1;
import io.smnode.activation.NIPostV1;
import io.smnode.activation.PostMetadataV1;
import io.smnode.activation.PostV1;
import io.smnode.activation.builder.BuilderPhase.ProofCandidate;
import io.smnode.activation.v2.ActivationTxV2;
import io.smnode.activation.v2.InitialAtxPartsV2;
import io.smnode.activation.v2.MarriageCertificate;
import io.smnode.activation.v2.MerkleProofV2;
import io.smnode.activation.v2.NIPostChallengeV2;
import io.smnode.activation.v2.NIPostV2;
import io.smnode.activation.v2.SubPostV2;
import io.smnode.core.signing.Signature;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.NodeId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The challenges an attempt registers and the ATX it builds, for each kind of builder (spec 02 §5 steps 4 and 8,
 * spec 11 §1 and §4): a solo v1 ATX, a solo v2 ATX (the reference builder's shape: initial parts or one previous
 * ATX, one NIPoST with one sub-post, the VRF nonce always; with certificates when the identity marries), or a
 * merged v2 ATX of a married set (one NIPoST over the chosen round, one sub-post per member in set order, the
 * members' distinct previous ATXs).
 */
final class AtxAssembly {
    private final List<SmesherSetup> members;
    private final Optional<MarriedSet> married;
    private final BuilderConfig config;

    AtxAssembly(List<SmesherSetup> members, Optional<MarriedSet> married, BuilderConfig config) {
        this.members = members;
        this.married = married;
        this.config = config;
    }

    /** One challenge per member for publish epoch {@code publish}, building on {@code last}. */
    List<NIPostChallenge> challenges(EpochId publish, AtxId positioning, Optional<ActivationTx> last) {
        if (married.isPresent()) {
            List<NIPostChallenge> out = new ArrayList<>();
            for (int i = 0; i < members.size(); i++) {
                AtxId previous = last.map(ActivationTx::id).orElse(married.get().previousAtxs().get(i));
                out.add(new NIPostChallengeV2(publish, previous, positioning, Optional.empty()));
            }
            return out;
        }
        SmesherSetup setup = members.get(0);
        if (config.versions().at(publish) == AtxVersion.V2) {
            return List.of(last.isEmpty()
                    ? new NIPostChallengeV2(publish, AtxId.ZERO, positioning, Optional.of(setup.initialPost()))
                    : new NIPostChallengeV2(publish, last.get().id(), positioning, Optional.empty()));
        }
        if (last.isEmpty()) {
            return List.of(new NIPostChallengeV1(publish, 0, AtxId.ZERO, positioning,
                    Optional.of(setup.commitmentAtx()), Optional.of(setup.initialPost())));
        }
        long sequence = last.get() instanceof ActivationTxV1 v1 ? v1.challenge().sequence() + 1 : 0;
        return List.of(new NIPostChallengeV1(publish, sequence, last.get().id(), positioning, Optional.empty(),
                Optional.empty()));
    }

    /** The signed ATX from the challenges, the chosen round and every member's PoST proof. */
    ActivationTx build(List<NIPostChallenge> challenges, ProofCandidate chosen, List<PostV1> posts,
                       Optional<ActivationTx> last) {
        if (challenges.get(0) instanceof NIPostChallengeV1 v1) {
            return buildV1(v1, chosen, posts.get(0));
        }
        if (married.isPresent()) {
            return buildMerged(challenges, chosen, posts);
        }
        return buildSoloV2((NIPostChallengeV2) challenges.get(0), chosen, posts.get(0), last);
    }

    private ActivationTxV1 buildV1(NIPostChallengeV1 challenge, ProofCandidate chosen, PostV1 post) {
        SmesherSetup setup = members.get(0);
        boolean initial = challenge.isInitial();
        NIPostV1 nipost = new NIPostV1(new MerkleProofV1(chosen.nodes(), chosen.leafIndices().get(0)),
                Optional.of(post), Optional.of(PostMetadataV1.of(chosen.poetRef(), setup.labelsPerUnit())));
        InnerActivationTxV1 inner = new InnerActivationTxV1(challenge, setup.coinbase(), setup.numUnits(),
                Optional.of(nipost),
                initial ? Optional.of(setup.signer().nodeId()) : Optional.empty(),
                initial ? Optional.of(setup.vrfNonce()) : Optional.empty());
        return ActivationTxV1.sign(inner, setup.signer());
    }

    private ActivationTxV2 buildSoloV2(NIPostChallengeV2 challenge, ProofCandidate chosen, PostV1 post,
                                       Optional<ActivationTx> last) {
        SmesherSetup setup = members.get(0);
        SubPostV2 sub = new SubPostV2(0, 0, chosen.leafIndices().get(0), post, setup.numUnits());
        NIPostV2 nipost = new NIPostV2(new MerkleProofV2(chosen.nodes()), chosen.poetRef(), List.of(sub));
        Optional<InitialAtxPartsV2> initial = challenge.initialPost()
                .map(p -> new InitialAtxPartsV2(setup.commitmentAtx(), p));
        List<AtxId> previous = challenge.isInitial() ? List.of() : List.of(challenge.prevAtx());
        return unsigned(challenge, setup, initial, previous, List.of(nipost), setup.vrfNonce(),
                marriages(challenge.publishEpoch(), last), Optional.empty()).sign(setup.signer());
    }

    private ActivationTxV2 buildMerged(List<NIPostChallenge> challenges, ProofCandidate chosen, List<PostV1> posts) {
        MarriedSet set = married.orElseThrow();
        List<AtxId> previous = new ArrayList<>();
        List<SubPostV2> subs = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            AtxId prev = ((NIPostChallengeV2) challenges.get(i)).prevAtx();
            if (!previous.contains(prev)) {
                previous.add(prev);
            }
            subs.add(new SubPostV2(i, previous.indexOf(prev), chosen.leafIndices().get(i), posts.get(i),
                    members.get(i).numUnits()));
        }
        NIPostV2 nipost = new NIPostV2(new MerkleProofV2(chosen.nodes()), chosen.poetRef(), subs);
        NIPostChallengeV2 first = (NIPostChallengeV2) challenges.get(0);
        return unsigned(first, members.get(0), Optional.empty(), previous, List.of(nipost), set.vrfNonce(),
                List.of(), Optional.of(set.marriageAtx())).sign(members.get(0).signer());
    }

    /** The certificates the solo ATX for {@code publish} carries: the plan's, once, from its epoch on. */
    private List<MarriageCertificate> marriages(EpochId publish, Optional<ActivationTx> last) {
        Optional<MarriagePlan> plan = members.get(0).marriage();
        if (plan.isEmpty() || publish.value() < plan.get().marryFrom().value()
                || last.map(a -> a.publishEpoch().value() >= plan.get().marryFrom().value()).orElse(false)) {
            return List.of();
        }
        List<MarriageCertificate> certs = new ArrayList<>();
        certs.add(MarriageCertificate.self(members.get(0).signer()));
        certs.addAll(plan.get().partners());
        return certs;
    }

    private static ActivationTxV2 unsigned(NIPostChallengeV2 challenge, SmesherSetup signer,
                                           Optional<InitialAtxPartsV2> initial, List<AtxId> previous,
                                           List<NIPostV2> niposts, long vrfNonce,
                                           List<MarriageCertificate> marriages, Optional<AtxId> marriageAtx) {
        return new ActivationTxV2(challenge.publishEpoch(), challenge.positioningAtx(), signer.coinbase(), initial,
                previous, niposts, vrfNonce, marriages, marriageAtx, NodeId.ZERO, Signature.of(new byte[64]));
    }
}
