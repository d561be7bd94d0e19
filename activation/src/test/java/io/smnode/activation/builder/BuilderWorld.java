package io.smnode.activation.builder;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.activation.ActivationTx;
import io.smnode.activation.ActivationTxV1;
import io.smnode.activation.AtxChoice;
import io.smnode.activation.AtxDecoder;
import io.smnode.activation.AtxHeader;
import io.smnode.activation.AtxIndex;
import io.smnode.activation.AtxParams;
import io.smnode.activation.AtxRecord;
import io.smnode.activation.AtxValidation;
import io.smnode.activation.AtxValidator;
import io.smnode.activation.AtxVersions;
import io.smnode.activation.MemoryAtxHistory;
import io.smnode.activation.MerkleProofV1;
import io.smnode.activation.PoetMembershipCheck;
import io.smnode.activation.VersionedAtxValidator;
import io.smnode.activation.builder.BuilderAction.ChoosePositioning;
import io.smnode.activation.builder.BuilderAction.Expired;
import io.smnode.activation.builder.BuilderAction.FetchProof;
import io.smnode.activation.builder.BuilderAction.Prove;
import io.smnode.activation.builder.BuilderAction.Publish;
import io.smnode.activation.builder.BuilderAction.PublishV2;
import io.smnode.activation.builder.BuilderAction.Register;
import io.smnode.activation.malfeasance.AtxMalfeasanceDetector;
import io.smnode.activation.malfeasance.AtxStorePlan;
import io.smnode.activation.marriage.MemoryEquivocationSetStore;
import io.smnode.activation.v2.AtxValidatorV2;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.NodeId;
import io.smnode.poet.MembershipProof;
import io.smnode.poet.MembershipTree;
import io.smnode.poet.MemoryRegistrationStore;
import io.smnode.poet.MemoryTreeStore;
import io.smnode.poet.PoetConfig;
import io.smnode.poet.PoetService;
import io.smnode.poet.PowParams;
import io.smnode.poet.ProofException;
import io.smnode.poet.RoundProof;
import io.smnode.poet.RoundSchedule;
import io.smnode.poet.SubmitRequest;
import io.smnode.poet.SubmitResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A test clock, one in-process {@link PoetService} per configured PoET (its {@code advance} driven by the same
 * clock), tiny PoSTs, and a network side that validates and stores what is published (ATX v1 and v2, with
 * marriages), standing in for the node: every action of the builders is carried out here and answered with the
 * input a node would feed back. Several builders ("lanes", e.g. two identities and later their married set) can
 * run side by side on the same clock and PoETs. Faults can be injected per PoET, and a builder can be "crashed"
 * after any step: its in-flight answers and that step's actions are lost, and a new builder is opened over the
 * same state store.
 */
final class BuilderWorld {
    static final Instant GENESIS = Instant.parse("2026-01-01T00:00:00Z");
    static final Duration EPOCH = Duration.ofSeconds(100);
    static final Duration PHASE_SHIFT = Duration.ofSeconds(10);
    static final Duration CYCLE_GAP = Duration.ofSeconds(5);
    static final Duration GRACE = Duration.ofSeconds(5);
    static final Duration RETRY = Duration.ofSeconds(1);
    /** 3 % of the cycle gap. */
    static final Duration JITTER = Duration.ofMillis(150);
    static final long TICK_SIZE = 1;
    private static final PowParams POW = new PowParams(Bytes.wrap(new byte[32]), 0);

    /** How to (re)open a lane's builder over its store. */
    @FunctionalInterface
    interface Opener {
        AtxBuilder open(BuilderStateStore store) throws BuilderStateException;
    }

    /** One builder with its state store, its inbox and when it wants a tick. */
    private static final class Lane {
        final String name;
        final BuilderStateStore store;
        final Opener opener;
        /** The identity whose last accepted ATX is its own previous one for positioning. */
        final NodeId signer;
        final Deque<BuilderInput> inbox = new ArrayDeque<>();
        AtxBuilder builder;
        Optional<Instant> wakeAt = Optional.empty();

        Lane(String name, BuilderStateStore store, Opener opener, NodeId signer) throws BuilderStateException {
            this.name = name;
            this.store = store;
            this.opener = opener;
            this.signer = signer;
            this.builder = opener.open(store);
        }
    }

    final TinyPost post;
    final BuilderConfig config;
    final BuilderStateStore store;
    private final Map<String, PoetService> poets = new LinkedHashMap<>();
    private final Map<Hash32, RoundProof> proofsByRef = new HashMap<>();
    private final Map<NodeId, TinyPost> posts = new HashMap<>();
    private final VersionedAtxValidator validator;
    private final AtxDecoder decoder;
    final MemoryAtxHistory atxs = new MemoryAtxHistory();
    final MemoryEquivocationSetStore sets = new MemoryEquivocationSetStore();
    private final Map<NodeId, AtxHeader> lastHeader = new HashMap<>();
    private final Map<EpochId, AtxIndex> byPublishEpoch = new HashMap<>();
    private final List<Lane> lanes = new ArrayList<>();

