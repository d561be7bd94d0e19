package io.smnode.activation.malfeasance;

import io.smnode.activation.ActivationTxV1;
import io.smnode.activation.AtxDecoder;
import io.smnode.activation.AtxHeader;
import io.smnode.activation.AtxRecord;
import io.smnode.activation.AtxValidation;
import io.smnode.activation.AtxVersions;
import io.smnode.activation.IdentityPost;
import io.smnode.activation.InnerActivationTxV1;
import io.smnode.activation.MemoryAtxHistory;
import io.smnode.activation.NIPostChallengeV1;
import io.smnode.activation.PostV1;
import io.smnode.activation.marriage.EquivocationSets;
import io.smnode.activation.marriage.MemoryEquivocationSetStore;
import io.smnode.activation.v2.ActivationTxV2;
import io.smnode.activation.v2.InitialAtxPartsV2;
import io.smnode.activation.v2.MarriageCertificate;
import io.smnode.activation.v2.MerkleProofV2;
import io.smnode.activation.v2.NIPostV2;
import io.smnode.activation.v2.SubPostV2;
import io.smnode.activation.v2.ValidatedAtxV2;
import io.smnode.core.signing.Domain;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.signing.EdVerifier;
import io.smnode.core.signing.Signature;
import io.smnode.core.types.Address;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.NodeId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One node's ATX and marriage stores, filled as its handler would fill them, with ATXs whose signatures and trees
 * are real and whose PoSTs are placeholders (no proof here checks a PoST label): the ground for detecting,
 * encoding, checking and publishing the proofs. ATX v2 from epoch 4.
 */
final class MalWorld {
    static final Bytes PREFIX = Bytes.ofHex("9eebff023abb17ccb775c602daade8ed708f0a50");
    static final AtxId GOLDEN = AtxId.ofHex("9eebff023abb17ccb775c602daade8ed708f0a50d3149a42801184f5b74f2865");
    static final long SWITCH = 2;
    static final PostV1 POST = new PostV1(1, Bytes.ofHex("010203"), 5);
    static final Hash32 POET = Hash32.ofHex("ae".repeat(32));

    final MemoryAtxHistory store = new MemoryAtxHistory();
    final MemoryEquivocationSetStore sets = new MemoryEquivocationSetStore();
    final AtxDecoder decoder;
    final AtxMalfeasanceDetector detector;
    final MalfeasanceChecks checks;

    MalWorld(long v2From) {
        decoder = new AtxDecoder(AtxVersions.v2From(v2From));
        detector = new AtxMalfeasanceDetector(decoder);
        EdVerifier verifier = new EdVerifier(PREFIX);
        checks = new MalfeasanceChecks() {
            @Override
            public boolean signature(Domain domain, NodeId signer, byte[] message, Signature signature) {
                return verifier.verify(domain, signer, message, signature);
            }

            @Override
            public boolean postLabelValid(NodeId identity, AtxId commitment, PostV1 post, Hash32 challenge,
                                          long numUnits, long position) {
                throw new AssertionError("no PoST label is checked by this proof");
            }

            @Override
            public boolean identityExists(NodeId identity) {
                return store.firstWithPost(identity).isPresent();
            }
        };
    }

    MalWorld() {
        this(SWITCH);
    }

    static EdSigner signer(int seed) {
        byte[] s = new byte[32];
        Arrays.fill(s, (byte) seed);
        return EdSigner.fromSeed(s, PREFIX);
    }

    // ---- ATXs

    static ActivationTxV2 initial(EdSigner s, long epoch) {
        return atx(s, epoch, Optional.of(new InitialAtxPartsV2(GOLDEN, POST)), List.of(),
                List.of(new NIPostV2(new MerkleProofV2(List.of()), POET, List.of(new SubPostV2(0, 0, 0, POST, 2)))),
                List.of(), Optional.empty());
    }

    static ActivationTxV2 solo(EdSigner s, long epoch, AtxId previous) {
        return soloWith(s, epoch, previous, List.of());
    }

    static ActivationTxV2 soloWith(EdSigner s, long epoch, AtxId previous, List<MarriageCertificate> marriages) {
        return atx(s, epoch, Optional.empty(), List.of(previous),
                List.of(new NIPostV2(new MerkleProofV2(List.of()), POET, List.of(new SubPostV2(0, 0, 0, POST, 2)))),
                marriages, Optional.empty());
    }

    /** {@code signer}'s marriage ATX certifying itself, then each partner with its reference ATX. */
    static ActivationTxV2 marriage(EdSigner signer, long epoch, AtxId previous, List<EdSigner> partners,
                                   List<AtxId> references) {
        List<MarriageCertificate> certs = new ArrayList<>();
        certs.add(MarriageCertificate.self(signer));
        for (int i = 0; i < partners.size(); i++) {
            certs.add(MarriageCertificate.sign(partners.get(i), signer.nodeId(), references.get(i)));
        }
        return soloWith(signer, epoch, previous, certs);
    }

