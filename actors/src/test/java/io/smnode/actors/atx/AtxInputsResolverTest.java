package io.smnode.actors.atx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.activation.ActivationTxV1;
import io.smnode.activation.AtxDecoder;
import io.smnode.activation.AtxParams;
import io.smnode.activation.AtxRule;
import io.smnode.activation.AtxStore;
import io.smnode.activation.AtxValidation;
import io.smnode.activation.AtxVersions;
import io.smnode.activation.InnerActivationTxV1;
import io.smnode.activation.MerkleProofV1;
import io.smnode.activation.NIPostChallengeV1;
import io.smnode.activation.NIPostV1;
import io.smnode.activation.PostMetadataV1;
import io.smnode.activation.PostV1;
import io.smnode.activation.StoredAtx;
import io.smnode.activation.v2.ActivationTxV2;
import io.smnode.actors.component.ComponentFactory;
import io.smnode.actors.serialization.ClusterSerialization;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.signing.Signature;
import io.smnode.core.types.Address;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.NodeId;
import io.smnode.core.verdict.Verdict;
import io.smnode.persistence.InMemoryStore;
import io.smnode.persistence.Schema;
import io.smnode.persistence.Store;
import io.smnode.persistence.WriteBatch;
import io.smnode.persistence.atx.AtxTables;
import io.smnode.persistence.atx.LmdbAtxStore;
import io.smnode.poet.MembershipProof;
import io.smnode.poet.MembershipTree;
import io.smnode.poet.MemoryTreeStore;
import io.smnode.poet.PoswProver;
import io.smnode.persistence.atx.StoredPoetProofs;
import io.smnode.poet.RoundProof;
import io.smnode.post.k2pow.PowThreshold;
import io.smnode.post.verify.VerifyingParams;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.junit.jupiter.api.Test;

/**
 * What a validation job carries to a worker without a store: the consensus member resolves exactly what the v1
 * validator reads (the ATX itself, its previous, positioning and commitment ATXs, its smesher's commitment, its PoET
 * proof's leaf count and statement), the worker answers the same questions from the facts — membership checked
 * against the real statement — refuses questions nobody resolved, and the job crosses our serializer unchanged. v2
 * ATXs and bytes that are no v1 ATX stay with the store: only the pool's own workers get them.
 */
class AtxInputsResolverTest {
    private static final Bytes PREFIX = Bytes.ofHex("9eebff023abb17ccb775c602daade8ed708f0a50");
    private static final AtxParams PARAMS = new AtxParams(PREFIX, AtxId.of(new byte[32]), 100,
            new VerifyingParams(12, 4, PowThreshold.ofHex("ff".repeat(32)), 64, 1, 2, 2), 1, Bytes.ofHex("01"));
    private final EdSigner signer = EdSigner.fromSeed(new byte[32], PREFIX);
    private final AtxId previous = AtxId.of(filled(0x11));
    private final AtxId positioning = AtxId.of(filled(0x22));
    private final AtxId commitment = AtxId.of(filled(0x33));
    private final StoredAtx previousFacts = new StoredAtx(signer.nodeId(), EpochId.of(1), 0, 2, 77, 5);
    private final StoredAtx positioningFacts = new StoredAtx(NodeId.of(filled(0x44)), EpochId.of(1), 3, 1, 9, 12);

    private final NIPostChallengeV1 challenge = new NIPostChallengeV1(EpochId.of(2), 1, previous, positioning,
            Optional.empty(), Optional.empty());
    private final List<Bytes> members = List.of(Bytes.of(filled(0x55)), Bytes.of(challenge.hash().toByteArray()),
            Bytes.of(filled(0x66)));
    private final RoundProof round = round(members);
    private final ActivationTxV1 atx = ActivationTxV1.sign(new InnerActivationTxV1(challenge, Address.ZERO, 2,
            Optional.of(new NIPostV1(path(1), Optional.of(new PostV1(1, Bytes.ofHex("00"), 0)),
                    Optional.of(PostMetadataV1.of(round.proof().ref(), 64)))), Optional.empty(), Optional.empty()),
            signer);