    Instant now = GENESIS;
    int steps;
    /** PoET name → time before which it does not answer at all. */
    final Map<String, Instant> downUntil = new HashMap<>();
    /** PoET name → time before which registrations quote stale PoW parameters (the PoET refuses them). */
    final Map<String, Instant> refuseUntil = new HashMap<>();
    /** PoET name → time before which its proofs are withheld. */
    final Map<String, Instant> proofsWithheldUntil = new HashMap<>();

    /** How many PoST proofs fail before one succeeds. */
    int provingFailures;
    final List<Instant> provingAttempts = new ArrayList<>();

    /** The v1 ATXs handed out for gossip (what single-identity v1 tests read). */
    final List<ActivationTxV1> gossiped = new ArrayList<>();
    /** Every ATX handed out for gossip, of either version. */
    final List<ActivationTx> published = new ArrayList<>();
    /** When each of {@link #published} was handed out. */
    final List<Instant> gossipTimes = new ArrayList<>();
    final List<Expired> expired = new ArrayList<>();
    final List<Register> registrations = new ArrayList<>();
    final List<AtxValidation> verdicts = new ArrayList<>();

    /** PoETs that each prove the minimum of 150 leaves per round. */
    BuilderWorld(TinyPost post, BuilderStateStore store, String... poetNames) throws Exception {
        this(post, store, minimalLeaves(poetNames));
    }

    /** PoETs by name, each with the leaves its rounds prove. */
    BuilderWorld(TinyPost post, BuilderStateStore store, Map<String, Long> leavesByPoet) throws Exception {
        this(post, store, PHASE_SHIFT, leavesByPoet);
    }

    /**
     * With another phase shift: one below the cycle gap makes rounds end before the publish epoch starts, so a
     * built ATX waits for {@code S(P)}.
     */
    BuilderWorld(TinyPost post, BuilderStateStore store, Duration phaseShift, Map<String, Long> leavesByPoet)
            throws Exception {
        this(post, store, phaseShift, leavesByPoet, AtxVersions.v1Only());
    }

    /** With the network's ATX versions: the single builder, and the validator, follow them. */
    BuilderWorld(TinyPost post, BuilderStateStore store, Duration phaseShift, Map<String, Long> leavesByPoet,
                 AtxVersions versions) throws Exception {
        this.post = post;
        this.store = store;
        this.config = new BuilderConfig(GENESIS, EPOCH, phaseShift, CYCLE_GAP, GRACE,
                List.copyOf(leavesByPoet.keySet()), RETRY, JITTER, versions);
        RoundSchedule schedule = new RoundSchedule(GENESIS, EPOCH, phaseShift, CYCLE_GAP);
        for (Map.Entry<String, Long> poet : leavesByPoet.entrySet()) {
            PoetConfig poetConfig = new PoetConfig(schedule, Bytes.wrap(new byte[32]), poet.getValue(),
                    PoetConfig.DEFAULT_MAX_ROUND_MEMBERS, POW, Optional.empty());
            poets.put(poet.getKey(),
                    new PoetService(poetConfig, new MemoryRegistrationStore(), r -> new MemoryTreeStore(), now));
        }
        AtxParams params = new AtxParams(TinyPost.PREFIX, TinyPost.GOLDEN, TICK_SIZE, TinyPost.verifyingParams(),
                (int) TinyPost.K2, Bytes.ofHex("0123456789"));
        ServiceMembership membership = new ServiceMembership();
        decoder = new AtxDecoder(versions);
        validator = new VersionedAtxValidator(decoder, new AtxValidator(params, post.verifier(), membership),
                new AtxValidatorV2(params, post.verifier(), membership));
        posts.put(post.setup.signer().nodeId(), post);
        if (store != null) {
            addLane("main", store, s -> new AtxBuilder(post.setup, config, s), post.setup.signer().nodeId());
        }
    }

    /** Another builder on this world's clock and PoETs; its identities' PoSTs are {@code members}. */
    void addLane(String name, BuilderStateStore laneStore, Opener opener, NodeId signer, TinyPost... members)
            throws BuilderStateException {
        for (TinyPost m : members) {
            posts.put(m.setup.signer().nodeId(), m);
        }
        lanes.add(new Lane(name, laneStore, opener, signer));
    }

    /** Stops a builder (its identity's ATXs are from now on someone else's, e.g. its married set's). */
    void removeLane(String name) {
        lanes.removeIf(l -> l.name.equals(name));
    }