    /** A merged ATX: member i (its marriage index) declares {@code previous.get(prevIndex[i])}. */
    static ActivationTxV2 merged(EdSigner signer, long epoch, AtxId marriageAtx, List<AtxId> previous,
                                 int... prevIndex) {
        List<SubPostV2> posts = new ArrayList<>();
        for (int i = 0; i < prevIndex.length; i++) {
            posts.add(new SubPostV2(i, prevIndex[i], i, POST, 2));
        }
        return atx(signer, epoch, Optional.empty(), previous,
                List.of(new NIPostV2(new MerkleProofV2(List.of()), POET, posts)), List.of(), Optional.of(marriageAtx));
    }

    /** Each identity's ATXs pay to an address of its own, so that two identities' ATXs never share an id. */
    private static ActivationTxV2 atx(EdSigner s, long epoch, Optional<InitialAtxPartsV2> initial,
                                      List<AtxId> previous, List<NIPostV2> niposts,
                                      List<MarriageCertificate> marriages, Optional<AtxId> marriageAtx) {
        ActivationTxV2 a = atx(epoch, initial, previous, niposts, marriages, marriageAtx);
        return new ActivationTxV2(a.publishEpoch(), a.positioningAtx(),
                Address.of(java.util.Arrays.copyOf(s.nodeId().toByteArray(), Address.LENGTH)), a.initial(),
                a.previousAtxs(), a.niposts(), a.vrfNonce(), a.marriages(), a.marriageAtx(), a.smesherId(),
                a.signature()).sign(s);
    }

    private static ActivationTxV2 atx(long epoch, Optional<InitialAtxPartsV2> initial, List<AtxId> previous,
                                      List<NIPostV2> niposts, List<MarriageCertificate> marriages,
                                      Optional<AtxId> marriageAtx) {
        return new ActivationTxV2(EpochId.of(epoch), GOLDEN, Address.ZERO, initial, previous, niposts, 7, marriages,
                marriageAtx, NodeId.ZERO, Signature.of(new byte[64]));
    }

    static ActivationTxV1 v1(EdSigner s, long epoch, AtxId previous) {
        boolean initial = previous.isZero();
        NIPostChallengeV1 challenge = new NIPostChallengeV1(EpochId.of(epoch), initial ? 0 : 1, previous, GOLDEN,
                initial ? Optional.of(GOLDEN) : Optional.empty(), Optional.empty());
        Address coinbase = Address.of(Arrays.copyOf(s.nodeId().toByteArray(), Address.LENGTH));
        return ActivationTxV1.sign(new InnerActivationTxV1(challenge, coinbase, 2, Optional.empty(),
                Optional.empty(), Optional.of(7L)), s);
    }

    // ---- the handler's side

    /**
     * What validation would have found for {@code atx}: its identities (the set of a merged ATX, by marriage index;
     * else the signer) with their declared previous ATXs, and the identities its certificates marry.
     */
    ValidatedAtxV2 found(ActivationTxV2 atx) {
        List<NodeId> set = atx.marriageAtx().isEmpty() ? List.of(atx.smesherId())
                : sets.members(sets.marriageOf(atx.smesherId()).orElseThrow().setId());
        List<IdentityPost> posts = new ArrayList<>();
        for (NIPostV2 n : atx.niposts()) {
            for (SubPostV2 p : n.posts()) {
                AtxId prev = atx.isInitial() ? AtxId.ZERO : atx.previousAtxs().get((int) p.prevAtxIndex());
                posts.add(new IdentityPost(set.get((int) p.marriageIndex()), prev, (int) p.prevAtxIndex(),
                        p.numUnits()));
            }
        }
        List<EquivocationSets.Certified> marriages = new ArrayList<>();
        for (MarriageCertificate c : atx.marriages()) {
            NodeId id = c.isSelf() ? atx.smesherId() : store.atx(c.referenceAtx()).orElseThrow().smesherId();
            marriages.add(new EquivocationSets.Certified(id, c.signature()));
        }
        return new ValidatedAtxV2(atx, posts, marriages, List.of());
    }

    static AtxHeader header(io.smnode.activation.ActivationTx atx) {
        return new AtxHeader(atx.id(), atx.publishEpoch(), 0, GOLDEN, Address.ZERO, 2, 0, 1, 7, atx.smesherId(), 2,
                AtxHeader.Validity.VALID);
    }

    /** The storing plan of a v2 ATX, as the handler computes it before writing. */
    AtxStorePlan plan(ActivationTxV2 atx) {
        return AtxStorePlan.of(AtxValidation.validV2(header(atx), found(atx)), store, sets, detector);
    }

    /** Plans and writes (unless refused), as the handler does; returns the plan. */
    AtxStorePlan store(ActivationTxV2 atx) {
        AtxStorePlan plan = plan(atx);
        if (plan.refusal().isEmpty()) {
            store.put(plan.record());
            sets.apply(plan.change());
        }
        return plan;
    }

    void store(ActivationTxV1 atx) {
        store.put(AtxRecord.ofV1(atx, header(atx)));
    }
}
