package io.smnode.activation.builder;

import io.smnode.activation.ActivationTx;
import io.smnode.activation.ActivationTxV1;
import io.smnode.activation.NIPostChallenge;
import io.smnode.activation.NIPostChallengeV1;
import io.smnode.activation.PostV1;
import io.smnode.activation.builder.BuilderAction.ChoosePositioning;
import io.smnode.activation.builder.BuilderAction.Expired;
import io.smnode.activation.builder.BuilderAction.FetchProof;
import io.smnode.activation.builder.BuilderAction.Prove;
import io.smnode.activation.builder.BuilderAction.Publish;
import io.smnode.activation.builder.BuilderAction.PublishV2;
import io.smnode.activation.builder.BuilderAction.Register;
import io.smnode.activation.builder.BuilderInput.PoetProofReceived;
import io.smnode.activation.builder.BuilderInput.PoetRegistered;
import io.smnode.activation.builder.BuilderInput.PoetRejected;
import io.smnode.activation.builder.BuilderInput.PoetUnavailable;
import io.smnode.activation.builder.BuilderInput.PositioningChosen;
import io.smnode.activation.builder.BuilderInput.PostFailed;
import io.smnode.activation.builder.BuilderInput.PostProven;
import io.smnode.activation.builder.BuilderInput.Tick;
import io.smnode.activation.builder.BuilderPhase.AwaitingProofs;
import io.smnode.activation.builder.BuilderPhase.Built;
import io.smnode.activation.builder.BuilderPhase.Idle;
import io.smnode.activation.builder.BuilderPhase.Positioning;
import io.smnode.activation.builder.BuilderPhase.ProofCandidate;
import io.smnode.activation.builder.BuilderPhase.Proving;
import io.smnode.activation.builder.BuilderPhase.Registering;
import io.smnode.activation.builder.BuilderPhase.Registration;
import io.smnode.activation.v2.ActivationTxV2;
import io.smnode.core.signing.Domain;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.NodeId;
import io.smnode.poet.MembershipTree;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The ATX builder (spec 02 §5 steps 2–8) of one identity, or of a married set publishing merged ATXs (spec 11 §4),
 * as a deterministic state machine. Each {@link #on(BuilderInput)} applies one input, saves the resulting state,
 * and returns the actions to start now and when to be ticked next. It is level-triggered: after a restart, a new
 * builder over the same store re-issues whatever the persisted phase still needs (registrations are idempotent at
 * a PoET for the same challenge; proofs are fetched and PoST proofs made again), so it resumes where it stopped.
 *
 * <p>The version of each ATX follows from its publish epoch ({@link BuilderConfig#versions()}): from the switch
 * epoch the challenge registered at the PoET is already v2's. Every member of a set registers its own challenge at
 * every PoET; a round proof is a candidate when it holds all of them, and each member then proves its PoST over it.
 *
 * <p>Exactly one ATX per publish epoch: the built ATX is handed out in the same step that records it as the last
 * published one, and that record is saved before the step returns. A builder never starts an epoch at or below the
 * last published one, so a restart after publishing does not rebuild.
 *
 * <p>Requests in flight and retry times are held in memory only: losing them on restart only means asking again.
 * Not thread-safe.
 */
public final class AtxBuilder {
    private static final String POSITIONING_KEY = "positioning";
    private static final String PROVING_KEY = "proving#";
    private static final byte[] POET_DOMAIN = {(byte) Domain.POET.value()};

    private final List<SmesherSetup> members;
    private final Optional<MarriedSet> married;
    /** The last publish epoch this builder may build for (a member's own builder before its set's merged ATXs). */
    private final Optional<EpochId> lastEpoch;
    private final BuilderConfig config;
    private final BuilderStateStore store;
    private final AtxAssembly assembly;
    private BuilderState state;
    /** Requests started and not answered yet, by key ("positioning", "proving#i", "poet#i" or a PoET name). */
    private final Set<String> inFlight = new HashSet<>();
    /** When a PoET that refused or did not answer, or a failed prover, may be asked again. */
    private final Map<String, Instant> retryAt = new HashMap<>();
    /** Whether no step was taken since this builder was opened. */
    private boolean justOpened = true;

    /** Opens the builder of {@code setup}'s identity over {@code store}, resuming a saved state if there is one. */
    public AtxBuilder(SmesherSetup setup, BuilderConfig config, BuilderStateStore store) throws BuilderStateException {
        this(List.of(setup), Optional.empty(), Optional.empty(), config, store);
    }

    /**
     * Opens the builder of {@code setup}'s own ATXs up to publish epoch {@code lastEpoch} only: a member of a married
     * set whose merged ATXs start after it. An attempt for a later epoch found in the saved state is given up.
     */
    public AtxBuilder(SmesherSetup setup, EpochId lastEpoch, BuilderConfig config, BuilderStateStore store)
            throws BuilderStateException {
        this(List.of(setup), Optional.empty(), Optional.of(lastEpoch), config, store);
    }

    /**
     * Opens the builder of a married set's merged ATXs over {@code store}. The members' own builders must not
     * publish for the set's epochs ({@link MarriedSet#firstEpoch()} on): that would be a second ATX for them.
     */
    public AtxBuilder(MarriedSet set, BuilderConfig config, BuilderStateStore store) throws BuilderStateException {
        this(set.members(), Optional.of(set), Optional.empty(), config, store);
    }

    private AtxBuilder(List<SmesherSetup> members, Optional<MarriedSet> married, Optional<EpochId> lastEpoch,
                       BuilderConfig config, BuilderStateStore store) throws BuilderStateException {
        this.members = members;
        this.married = married;
        this.lastEpoch = lastEpoch;
        this.config = config;
        this.store = store;
        this.assembly = new AtxAssembly(members, married, config);
        this.state = store.load().orElse(BuilderState.INITIAL);
    }

    public BuilderState state() {
        return state;
    }

    /** Applies {@code input}, saves the state and says what to do next. */
    public BuilderDecision on(BuilderInput input) throws BuilderStateException {
        List<BuilderAction> actions = new ArrayList<>();
        if (justOpened) {
            justOpened = false;
            regossipAfterRestart(input.now(), actions);
        }
        apply(input, actions);
        Optional<Instant> wakeAt = advance(input.now(), actions);
        store.save(state);
        return new BuilderDecision(actions, wakeAt);
    }

    /**
     * A crash may have come between saving "published for P" and the gossip; handing the same ATX out again while
     * its publish window is open covers that, and is harmless otherwise (peers already know it).
     */
    private void regossipAfterRestart(Instant now, List<BuilderAction> actions) {
        if (state.lastPublished().isEmpty()) {
            return;
        }
        ActivationTx last = state.lastPublished().get();
        Instant deadline = config.publishDeadline(last.publishEpoch());
        if (now.isBefore(deadline)) {
            actions.add(publish(last, deadline));
        }
    }

    // ---- inputs

    private void apply(BuilderInput input, List<BuilderAction> actions) {
        Instant now = input.now();
        BuilderPhase phase = state.phase();
        if (input instanceof Tick) {
            return;
        }
        if (input instanceof PositioningChosen in) {
            inFlight.remove(POSITIONING_KEY);
            if (phase instanceof Positioning p && p.publishEpoch().equals(in.publishEpoch())) {
                state = state.withPhase(new Registering(
                        assembly.challenges(p.publishEpoch(), in.positioningAtx(), state.lastPublished()), List.of()));
            }
        } else if (input instanceof PoetRegistered in) {
            int member = member(in.identity());
            inFlight.remove(registrationKey(in.poet(), member));
            if (phase instanceof Registering p && config.poets().contains(in.poet()) && member >= 0
                    && !registered(p.registrations(), in.poet(), member)) {
                List<Registration> regs = new ArrayList<>(p.registrations());
                regs.add(new Registration(in.poet(), member, in.round(), in.roundEnd()));
                state = state.withPhase(new Registering(p.challenges(), regs));
            }
        } else if (input instanceof PoetRejected in) {
            failed(phase instanceof Registering ? registrationKey(in.poet(), member(in.identity())) : in.poet(), now);
        } else if (input instanceof PoetUnavailable in) {
            failed(phase instanceof Registering ? registrationKey(in.poet(), member(in.identity())) : in.poet(), now);
        } else if (input instanceof PoetProofReceived in) {
            inFlight.remove(in.poet());
            if (phase instanceof AwaitingProofs p && complete(p.registrations(), in.poet()) && !answered(p, in.poet())) {
                state = state.withPhase(withProof(p, in));
            }
        } else if (input instanceof PostFailed in) {
            failed(PROVING_KEY + member(in.identity()), now);
        } else if (input instanceof PostProven in) {
            int member = member(in.identity());
            inFlight.remove(PROVING_KEY + member);
            if (phase instanceof Proving p && member >= 0 && p.chosen().poetRef().equals(in.poetRef())
                    && p.posts().get(member).isEmpty()) {
                proven(p, member, in.post(), now, actions);
            }
        }
    }

    private void proven(Proving p, int member, PostV1 post, Instant now, List<BuilderAction> actions) {
        EpochId publish = p.challenges().get(0).publishEpoch();
        if (config.epochOf(now).value() > publish.value()) {
            expire(publish, "the PoST proof came after the publish epoch ended", actions);
            return;
        }
        List<Optional<PostV1>> posts = new ArrayList<>(p.posts());
        posts.set(member, Optional.of(post));
        if (posts.stream().allMatch(Optional::isPresent)) {
            List<PostV1> all = posts.stream().map(Optional::get).toList();
            state = state.withPhase(new Built(assembly.build(p.challenges(), p.chosen(), all, state.lastPublished())));
        } else {
            state = state.withPhase(new Proving(p.challenges(), p.chosen(), posts));
        }
    }

    /** The member an answer is about: the named identity, or the first when none is named; -1 if not ours. */
    private int member(Optional<NodeId> identity) {
        if (identity.isEmpty()) {
            return 0;
        }
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).signer().nodeId().equals(identity.get())) {
                return i;
            }
        }
        return -1;
    }

    private void failed(String key, Instant now) {
        inFlight.remove(key);
        retryAt.put(key, now.plus(config.retryInterval()));
    }

    /**
     * Records a proof: a candidate when every member's challenge is among its members (with one path for a v1
     * challenge, else one proof over the distinct leaf indices), else an answer without us.
     */
    private AwaitingProofs withProof(AwaitingProofs p, PoetProofReceived in) {
        List<Long> leaves = new ArrayList<>();
        for (NIPostChallenge c : p.challenges()) {
            int index = in.members().indexOf(Bytes.of(c.hash().toByteArray()));
            if (index < 0) {
                List<String> without = new ArrayList<>(p.answeredWithout());
                without.add(in.poet());
                return new AwaitingProofs(p.challenges(), p.registrations(), p.candidates(), without);
            }
            leaves.add((long) index);
        }
        List<Hash32> nodes;
        if (p.challenges().get(0) instanceof NIPostChallengeV1) {
            nodes = MembershipTree.proof(in.members(), leaves.get(0).intValue()).nodes();
        } else {
            long[] distinct = new TreeSet<>(leaves).stream().mapToLong(Long::longValue).toArray();
            nodes = MembershipTree.proof(in.members(), distinct);
        }
        List<ProofCandidate> candidates = new ArrayList<>(p.candidates());
        candidates.add(new ProofCandidate(in.poet(), in.proof().ref(), in.proof().leafCount(), leaves, nodes));
        return new AwaitingProofs(p.challenges(), p.registrations(), candidates, p.answeredWithout());
    }

    // ---- time

    /** Moves through every phase whose conditions hold at {@code now}; returns when it next needs a tick. */
    private Optional<Instant> advance(Instant now, List<BuilderAction> actions) {
        while (true) {
            BuilderPhase phase = state.phase();
            Optional<Instant> wait;
            if (beyondLastEpoch(phase)) {
                expire(publishEpoch(phase).orElseThrow(), "this builder publishes up to epoch "
                        + lastEpoch.orElseThrow().value() + " only (its married set's merged ATXs follow)", actions);
                continue;
            }
            if (phase instanceof Idle) {
                wait = idle(now);
            } else if (phase instanceof Positioning p) {
                wait = positioning(p, now, actions);
            } else if (phase instanceof Registering p) {
                wait = registering(p, now, actions);
            } else if (phase instanceof AwaitingProofs p) {
                wait = awaitingProofs(p, now, actions);
            } else if (phase instanceof Proving p) {
                wait = proving(p, now, actions);
            } else {
                wait = built((Built) phase, now, actions);
            }
            if (state.phase() == phase) {
                return wait;
            }
        }
    }

    /** Steps 2–3: the next publish epoch P (for a set, not before its first merged epoch) and when to position. */
    private Optional<Instant> idle(Instant now) {
        long e = config.epochOf(now).value();
        if (state.lastPublishedEpoch().isPresent()) {
            e = Math.max(e, state.lastPublishedEpoch().get().value());
        }
        if (!now.isBefore(config.epochStart(EpochId.of(e)).plus(config.phaseShift()))) {
            e++;
        }
        if (married.isPresent()) {
            e = Math.max(e, married.get().firstEpoch().value() - 1);
        }
        EpochId publish = EpochId.of(e + 1);
        if (lastEpoch.isPresent() && publish.value() > lastEpoch.get().value()) {
            return Optional.empty(); // done for good: nothing to wake for
        }
        Instant chooseAt = config.registrationDeadline(publish).minus(config.gracePeriod());
        if (now.isBefore(chooseAt)) {
            return Optional.of(chooseAt);
        }
        moveTo(new Positioning(publish));
        return Optional.empty();
    }

    private Optional<Instant> positioning(Positioning p, Instant now, List<BuilderAction> actions) {
        Instant deadline = config.registrationDeadline(p.publishEpoch());
        if (!now.isBefore(deadline)) {
            expire(p.publishEpoch(), "no positioning ATX before the round started", actions);
            return Optional.empty();
        }
        if (inFlight.add(POSITIONING_KEY)) {
            actions.add(new ChoosePositioning(p.publishEpoch(), deadline,
                    state.lastPublished().map(ActivationTx::id)));
        }
        return Optional.of(deadline);
    }

    /** Step 5: register every member at every PoET before the round starts, retrying refusals until then. */
    private Optional<Instant> registering(Registering p, Instant now, List<BuilderAction> actions) {
        EpochId publish = p.challenges().get(0).publishEpoch();
        Instant deadline = config.registrationDeadline(publish);
        boolean allRegistered = p.registrations().size() == config.poets().size() * members.size();
        if (!now.isBefore(deadline) || allRegistered) {
            if (config.poets().stream().noneMatch(poet -> complete(p.registrations(), poet))) {
                expire(publish, "challenge expired: no PoET accepted every challenge before the round started",
                        actions);
            } else {
                moveTo(new AwaitingProofs(p.challenges(), p.registrations(), List.of(), List.of()));
            }
            return Optional.empty();
        }
        Instant wake = deadline;
        for (String poet : config.poets()) {
            for (int m = 0; m < members.size(); m++) {
                String key = registrationKey(poet, m);
                if (registered(p.registrations(), poet, m) || inFlight.contains(key)) {
                    continue;
                }
                Instant retry = retryAt.getOrDefault(key, now);
                if (now.isBefore(retry)) {
                    wake = earlier(wake, retry);
                    continue;
                }
                inFlight.add(key);
                actions.add(new Register(poet, submission(members.get(m), p.challenges().get(m)), deadline,
                        config.proofDeadline(publish)));
            }
        }
        return Optional.of(wake);
    }

    /** Step 6: after each round's end plus jitter, fetch its proof; keep the one with the most leaves. */
    private Optional<Instant> awaitingProofs(AwaitingProofs p, Instant now, List<BuilderAction> actions) {
        EpochId publish = p.challenges().get(0).publishEpoch();
        Instant deadline = config.proofDeadline(publish);
        List<String> poets = config.poets().stream().filter(poet -> complete(p.registrations(), poet)).toList();
        boolean allAnswered = poets.stream().allMatch(poet -> answered(p, poet));
        if (!now.isBefore(deadline) || allAnswered) {
            Optional<ProofCandidate> best = p.candidates().stream()
                    .max(Comparator.comparingLong(ProofCandidate::leafCount));
            if (best.isEmpty()) {
                expire(publish, "no PoET proof containing the challenges before " + deadline, actions);
            } else {
                List<Optional<PostV1>> none = new ArrayList<>();
                members.forEach(m -> none.add(Optional.empty()));
                moveTo(new Proving(p.challenges(), best.get(), none));
            }
            return Optional.empty();
        }
        Instant wake = deadline;
        for (String poet : poets) {
            if (answered(p, poet) || inFlight.contains(poet)) {
                continue;
            }
            Registration r = p.registrations().stream().filter(x -> x.poet().equals(poet)).findFirst().orElseThrow();
            Instant fetchAt = later(r.roundEnd().plus(config.proofFetchJitter()), retryAt.getOrDefault(poet, Instant.MIN));
            if (now.isBefore(fetchAt)) {
                wake = earlier(wake, fetchAt);
                continue;
            }
            inFlight.add(poet);
            actions.add(new FetchProof(poet, r.round()));
        }
        return Optional.of(wake);
    }

    /** Step 7: every member's PoST proof over the PoET reference, due by {@code S(P+1)}. */
    private Optional<Instant> proving(Proving p, Instant now, List<BuilderAction> actions) {
        EpochId publish = p.challenges().get(0).publishEpoch();
        Instant deadline = config.publishDeadline(publish);
        if (!now.isBefore(deadline)) {
            expire(publish, "no PoST proof before " + deadline, actions);
            return Optional.empty();
        }
        Instant wake = deadline;
        for (int m = 0; m < members.size(); m++) {
            String key = PROVING_KEY + m;
            if (p.posts().get(m).isPresent()) {
                continue;
            }
            Instant retry = retryAt.getOrDefault(key, now);
            if (now.isBefore(retry)) {
                wake = earlier(wake, retry);
                continue;
            }
            if (inFlight.add(key)) {
                actions.add(new Prove(p.chosen().poetRef(), deadline, members.get(m).signer().nodeId()));
            }
        }
        return Optional.of(wake);
    }

    /** Step 8: publish at {@code S(P)}, recording the epoch as published in the same step. */
    private Optional<Instant> built(Built p, Instant now, List<BuilderAction> actions) {
        EpochId publish = p.atx().publishEpoch();
        if (config.epochOf(now).value() > publish.value()) {
            expire(publish, "publish epoch " + publish + " is over", actions);
            return Optional.empty();
        }
        Instant publishAt = config.epochStart(publish);
        if (now.isBefore(publishAt)) {
            return Optional.of(publishAt);
        }
        state = new BuilderState(Optional.of(p.atx()), new Idle());
        resetRequests();
        actions.add(publish(p.atx(), config.publishDeadline(publish)));
        return Optional.empty();
    }

    // ---- helpers

    private boolean beyondLastEpoch(BuilderPhase phase) {
        return lastEpoch.isPresent() && publishEpoch(phase).map(e -> e.value() > lastEpoch.get().value()).orElse(false);
    }

    /** The publish epoch of the attempt {@code phase} belongs to; empty when idle. */
    private static Optional<EpochId> publishEpoch(BuilderPhase phase) {
        if (phase instanceof Positioning p) {
            return Optional.of(p.publishEpoch());
        } else if (phase instanceof Registering p) {
            return Optional.of(p.challenges().get(0).publishEpoch());
        } else if (phase instanceof AwaitingProofs p) {
            return Optional.of(p.challenges().get(0).publishEpoch());
        } else if (phase instanceof Proving p) {
            return Optional.of(p.challenges().get(0).publishEpoch());
        } else if (phase instanceof Built p) {
            return Optional.of(p.atx().publishEpoch());
        }
        return Optional.empty();
    }

    private static BuilderAction publish(ActivationTx atx, Instant deadline) {
        return atx instanceof ActivationTxV2 v2 ? new PublishV2(v2, deadline)
                : new Publish((ActivationTxV1) atx, deadline);
    }

    private static PoetSubmission submission(SmesherSetup member, NIPostChallenge challenge) {
        Bytes prefix = Bytes.wrap(concat(member.signer().prefix().toByteArray(), POET_DOMAIN));
        byte[] hash = challenge.hash().toByteArray();
        return new PoetSubmission(prefix, challenge.hash(), member.signer().nodeId(),
                member.signer().sign(Domain.POET, hash));
    }

    private static String registrationKey(String poet, int member) {
        return poet + "#" + member;
    }

    private void expire(EpochId publishEpoch, String reason, List<BuilderAction> actions) {
        moveTo(new Idle());
        actions.add(new Expired(publishEpoch, reason));
    }

    private void moveTo(BuilderPhase next) {
        state = state.withPhase(next);
        resetRequests();
    }

    private void resetRequests() {
        inFlight.clear();
        retryAt.clear();
    }

    private static boolean registered(List<Registration> registrations, String poet, int member) {
        return registrations.stream().anyMatch(r -> r.poet().equals(poet) && r.member() == member);
    }

    /** Whether every member is registered at {@code poet}. */
    private boolean complete(List<Registration> registrations, String poet) {
        for (int m = 0; m < members.size(); m++) {
            if (!registered(registrations, poet, m)) {
                return false;
            }
        }
        return true;
    }

    private static boolean answered(AwaitingProofs p, String poet) {
        return p.answeredWithout().contains(poet) || p.candidates().stream().anyMatch(c -> c.poet().equals(poet));
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