    /** The store as the handler fills it: the previous and positioning ATXs' facts, the smesher's commitment. */
    private final AtxStore store = stored();
    private final AtxInputsResolver resolver = new AtxInputsResolver(store,
            ref -> ref.equals(round.proof().ref()) ? Optional.of(StoredPoetProofs.message(round, Bytes.EMPTY))
                    : Optional.empty(), Optional.of(PARAMS),
            Optional.of(new AtxDecoder(AtxVersions.v2From(3))));

    @Test
    void resolvesWhatTheValidatorReadsAndTheWorkerAnswersFromIt() {
        AtxInputs inputs = resolver.resolve(job(atx));
        assertEquals(Optional.of(PARAMS), inputs.params());
        JobFacts facts = new JobFacts(inputs);
        assertFalse(facts.contains(atx.id()), "the ATX itself is not stored");
        assertEquals(Optional.of(previousFacts), facts.atx(previous));
        assertEquals(Optional.of(positioningFacts), facts.atx(positioning));
        assertEquals(Optional.of(commitment), facts.commitmentOf(signer.nodeId()));
        assertEquals(OptionalLong.of(round.proof().leafCount()), facts.leafCount(round.proof().ref()));
        assertTrue(facts.isMember(round.proof().ref(), challenge.hash(), path(1)), "the real path, the real root");
        assertFalse(facts.isMember(round.proof().ref(), challenge.hash(), path(0)), "another leaf's path");
        assertEquals(PARAMS, facts.params());

        assertThrows(JobFacts.Unresolved.class, () -> facts.atx(AtxId.of(filled(0x77))));
        assertThrows(JobFacts.Unresolved.class, () -> facts.commitmentOf(NodeId.of(filled(0x44))));
        assertThrows(JobFacts.Unresolved.class, () -> facts.leafCount(Hash32.of(filled(0x88))));
    }

    @Test
    void anUnknownPoetProofAndBytesThatAreNoAtxResolveToNotKnownAndNothing() {
        AtxInputsResolver noProofs = AtxInputsResolver.storeOnly(store);
        JobFacts facts = new JobFacts(noProofs.resolve(job(atx)));
        assertEquals(OptionalLong.empty(), facts.leafCount(round.proof().ref()));
        assertFalse(facts.isMember(round.proof().ref(), challenge.hash(), path(1)));

        ValidationJob garbage = new ValidationJob(2, Bytes.ofHex("0102"), Optional.empty(), EpochId.of(2));
        assertEquals(AtxDependencies.NONE, noProofs.resolve(garbage).dependencies());
        assertFalse(noProofs.storeBound(garbage), "without the network's versions every job travels");
    }

    @Test
    void v2AtxsAndBytesThatAreNoV1AtxStayWithTheStore() {
        assertFalse(resolver.storeBound(job(atx)), "a v1 ATX before the switch travels");
        assertFalse(resolver.resolve(job(atx)).storeBound());
        ActivationTxV2 v2 = new ActivationTxV2(EpochId.of(3), positioning, Address.ZERO, Optional.empty(),
                List.of(previous), List.of(), 7, List.of(), Optional.empty(), signer.nodeId(),
                Signature.of(new byte[64]));
        ValidationJob v2Job = new ValidationJob(3, Bytes.of(v2.encode()), Optional.empty(), EpochId.of(3));
        ValidationJob garbage = new ValidationJob(2, Bytes.ofHex("0102"), Optional.empty(), EpochId.of(2));
        AtxInputsResolver afterSwitch = new AtxInputsResolver(store, ref -> Optional.empty(), Optional.of(PARAMS),
                Optional.of(new AtxDecoder(AtxVersions.v2From(1))));
        for (ValidationJob j : List.of(v2Job, garbage)) {
            assertTrue(resolver.storeBound(j));
            AtxInputs inputs = resolver.resolve(j);
            assertTrue(inputs.storeBound());
            assertEquals(AtxDependencies.NONE, inputs.dependencies(), "nothing travels for it");
        }
        assertTrue(afterSwitch.storeBound(job(atx)), "a v1 ATX from the switch on is refused by the store's member");
    }