    /** Runs until the clock passes {@code until}, crashing the builder right after step {@code crashAfter} (0: never). */
    void runUntil(Instant until, int crashAfter) throws Exception {
        for (Lane lane : lanes) {
            lane.inbox.add(new BuilderInput.Tick(now));
        }
        while (true) {
            Lane lane = lanes.stream().filter(l -> !l.inbox.isEmpty()).findFirst().orElse(null);
            BuilderInput input;
            if (lane == null) {
                Lane next = null;
                for (Lane l : lanes) {
                    if (l.wakeAt.isPresent() && (next == null || l.wakeAt.get().isBefore(next.wakeAt.get()))) {
                        next = l;
                    }
                }
                if (next == null || next.wakeAt.get().isAfter(until)) {
                    now = until;
                    return;
                }
                now = next.wakeAt.get().isAfter(now) ? next.wakeAt.get() : now;
                lane = next;
                input = new BuilderInput.Tick(now);
            } else {
                input = lane.inbox.poll();
            }
            BuilderDecision decision = lane.builder.on(input);
            steps++;
            lane.wakeAt = decision.wakeAt();
            if (steps == crashAfter) {
                lane.inbox.clear();
                lane.builder = lane.opener.open(lane.store);
                lane.inbox.add(new BuilderInput.Tick(now));
                continue;
            }
            for (BuilderAction action : decision.actions()) {
                carryOut(lane, action);
            }
        }
    }

    void runUntil(Instant until) throws Exception {
        runUntil(until, 0);
    }

    private void carryOut(Lane lane, BuilderAction action) throws Exception {
        if (action instanceof ChoosePositioning a) {
            lane.inbox.add(new BuilderInput.PositioningChosen(now, a.publishEpoch(),
                    positioning(a.publishEpoch(), lane.signer)));
        } else if (action instanceof Register a) {
            registrations.add(a);
            lane.inbox.add(register(a));
        } else if (action instanceof FetchProof a) {
            lane.inbox.add(fetch(a));
        } else if (action instanceof Prove a) {
            provingAttempts.add(now);
            if (provingFailures > 0) {
                provingFailures--;
                lane.inbox.add(new BuilderInput.PostFailed(now, a.poetRef(), "disk read error",
                        Optional.of(a.identity())));
            } else {
                lane.inbox.add(new BuilderInput.PostProven(now, a.poetRef(), posts.get(a.identity()).prove(a.poetRef()),
                        Optional.of(a.identity())));
            }
        } else if (action instanceof Publish a) {
            gossiped.add(a.atx());
            handOut(a.atx());
        } else if (action instanceof PublishV2 a) {
            handOut(a.atx());
        } else if (action instanceof Expired a) {
            expired.add(a);
        }
    }

    private void handOut(ActivationTx atx) {
        published.add(atx);
        gossipTimes.add(now);
        receive(atx);
    }

    /** Spec 02 §5 step 3 over what this world has accepted (every chain verifies here: all ATXs are full-checked). */
    private AtxId positioning(EpochId publishEpoch, NodeId signer) {
        AtxIndex published = byPublishEpoch.getOrDefault(EpochId.of(publishEpoch.value() - 1), new AtxIndex(1));
        return AtxChoice.positioning(published, id -> true, TinyPost.GOLDEN,
                Optional.ofNullable(lastHeader.get(signer)));
    }

    private BuilderInput register(Register a) {
        Optional<NodeId> identity = Optional.of(a.identity());
        if (now.isBefore(downUntil.getOrDefault(a.poet(), Instant.MIN))) {
            return new BuilderInput.PoetUnavailable(now, a.poet(), "connection refused", identity);
        }
        PoetService poet = poets.get(a.poet());
        boolean refuse = now.isBefore(refuseUntil.getOrDefault(a.poet(), Instant.MIN));
        PowParams quoted = refuse ? new PowParams(Bytes.wrap(new byte[32]), 1) : poet.powParams();
        PoetSubmission s = a.submission();
        SubmitRequest request = new SubmitRequest(s.prefix(), Bytes.of(s.challenge().toByteArray()),
                Bytes.of(s.pubkey().toByteArray()), Bytes.of(s.signature().toByteArray()), 0, quoted,
                Optional.empty(), Optional.empty(), Optional.of(a.roundEndBy()));
        SubmitResult result = poet.submit(request, now);
        if (result instanceof SubmitResult.Accepted ok) {
            return new BuilderInput.PoetRegistered(now, a.poet(), ok.round(), now.plus(ok.roundEnd()), identity);
        }
        SubmitResult.Rejected no = (SubmitResult.Rejected) result;
        return new BuilderInput.PoetRejected(now, a.poet(), no.reason() + ": " + no.detail(), identity);
    }

