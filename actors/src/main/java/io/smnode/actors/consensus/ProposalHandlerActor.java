package io.smnode.actors.consensus;

import io.smnode.actors.gossip.FetchPort;
import io.smnode.actors.gossip.Fetched;
import io.smnode.actors.gossip.GossipIn;
import io.smnode.actors.gossip.GossipPort;
import io.smnode.actors.storage.StorageActor;
import io.smnode.core.codec.Scale;
import io.smnode.core.codec.ScaleException;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.BallotId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.Hash32;
import io.smnode.core.verdict.CommonRule;
import io.smnode.core.verdict.Verdict;
import io.smnode.mesh.pipeline.BallotOutcome;
import io.smnode.mesh.pipeline.Decision;
import io.smnode.mesh.pipeline.Hint;
import io.smnode.mesh.proposal.EpochActiveSet;
import io.smnode.mesh.store.MeshRecord;
import io.smnode.mesh.pipeline.ProposalChecks;
import io.smnode.mesh.pipeline.ProposalIntake;
import io.smnode.mesh.pipeline.ProposalRule;
import io.smnode.mesh.pipeline.Recipient;
import io.smnode.mesh.pipeline.Timer;
import io.smnode.mesh.pipeline.Topic;
import io.smnode.mesh.proposal.Proposal;
import io.smnode.mesh.store.MeshReads;
import io.smnode.persistence.atx.LmdbAtxReads;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Routers;
import org.apache.pekko.actor.typed.javadsl.StashBuffer;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * The proposal handler ({@link ProposalIntake}): proposals from gossip ({@code pp1}, this node's own included) and
 * proposals and ballots fetched by id. A proposal's stateless checks run in a pool of parallel workers
 * ({@link ProposalCheckWorker}); at most {@code checkQueue} are checked at once, more are ignored
 * ({@link CommonRule#QUEUE_FULL}). A valid ballot goes to the tortoise, which stores it; then the proposal is stored
 * and handed to hare and the block generator, and only then does the sender hear ACCEPT. One that waits for an
 * object it names is parked (bounded) and the object fetched; it is checked again once the object is stored.
 */
public final class ProposalHandlerActor {
    private static final Duration TORTOISE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(30);
    private static final int STASH = 10_000;

    public sealed interface Command {}

    private record Gossip(GossipIn in) implements Command {}

    private record FetchedIn(Fetched fetched) implements Command {}

    private record Checked(ProposalCheckDone done) implements Command {}

    private record CheckLost(long job, String why) implements Command {}

    private record Tortoised(long job, BallotOutcome outcome) implements Command {}

    private record Event(ConsensusEvent event) implements Command {}

    private record Committed(StorageActor.CommitResult result) implements Command {}

    private record Fired(Timer timer, Instant at) implements Command {}

    /** A proposal in the works: what came in, who hears the verdict, and the tortoise step once there. */
    private record Job(ProposalIntake.Parked input, Optional<ActorRef<Verdict>> replyTo,
            Optional<ProposalIntake.Step.ToTortoise> step) {}

    private final ActorContext<Command> ctx;
    private final ConsensusSetup setup;
    private final ActorRef<TortoiseActor.Command> tortoise;
    private final DecisionCarrier<Command> carrier;
    private final ActorRef<ProposalCheckWorker.Command> checks;
    private final ProposalIntake intake;
    private final MeshReads store;
    private final LmdbAtxReads atxs;
    private final Map<Long, Job> jobs = new HashMap<>();
    private long nextJob;

    public static Behavior<Command> create(ConsensusSetup setup, ConsensusPorts ports,
            ActorRef<TortoiseActor.Command> tortoise) {
        return Behaviors.setup(ctx -> {
            ctx.setLoggerName(ProposalHandlerActor.class);
            return Behaviors.withStash(STASH, stash -> Behaviors.withTimers(
                    timers -> new ProposalHandlerActor(ctx, setup, ports, tortoise, stash, timers).start(ports)));
        });
    }

    private ProposalHandlerActor(ActorContext<Command> ctx, ConsensusSetup setup, ConsensusPorts ports,
            ActorRef<TortoiseActor.Command> tortoise, StashBuffer<Command> stash, TimerScheduler<Command> timers) {
        this.ctx = ctx;
        this.setup = setup;
        this.tortoise = tortoise;
        this.store = setup.meshReads();
        this.atxs = setup.atxReads();
        this.carrier = new DecisionCarrier<>(new DecisionCarrier.Owner<>(ctx, stash, timers, Command.class,
                Committed.class, Committed::new, Committed::result, Fired::new), ports, setup.clock());
        // Proposals continue the arrival numbers of what is stored (the tortoise numbers ballots on its own).
        long last = store.lastLayerWithData().map(l -> l.value()).orElse(0L);
        long from = Math.max(setup.config().effectiveGenesis().value(), last - setup.config().keepLayers());
        this.intake = new ProposalIntake(setup.config(), new ProposalChecks(setup.config(), atxs, store), store,
                store.lastArrival(io.smnode.core.types.LayerId.of(from)) + 1);
        this.checks = ctx.spawn(Routers.pool(setup.checkWorkers(), Behaviors.supervise(
                                ProposalCheckWorker.create(() -> new ProposalChecks(setup.config(), atxs, store)))
                        .onFailure(SupervisorStrategy.restart()))
                .withRouteeProps(DispatcherSelector.fromConfig(ProposalCheckWorker.DISPATCHER)), "checks");
    }

    private Behavior<Command> start(ConsensusPorts ports) {
        Behavior<Command> ready = Behaviors.receive(Command.class)
                .onMessage(Gossip.class, g -> onGossip(g.in()))
                .onMessage(FetchedIn.class, f -> onFetched(f.fetched()))
                .onMessage(Checked.class, c -> onChecked(c.done()))
                .onMessage(CheckLost.class, l -> {
                    Job job = jobs.remove(l.job());
                    if (job != null) {
                        job.replyTo().ifPresent(r -> r.tell(Verdict.ignore(CommonRule.UNAVAILABLE, l.why())));
                    }
                    return Behaviors.same();
                })
                .onMessage(Tortoised.class, this::onTortoised)
                .onMessage(Event.class, e -> onEvent(e.event()))
                .build();
        carrier.ready(ready);
        ports.bus().tell(new ConsensusActor.Join(Recipient.INTAKE, ctx.messageAdapter(ConsensusEvent.class,
                Event::new)));
        ports.gossip().tell(new GossipPort.Register(Topic.PROPOSAL, ctx.messageAdapter(GossipIn.class,
                Gossip::new)));
        ActorRef<Fetched> fetched = ctx.messageAdapter(Fetched.class, FetchedIn::new);
        ports.fetch().tell(new FetchPort.Register(Hint.PROPOSAL, fetched));
        ports.fetch().tell(new FetchPort.Register(Hint.BALLOT, fetched));
        ports.fetch().tell(new FetchPort.Register(Hint.ACTIVE_SET, fetched));
        return ready;
    }

    private Behavior<Command> onGossip(GossipIn in) {
        return check(new ProposalIntake.Parked(true, true, in.bytes()), Optional.of(in.replyTo()));
    }

    private Behavior<Command> onFetched(Fetched f) {
        if (f.hint() == Hint.ACTIVE_SET) {
            return onActiveSet(f.bytes());
        }
        if (f.hint() == Hint.PROPOSAL) {
            return check(new ProposalIntake.Parked(true, false, f.bytes()), Optional.empty());
        }
        // A fetched ballot (a base or reference ballot): rare, checked in place.
        return step(nextJob++, new Job(new ProposalIntake.Parked(false, false, f.bytes()), Optional.empty(),
                Optional.empty()), intake.onBallot(f.bytes()), Optional.empty());
    }

    /**
     * A fetched active set (its hash is the one asked for: the fetch edge checked it): kept, then the ballots that
     * waited for it go round again.
     */
    private Behavior<Command> onActiveSet(Bytes bytes) {
        MeshRecord.ActiveSetRecord set;
        try {
            set = Scale.decode("EpochActiveSet", EpochActiveSet.CODEC, bytes.toByteArray());
        } catch (ScaleException e) {
            ctx.getLog().info("a fetched active set does not decode: {}", e.getMessage());
            return Behaviors.same();
        }
        if (store.activeSet(set.id()).isPresent()) {
            return resubmit(intake.onStored(Bytes.of(set.id().toByteArray())), Behaviors.same());
        }
        return carrier.carryOut(List.of(new Decision.Persist(set)), () -> intake.onStored(Bytes.of(
                set.id().toByteArray())).forEach(this::self));
    }

    /** A proposal to the check pool (an input that waited: again, as it first came). */
    private Behavior<Command> check(ProposalIntake.Parked input, Optional<ActorRef<Verdict>> replyTo) {
        if (!input.isProposal()) {
            return step(nextJob++, new Job(input, replyTo, Optional.empty()), intake.onBallot(input.bytes()),
                    Optional.empty());
        }
        if (jobs.size() >= setup.checkQueue()) {
            replyTo.ifPresent(r -> r.tell(Verdict.ignore(CommonRule.QUEUE_FULL, jobs.size()
                    + " proposals are being checked")));
            return Behaviors.same();
        }
        long id = nextJob++;
        jobs.put(id, new Job(input, replyTo, Optional.empty()));
        ctx.ask(ProposalCheckDone.class, checks, CHECK_TIMEOUT,
                to -> new ProposalCheckWorker.Check(new ProposalCheckJob(id, input.bytes(), input.gossip(),
                        intake.current(), intake.processed(), to)),
                (done, failure) -> done != null ? new Checked(done) : new CheckLost(id, "no check result: " + failure));
        return Behaviors.same();
    }

    private Behavior<Command> onChecked(ProposalCheckDone done) {
        Job job = jobs.get(done.id());
        if (job == null) {
            return Behaviors.same();
        }
        Optional<Proposal> value = Optional.empty();
        if (done.verdict().accepted()) {
            try {
                value = Optional.of(Scale.decode("Proposal", Proposal.CODEC, job.input().bytes().toByteArray()));
            } catch (ScaleException e) {
                throw new IllegalStateException("a checked proposal does not decode: " + e.getMessage(), e);
            }
        }
        Optional<Decision.Fetch> missing = done.missing().map(h -> new Decision.Fetch(h, done.missingId().get()));
        ProposalIntake.Step step = intake.onChecked(new ProposalChecks.Checked<>(done.verdict(), value, missing),
                job.input());
        jobs.remove(done.id());
        return step(done.id(), job, step, missing);
    }

    private Behavior<Command> step(long id, Job job, ProposalIntake.Step step, Optional<Decision.Fetch> missing) {
        if (step instanceof ProposalIntake.Step.ToTortoise t) {
            jobs.put(id, new Job(job.input(), job.replyTo(), Optional.of(t)));
            ctx.ask(BallotOutcome.class, tortoise, TORTOISE_TIMEOUT, to -> new TortoiseActor.TakeBallot(t.ballot(), to),
                    (outcome, failure) -> new Tortoised(id, outcome != null ? outcome
                            : new BallotOutcome(BallotOutcome.Status.REFUSED, Verdict.ignore(CommonRule.UNAVAILABLE,
                                    "no answer from the tortoise: " + failure), List.of())));
            return Behaviors.same();
        }
        ProposalIntake.Step.Done done = (ProposalIntake.Step.Done) step;
        Behavior<Command> next = carrier.carryOut(done.decisions(), () -> job.replyTo().ifPresent(r ->
                r.tell(done.verdict())));
        // It waits for an object that may have been stored while it was checked: then it goes on at once.
        if (done.verdict().ruleOrNull() == ProposalRule.WAITING && missing.isPresent() && stored(missing.get())) {
            return resubmit(intake.onStored(missing.get().id()), next);
        }
        return next;
    }

    private Behavior<Command> onTortoised(Tortoised t) {
        Job job = jobs.remove(t.job());
        if (job == null || job.step().isEmpty()) {
            return Behaviors.same();
        }
        ProposalIntake.Step.Done done = intake.complete(job.step().get(), t.outcome());
        return carrier.carryOut(done.decisions(), () -> job.replyTo().ifPresent(r -> r.tell(done.verdict())));
    }

    private Behavior<Command> onEvent(ConsensusEvent event) {
        if (event instanceof ConsensusEvent.Tick t) {
            intake.onLayer(t.layer());
            return Behaviors.same();
        }
        if (event instanceof ConsensusEvent.EpochAtxs e) {
            Behavior<Command> next = Behaviors.same();
            for (var atx : e.atxs()) {
                next = resubmit(intake.onStored(Bytes.of(atx.id().toByteArray())), next);
            }
            return next;
        }
        return resubmit(intake.take(((ConsensusEvent.HandOver) event).decision()), Behaviors.same());
    }

    private Behavior<Command> resubmit(List<ProposalIntake.Parked> parked, Behavior<Command> next) {
        for (ProposalIntake.Parked p : parked) {
            self(p);
        }
        return next;
    }

    /** Parked inputs go round again through this actor's mailbox (after what is being carried out now). */
    private void self(ProposalIntake.Parked p) {
        if (p.isProposal()) {
            ctx.getSelf().tell(p.gossip() ? new Gossip(new GossipIn(Topic.PROPOSAL, p.bytes(), false,
                    ctx.getSystem().ignoreRef())) : new FetchedIn(new Fetched(Hint.PROPOSAL, p.bytes())));
        } else {
            ctx.getSelf().tell(new FetchedIn(new Fetched(Hint.BALLOT, p.bytes())));
        }
    }

    private boolean stored(Decision.Fetch f) {
        byte[] id = f.id().toByteArray();
        return switch (f.hint()) {
            case BALLOT -> store.ballot(BallotId.of(id)).isPresent();
            case ATX -> atxs.atx(AtxId.of(id)).isPresent();
            case ACTIVE_SET -> store.activeSet(Hash32.of(id)).isPresent();
            default -> false;
        };
    }
}