    @Test
    void aJobWithItsInputsCrossesTheSerializerUnchanged() throws Exception {
        ActorTestKit kit = ActorTestKit.create();
        try {
            Serialization serialization = SerializationExtension.get(Adapter.toClassic(kit.system()));
            ValidationWorker.Check check = new ValidationWorker.Check(job(atx).withInputs(resolver.resolve(job(atx))));
            Serializer serializer = serialization.findSerializerFor(check);
            assertEquals(check, serializer.fromBinary(serializer.toBinary(check), (Class<?>) null));
            PoolStats stats = new PoolStats(1, 10, 2, 0, true, List.of(new PoolStats.WorkerStats("worker-1-0",
                    "pekko://smnode@127.0.0.1:2552", false, true, 5)));
            assertEquals(stats, serializer.fromBinary(serializer.toBinary(stats), (Class<?>) null));
        } finally {
            kit.shutdownTestKit();
        }
    }

    @Test
    void aStoreBoundJobGoesToThePoolsOwnWorkerWhileAnotherMembersWorkerTakesTheRest() {
        ActorTestKit kit = ActorTestKit.create(ClusterSerialization.on());
        try {
            // The pool's own worker stands by (fallback) and answers what it gets, saying whether it was store-bound.
            AtxCheck.Factory local = () -> (bytes, expected, epoch, facts) -> AtxValidation.reject(AtxRule.MALFORMED,
                    "local, store-bound " + facts.storeBound());
            ActorRef<AtxValidationPool.Command> pool = kit.spawn(AtxValidationPool.create(new AtxValidationPool.Setup(
                    ComponentFactory.withoutFaults(), local, resolver, 1, 10, AtxValidationPool.LocalWorkers.FALLBACK,
                    Duration.ofSeconds(30), new ValidationStats())));
            TestProbe<ValidationWorker.Command> remote = kit.createTestProbe();
            pool.tell(new AtxValidationPool.WorkerReady(remote.getRef()));
            TestProbe<ValidationDone> done = kit.createTestProbe();
            ValidationJob garbage = new ValidationJob(2, Bytes.ofHex("0102"), Optional.empty(), EpochId.of(2));
            pool.tell(new AtxValidationPool.Validate(garbage, done.getRef()));
            pool.tell(new AtxValidationPool.Validate(job(atx), done.getRef()));

            ValidationWorker.Check handedOut = remote.expectMessageClass(ValidationWorker.Check.class);
            assertEquals(job(atx).id(), handedOut.job().id(), "the v1 ATX went to the other member's worker");
            assertFalse(handedOut.job().inputs().orElseThrow().storeBound());
            ValidationDone answered = done.receiveMessage();
            assertEquals(garbage.id(), answered.job().id());
            assertEquals(Verdict.reject(AtxRule.MALFORMED, "local, store-bound true"), answered.result().verdict(),
                    "the pool's own worker took the store-bound job although another member's worker is there");
            remote.expectNoMessage(Duration.ofMillis(200));
        } finally {
            kit.shutdownTestKit();
        }
    }

    private LmdbAtxStore stored() {
        Store raw = InMemoryStore.open(Schema.of(1, AtxTables.ALL));
        raw.write(WriteBatch.builder().put(AtxTables.ATXS, previous, previousFacts)
                .put(AtxTables.ATXS, positioning, positioningFacts)
                .put(AtxTables.COMMITMENTS, signer.nodeId(), commitment).build());
        return new LmdbAtxStore(raw);
    }

    private static ValidationJob job(ActivationTxV1 atx) {
        return new ValidationJob(1, Bytes.of(atx.encode()), Optional.empty(), EpochId.of(2));
    }

    private MerkleProofV1 path(int leaf) {
        MembershipProof proof = MembershipTree.proof(members, leaf);
        return new MerkleProofV1(proof.nodes(), proof.leafIndex());
    }

    private static RoundProof round(List<Bytes> members) {
        PoswProver prover = PoswProver.start(MembershipTree.root(members), new MemoryTreeStore());
        prover.addLeaves(16);
        return new RoundProof(0, prover.proof(), members);
    }

    private static byte[] filled(int b) {
        byte[] out = new byte[32];
        java.util.Arrays.fill(out, (byte) b);
        return out;
    }
}
