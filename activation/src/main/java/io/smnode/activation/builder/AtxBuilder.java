package io.smnode.activation.builder;

import io.smnode.core.signing.Domain;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.activation.ActivationTxV1;
import io.smnode.activation.InnerActivationTxV1;
import io.smnode.activation.MerkleProofV1;
import io.smnode.activation.NIPostChallengeV1;
import io.smnode.activation.NIPostV1;
import io.smnode.activation.PostMetadataV1;
import io.smnode.activation.builder.BuilderAction.ChoosePositioning;
import io.smnode.activation.builder.BuilderAction.Expired;
import io.smnode.activation.builder.BuilderAction.FetchProof;
import io.smnode.activation.builder.BuilderAction.Prove;
import io.smnode.activation.builder.BuilderAction.Publish;
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
import io.smnode.poet.MembershipProof;
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

/**
 * The ATX builder of one identity (spec 02 §5 steps 2–8) as a deterministic state machine. Each
 * {@link #on(BuilderInput)} applies one input, saves the resulting state, and returns the actions to start now and
 * when to be ticked next. It is level-triggered: after a restart, a new builder over the same store re-issues
 * whatever the persisted phase still needs (registrations are idempotent at a PoET for the same challenge; proofs
 * are fetched and PoST proofs made again), so it resumes where it stopped.
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
    private static final String PROVING_KEY = "proving";
    private static final byte[] POET_DOMAIN = {(byte) Domain.POET.value()};

    private final SmesherSetup setup;
    private final BuilderConfig config;
    private final BuilderStateStore store;
    private BuilderState state;
    /** Requests started and not answered yet, by key ("positioning", "proving" or a PoET name). */
    private final Set<String> inFlight = new HashSet<>();
    /** When a PoET that refused or did not answer, or a failed prover, may be asked again. */
    private final Map<String, Instant> retryAt = new HashMap<>();
    /** Whether no step was taken since this builder was opened. */
    private boolean justOpened = true;

    /** Opens the builder of {@code setup}'s identity over {@code store}, resuming a saved state if there is one. */
    public AtxBuilder(SmesherSetup setup, BuilderConfig config, BuilderStateStore store) throws BuilderStateException {
        this.setup = setup;
        this.config = config;
        this.store = store;
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
        ActivationTxV1 last = state.lastPublished().get();
        Instant deadline = config.publishDeadline(last.challenge().publishEpoch());
        if (now.isBefore(deadline)) {
            actions.add(new Publish(last, deadline));
        }
    }

    // ---- inputs ----

    private void apply(BuilderInput input, List<BuilderAction> actions) {
        Instant now = input.now();
        BuilderPhase phase = state.phase();
        if (input instanceof Tick) {
            return;
        }
        if (input instanceof PositioningChosen in) {
            inFlight.remove(POSITIONING_KEY);
            if (phase instanceof Positioning p && p.publishEpoch().equals(in.publishEpoch())) {
                state = state.withPhase(new Registering(challenge(p.publishEpoch(), in.positioningAtx()), List.of()));
            }
        } else if (input instanceof PoetRegistered in) {
            inFlight.remove(in.poet());
            if (phase instanceof Registering p && config.poets().contains(in.poet()) && !registered(p, in.poet())) {
                List<Registration> regs = new ArrayList<>(p.registrations());
                regs.add(new Registration(in.poet(), in.round(), in.roundEnd()));
                state = state.withPhase(new Registering(p.challenge(), regs));
            }
        } else if (input instanceof PoetRejected in) {
            failed(in.poet(), now);
        } else if (input instanceof PoetUnavailable in) {
            failed(in.poet(), now);
        } else if (input instanceof PoetProofReceived in) {
            inFlight.remove(in.poet());
            if (phase instanceof AwaitingProofs p && isRegistered(p.registrations(), in.poet())
                    && !answered(p, in.poet())) {
                state = state.withPhase(withProof(p, in));
            }
        } else if (input instanceof PostFailed) {
            failed(PROVING_KEY, now);
        } else if (input instanceof PostProven in) {
            inFlight.remove(PROVING_KEY);
            if (phase instanceof Proving p && p.chosen().poetRef().equals(in.poetRef())) {
                EpochId publish = p.challenge().publishEpoch();
                if (config.epochOf(now).value() > publish.value()) {
                    expire(publish, "the PoST proof came after the publish epoch ended", actions);
                } else {
                    state = state.withPhase(new Built(build(p, in)));
                }
            }
        }
    }

    private void failed(String key, Instant now) {
        inFlight.remove(key);
        retryAt.put(key, now.plus(config.retryInterval()));
    }

    private NIPostChallengeV1 challenge(EpochId publishEpoch, AtxId positioning) {
        Optional<ActivationTxV1> previous = state.lastPublished();
        if (previous.isEmpty()) {
            return new NIPostChallengeV1(publishEpoch, 0, AtxId.ZERO, positioning,
                    Optional.of(setup.commitmentAtx()), Optional.of(setup.initialPost()));
        }
        return new NIPostChallengeV1(publishEpoch, previous.get().challenge().sequence() + 1, previous.get().id(),
                positioning, Optional.empty(), Optional.empty());
    }

    /** Records a proof: a candidate when the challenge is among its members, else an answer without it. */
    private AwaitingProofs withProof(AwaitingProofs p, PoetProofReceived in) {
        Bytes leaf = Bytes.of(p.challenge().hash().toByteArray());
        int index = in.members().indexOf(leaf);
        if (index < 0) {
            List<String> without = new ArrayList<>(p.answeredWithout());
            without.add(in.poet());
            return new AwaitingProofs(p.challenge(), p.registrations(), p.candidates(), without);
        }
        MembershipProof path = MembershipTree.proof(in.members(), index);
        List<ProofCandidate> candidates = new ArrayList<>(p.candidates());
        candidates.add(new ProofCandidate(in.poet(), in.proof().ref(), in.proof().leafCount(),
                new MerkleProofV1(path.nodes(), path.leafIndex())));
        return new AwaitingProofs(p.challenge(), p.registrations(), candidates, p.answeredWithout());
    }

    private ActivationTxV1 build(Proving p, PostProven in) {
        boolean initial = p.challenge().isInitial();
        NIPostV1 nipost = new NIPostV1(p.chosen().membership(), Optional.of(in.post()),
                Optional.of(PostMetadataV1.of(p.chosen().poetRef(), setup.labelsPerUnit())));
        InnerActivationTxV1 inner = new InnerActivationTxV1(p.challenge(), setup.coinbase(), setup.numUnits(),
                Optional.of(nipost),
                initial ? Optional.of(setup.signer().nodeId()) : Optional.empty(),
                initial ? Optional.of(setup.vrfNonce()) : Optional.empty());
        return ActivationTxV1.sign(inner, setup.signer());
    }

    // ---- time ----

    /** Moves through every phase whose conditions hold at {@code now}; returns when it next needs a tick. */
    private Optional<Instant> advance(Instant now, List<BuilderAction> actions) {
        while (true) {
            BuilderPhase phase = state.phase();
            Optional<Instant> wait;
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

    /** Steps 2–3: the next publish epoch P and when to choose its positioning ATX. */
    private Optional<Instant> idle(Instant now) {
        long e = config.epochOf(now).value();
        if (state.lastPublishedEpoch().isPresent()) {
            e = Math.max(e, state.lastPublishedEpoch().get().value());
        }
        if (!now.isBefore(config.epochStart(EpochId.of(e)).plus(config.phaseShift()))) {
            e++;
        }
        EpochId publish = EpochId.of(e + 1);
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
            actions.add(new ChoosePositioning(p.publishEpoch(), deadline));
        }
        return Optional.of(deadline);
    }

    /** Step 5: register at every PoET before the round starts, retrying refusals until then. */
    private Optional<Instant> registering(Registering p, Instant now, List<BuilderAction> actions) {
        EpochId publish = p.challenge().publishEpoch();
        Instant deadline = config.registrationDeadline(publish);
        boolean allRegistered = p.registrations().size() == config.poets().size();
        if (!now.isBefore(deadline) || allRegistered) {
            if (p.registrations().isEmpty()) {
                expire(publish, "challenge expired: no PoET accepted it before the round started", actions);
            } else {
                moveTo(new AwaitingProofs(p.challenge(), p.registrations(), List.of(), List.of()));
            }
            return Optional.empty();
        }
        Instant wake = deadline;
        for (String poet : config.poets()) {
            if (registered(p, poet) || inFlight.contains(poet)) {
                continue;
            }
            Instant retry = retryAt.getOrDefault(poet, now);
            if (now.isBefore(retry)) {
                wake = earlier(wake, retry);
                continue;
            }
            inFlight.add(poet);
            actions.add(new Register(poet, submission(p.challenge()), deadline, config.proofDeadline(publish)));
        }
        return Optional.of(wake);
    }

    /** Step 6: after each round's end plus jitter, fetch its proof; keep the one with the most leaves. */
    private Optional<Instant> awaitingProofs(AwaitingProofs p, Instant now, List<BuilderAction> actions) {
        EpochId publish = p.challenge().publishEpoch();
        Instant deadline = config.proofDeadline(publish);
        boolean allAnswered = p.registrations().stream().allMatch(r -> answered(p, r.poet()));
        if (!now.isBefore(deadline) || allAnswered) {
            Optional<ProofCandidate> best = p.candidates().stream()
                    .max(Comparator.comparingLong(ProofCandidate::leafCount));
            if (best.isEmpty()) {
                expire(publish, "no PoET proof containing the challenge before " + deadline, actions);
            } else {
                moveTo(new Proving(p.challenge(), best.get()));
            }
            return Optional.empty();
        }
        Instant wake = deadline;
        for (Registration r : p.registrations()) {
            if (answered(p, r.poet()) || inFlight.contains(r.poet())) {
                continue;
            }
            Instant fetchAt = later(r.roundEnd().plus(config.proofFetchJitter()),
                    retryAt.getOrDefault(r.poet(), Instant.MIN));
            if (now.isBefore(fetchAt)) {
                wake = earlier(wake, fetchAt);
                continue;
            }
            inFlight.add(r.poet());
            actions.add(new FetchProof(r.poet(), r.round()));
        }
        return Optional.of(wake);
    }

    /** Step 7: the PoST proof over the PoET reference, due by {@code S(P+1)}. */
    private Optional<Instant> proving(Proving p, Instant now, List<BuilderAction> actions) {
        EpochId publish = p.challenge().publishEpoch();
        Instant deadline = config.publishDeadline(publish);
        if (!now.isBefore(deadline)) {
            expire(publish, "no PoST proof before " + deadline, actions);
            return Optional.empty();
        }
        Instant retry = retryAt.getOrDefault(PROVING_KEY, now);
        if (now.isBefore(retry)) {
            return Optional.of(earlier(deadline, retry));
        }
        if (inFlight.add(PROVING_KEY)) {
            actions.add(new Prove(p.chosen().poetRef(), deadline));
        }
        return Optional.of(deadline);
    }

    /** Step 8: publish at {@code S(P)}, recording the epoch as published in the same step. */
    private Optional<Instant> built(Built p, Instant now, List<BuilderAction> actions) {
        EpochId publish = p.atx().challenge().publishEpoch();
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
        actions.add(new Publish(p.atx(), config.publishDeadline(publish)));
        return Optional.empty();
    }

    // ---- helpers ----

    private PoetSubmission submission(NIPostChallengeV1 challenge) {
        Bytes prefix = Bytes.wrap(concat(setup.signer().prefix().toByteArray(), POET_DOMAIN));
        byte[] hash = challenge.hash().toByteArray();
        return new PoetSubmission(prefix, challenge.hash(), setup.signer().nodeId(),
                setup.signer().sign(Domain.POET, hash));
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

    private static boolean registered(Registering p, String poet) {
        return isRegistered(p.registrations(), poet);
    }

    private static boolean isRegistered(List<Registration> registrations, String poet) {
        return registrations.stream().anyMatch(r -> r.poet().equals(poet));
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