    private BuilderInput fetch(FetchProof a) {
        PoetService poet = poets.get(a.poet());
        poet.advance(now);
        Optional<RoundProof> proof = poet.proof(a.round());
        if (now.isBefore(downUntil.getOrDefault(a.poet(), Instant.MIN))
                || now.isBefore(proofsWithheldUntil.getOrDefault(a.poet(), Instant.MIN)) || proof.isEmpty()) {
            return new BuilderInput.PoetUnavailable(now, a.poet(), "no proof for round " + a.round());
        }
        // A node stores the proof it fetched, so that it (and peers fetching it by reference) can validate ATXs.
        proofsByRef.put(proof.get().proof().ref(), proof.get());
        return new BuilderInput.PoetProofReceived(now, a.poet(), proof.get().proof(), proof.get().members());
    }

    /** The network's side: validate, and store what is valid (with a v2 ATX's marriages), as the handler would. */
    private void receive(ActivationTx atx) {
        AtxValidation verdict = validator.validate(atx.encode(), Optional.empty(), config.epochOf(now), atxs, sets,
                false);
        verdicts.add(verdict);
        if (verdict.header().isEmpty()) {
            return;
        }
        AtxHeader header = verdict.header().get();
        boolean malicious = false;
        if (verdict.v2().isPresent()) {
            AtxStorePlan plan = AtxStorePlan.of(verdict, atxs, sets, new AtxMalfeasanceDetector(decoder));
            assertTrue(plan.refusal().isEmpty(), plan.refusal().toString());
            atxs.put(plan.record());
            sets.apply(plan.change());
            malicious = plan.maliciousSigner();
        } else {
            atxs.put(AtxRecord.ofV1((ActivationTxV1) atx, header));
        }
        lastHeader.put(header.smesherId(), header);
        byPublishEpoch.computeIfAbsent(header.publishEpoch(), e -> new AtxIndex(4)).add(header, malicious);
    }

    /** The ATX index of a target epoch, as the handler keeps it. */
    Optional<AtxIndex> index(EpochId publishEpoch) {
        return Optional.ofNullable(byPublishEpoch.get(publishEpoch));
    }

    /** The distinct ATXs gossiped for each publish epoch. */
    Map<EpochId, Set<AtxId>> publishedByEpoch() {
        Map<EpochId, Set<AtxId>> out = new LinkedHashMap<>();
        for (ActivationTx atx : published) {
            out.computeIfAbsent(atx.publishEpoch(), e -> new LinkedHashSet<>()).add(atx.id());
        }
        return out;
    }

    /** The valid ATXs this world's validator accepted, in order. */
    List<AtxHeader> accepted() {
        List<AtxHeader> out = new ArrayList<>();
        for (AtxValidation v : verdicts) {
            v.header().ifPresent(out::add);
        }
        return out;
    }

    ActivationTxV1 gossipedAtx(AtxId id) {
        return gossiped.stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
    }

    /** The last ATX handed out that {@code identity} signed. */
    Optional<ActivationTx> lastPublishedBy(NodeId identity) {
        ActivationTx out = null;
        for (ActivationTx a : published) {
            if (a.smesherId().equals(identity)) {
                out = a;
            }
        }
        return Optional.ofNullable(out);
    }

    static Map<String, Long> minimalLeaves(String... names) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String name : names) {
            out.put(name, 150L);
        }
        return out;
    }

    static Instant at(long seconds) {
        return GENESIS.plusSeconds(seconds);
    }

    static void assertValid(AtxValidation verdict) {
        assertTrue(verdict.valid(), verdict.toString());
    }

    /** PoET membership over the proofs this node fetched: the paths must rebuild the round's statement. */
    private final class ServiceMembership implements PoetMembershipCheck {
        @Override
        public OptionalLong leafCount(Hash32 poetRef) {
            RoundProof proof = proofsByRef.get(poetRef);
            return proof == null ? OptionalLong.empty() : OptionalLong.of(proof.proof().leafCount());
        }

        @Override
        public boolean isMember(Hash32 poetRef, Hash32 challengeHash, MerkleProofV1 path) {
            RoundProof proof = proofsByRef.get(poetRef);
            if (proof == null) {
                return false;
            }
            try {
                MembershipTree.verify(Bytes.of(challengeHash.toByteArray()),
                        new MembershipProof(path.nodes(), path.leafIndex()), proof.statement());
                return true;
            } catch (ProofException e) {
                return false;
            }
        }

        @Override
        public boolean areMembers(Hash32 poetRef, long[] sortedLeafIndices, List<Hash32> challengeHashes,
                                  List<Hash32> nodes) {
            RoundProof proof = proofsByRef.get(poetRef);
            if (proof == null) {
                return false;
            }
            List<Bytes> leaves = new ArrayList<>();
            challengeHashes.forEach(h -> leaves.add(Bytes.of(h.toByteArray())));
            return MembershipTree.verify(leaves, sortedLeafIndices, nodes, proof.statement());
        }
    }
}
