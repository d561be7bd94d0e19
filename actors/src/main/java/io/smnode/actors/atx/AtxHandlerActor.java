package io.smnode.actors.atx;

import io.smnode.activation.ActivationTxV1;
import io.smnode.activation.AtxEpochIndexes;
import io.smnode.activation.AtxHeader;
import io.smnode.activation.AtxRule;
import io.smnode.activation.AtxValidation;
import io.smnode.activation.malfeasance.AtxMalfeasanceDetector;
import io.smnode.activation.malfeasance.AtxStorePlan;
import io.smnode.activation.marriage.EquivocationSetStore;
import io.smnode.actors.storage.StorageActor;
import io.smnode.core.codec.ScaleException;
import io.smnode.core.time.LayerClock;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.NodeId;
import io.smnode.core.verdict.CommonRule;
import io.smnode.core.verdict.Verdict;
import io.smnode.persistence.WriteBatch;
import io.smnode.persistence.atx.AtxTables;
import io.smnode.persistence.atx.LmdbAtxStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.StashBuffer;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;

/**
 * Receives ATXs (gossiped, fetched, or the node's own), has them validated by the {@link AtxValidationPool}, stores
 * the valid ones through the storage writer and indexes them per target epoch ({@link AtxEpochIndexes}), and
 * answers what other components ask: weights, ballot slots, the positioning ATX for a builder. Answers each ATX with
 * a {@link Verdict}, ACCEPT only once the ATX is durable.
 *
 * <p>At start (and after a restart) the indexes are rebuilt from every stored header on a blocking dispatcher while
 * requests wait in a bounded stash, so a restart answers exactly as before. The malfeasance checks of spec 02 §4
 * step 11 are not made here yet.
 */
public final class AtxHandlerActor {
    /** Components that send ATXs or ask about them find the handler here. */
    public static final ServiceKey<Command> KEY = ServiceKey.create(Command.class, "atx-handler");
    private static final int STASH_WHILE_LOADING = 10_000;
    /** How long a positioning query waits for its builder's previous ATX (the own hand-over is retried every 1 s). */
    public static final Duration POSITIONING_WAIT = Duration.ofSeconds(8);

    public sealed interface Command {}

    /** Validate and store {@code atx}; {@code expectedId} is the requested id for a fetched ATX. */
    public record HandleAtx(Bytes atx, Optional<Hash32> expectedId, ActorRef<Verdict> replyTo) implements Command {}

    /** The weight of ATX {@code atx} in {@code targetEpoch}, empty when it carries none there. */
    public record GetWeight(EpochId targetEpoch, AtxId atx, ActorRef<Weight> replyTo) implements Command {}

    /** The summed weight of an active set in {@code targetEpoch}, empty when one of its ATXs is unknown there. */
    public record GetActiveSetWeight(EpochId targetEpoch, List<AtxId> activeSet, ActorRef<Weight> replyTo)
            implements Command {
        public GetActiveSetWeight {
            activeSet = List.copyOf(activeSet);
        }
    }

    /** The ballot slots of {@code atx} in {@code targetEpoch} for an active set of {@code activeSetWeight}. */
    public record GetSlots(EpochId targetEpoch, AtxId atx, long activeSetWeight, ActorRef<Slots> replyTo)
            implements Command {}

    /**
     * The positioning ATX for a builder's {@code publishEpoch} (spec 02 §5 step 3). When the builder's {@code previous}
     * ATX is not indexed yet (its hand-over to this handler still under way), the answer waits for it, up to
     * {@link #POSITIONING_WAIT}: the choice must not depend on how fast the own ATX came through.
     */
    public record ChoosePositioning(EpochId publishEpoch, NodeId builder, Optional<AtxId> previous,
            ActorRef<PositioningChoice> replyTo) implements Command {}

    /** How many ATXs carry weight in {@code targetEpoch}. */
    public record CountAtxs(EpochId targetEpoch, ActorRef<AtxCount> replyTo) implements Command {}

    /**
     * Every ATX that targets {@code targetEpoch} (the standalone node's active set of the epoch), ids ascending.
     */
    public record GetActiveSet(EpochId targetEpoch, ActorRef<ActiveSet> replyTo) implements Command {}

    private record Loaded(AtxEpochIndexes indexes, long headers) implements Command {}

    private record LoadFailed(Throwable cause) implements Command {}

    private record PositioningDue(AtxId previous) implements Command {}

    private record Validated(ValidationDone done) implements Command {}

    private record Stored(AtxHeader header, boolean malicious, ActorRef<Verdict> replyTo,
                          StorageActor.CommitResult result) implements Command {}

    public record Weight(OptionalLong weight) {}

    public record Slots(OptionalLong slots) {}

    public record PositioningChoice(EpochId publishEpoch, AtxId positioningAtx) {}

    public record AtxCount(EpochId targetEpoch, int count) {}

    public record ActiveSet(EpochId targetEpoch, List<AtxId> atxs) {
        public ActiveSet {
            atxs = List.copyOf(atxs);
        }
    }

    /**
     * What the handler is made of: the stored ATXs' reads, the writer, its validation pool (spawned as its child,
     * so a restart of the handler starts a fresh pool with it) and the network.
     */
    public record Setup(LmdbAtxStore atxs, EquivocationSetStore sets, AtxMalfeasanceDetector detector,
                        ActorRef<StorageActor.Command> storage, Behavior<AtxValidationPool.Command> validation,
                        LayerClock layers, Clock clock, AtxId golden,
                        AtxEpochIndexes.EligibilityParams eligibility) {}

    private final ActorContext<Command> ctx;
    private final Setup setup;
    private final ActorRef<ValidationDone> validatedAdapter;
    private final ActorRef<AtxValidationPool.Command> validation;
    private AtxEpochIndexes indexes;
    /** Who waits for which validation job. */
    private final Map<Long, ActorRef<Verdict>> awaiting = new HashMap<>();
    /** Valid ATXs handed to the writer and not yet committed: a second copy meanwhile is a duplicate. */
    private final Set<AtxId> storing = new HashSet<>();
    /** Positioning queries waiting for their builder's previous ATX (the key) to be indexed. */
    private final Map<AtxId, List<ChoosePositioning>> waitingPositioning = new HashMap<>();
    /** Previous ATXs waited for {@link #POSITIONING_WAIT} in vain: later queries naming them are answered at once. */
    private final Set<AtxId> waitedEnough = new HashSet<>();
    private long jobs;

    public static Behavior<Command> create(Setup setup) {
        return Behaviors.setup(ctx -> {
            ctx.setLoggerName(AtxHandlerActor.class);
            return Behaviors.withStash(STASH_WHILE_LOADING, stash -> new AtxHandlerActor(ctx, setup).loading(stash));
        });
    }

    private AtxHandlerActor(ActorContext<Command> ctx, Setup setup) {
        this.ctx = ctx;
        this.setup = setup;
        this.validatedAdapter = ctx.messageAdapter(ValidationDone.class, Validated::new);
        this.validation = ctx.spawn(setup.validation(), "validation");
        ctx.watch(validation);
        Executor blocking = ctx.getSystem().dispatchers().lookup(DispatcherSelector.blocking());
        ctx.pipeToSelf(CompletableFuture.supplyAsync(this::loadIndexes, blocking),
                (loaded, failure) -> failure == null ? loaded : new LoadFailed(failure));
    }

    /** Reads every stored header (off this actor's thread: mainnet has millions). */
    private Loaded loadIndexes() {
        AtxEpochIndexes loaded = new AtxEpochIndexes(setup.eligibility(), setup.golden());
        long[] count = {0};
        setup.atxs().forEachHeader(header -> {
            loaded.add(header);
            count[0]++;
            return true;
        });
        return new Loaded(loaded, count[0]);
    }

    private Behavior<Command> loading(StashBuffer<Command> stash) {
        return Behaviors.receive(Command.class)
                .onMessage(Loaded.class, l -> {
                    indexes = l.indexes();
                    ctx.getLog().info("ATX index rebuilt from {} stored ATXs (digest {})", l.headers(),
                            indexes.digest().hex());
                    ctx.getSystem().receptionist().tell(Receptionist.register(KEY, ctx.getSelf()));
                    return stash.unstashAll(ready());
                })
                .onMessage(LoadFailed.class, f -> {
                    throw new IllegalStateException("rebuilding the ATX index failed: " + f.cause(), f.cause());
                })
                .onMessage(Command.class, c -> {
                    if (stash.isFull()) {
                        refuseWhileLoading(c);
                    } else {
                        stash.stash(c);
                    }
                    return Behaviors.same();
                })
                .build();
    }

    private Behavior<Command> ready() {
        return Behaviors.receive(Command.class)
                .onMessage(HandleAtx.class, this::onHandleAtx)
                .onMessage(Validated.class, v -> onValidated(v.done()))
                .onMessage(Stored.class, this::onStored)
                .onMessage(GetWeight.class, q -> {
                    q.replyTo().tell(new Weight(indexes.weight(q.targetEpoch(), q.atx())));
                    return Behaviors.same();
                })
                .onMessage(GetActiveSetWeight.class, q -> {
                    q.replyTo().tell(new Weight(indexes.activeSetWeight(q.targetEpoch(), q.activeSet())));
                    return Behaviors.same();
                })
                .onMessage(GetSlots.class, q -> {
                    q.replyTo().tell(new Slots(indexes.slots(q.targetEpoch(), q.atx(), q.activeSetWeight())));
                    return Behaviors.same();
                })
                .onMessage(ChoosePositioning.class, this::onChoosePositioning)
                .onMessage(PositioningDue.class, d -> {
                    List<ChoosePositioning> queries = waitingPositioning.remove(d.previous());
                    if (queries != null) {
                        ctx.getLog().warn("positioning chosen without the builder's previous ATX {}: not stored after {}",
                                d.previous().hex(), POSITIONING_WAIT);
                        waitedEnough.add(d.previous());
                        queries.forEach(this::answer);
                    }
                    return Behaviors.same();
                })
                .onMessage(CountAtxs.class, q -> {
                    q.replyTo().tell(new AtxCount(q.targetEpoch(), indexes.count(q.targetEpoch())));
                    return Behaviors.same();
                })
                .onMessage(GetActiveSet.class, q -> {
                    q.replyTo().tell(new ActiveSet(q.targetEpoch(), indexes.ids(q.targetEpoch())));
                    return Behaviors.same();
                })
                .build();
    }

    private Behavior<Command> onHandleAtx(HandleAtx r) {
        long id = ++jobs;
        EpochId current = setup.layers().epochOf(setup.layers().layerAt(setup.clock().instant()));
        awaiting.put(id, r.replyTo());
        validation.tell(new AtxValidationPool.Validate(new ValidationJob(id, r.atx(), r.expectedId(), current),
                validatedAdapter));
        return Behaviors.same();
    }

    private Behavior<Command> onValidated(ValidationDone done) {
        ActorRef<Verdict> replyTo = awaiting.remove(done.job().id());
        if (replyTo == null) {
            return Behaviors.same();
        }
        AtxValidation result = done.result();
        if (result.header().isEmpty()) {
            replyTo.tell(result.verdict());
            return Behaviors.same();
        }
        AtxHeader header = result.header().get();
        // Two copies of one ATX may have been validated side by side; the first one stored wins.
        if (storing.contains(header.id()) || indexes.contains(header.id(), header.targetEpoch())) {
            replyTo.tell(Verdict.ignore(AtxRule.KNOWN, "ATX " + header.id().hex() + " is already stored"));
            return Behaviors.same();
        }
        WriteBatch batch;
        boolean malicious = false;
        if (result.v2().isPresent()) {
            AtxStorePlan plan = AtxStorePlan.of(result, setup.atxs(), setup.sets(), setup.detector());
            if (plan.refusal().isPresent()) {
                replyTo.tell(Verdict.reject(AtxRule.STORE_REFUSED, plan.refusal().get()));
                return Behaviors.same();
            }
            // The malfeasance proofs a v2 ATX revealed are gossiped on mp2 once the node has a network.
            plan.proofs().forEach(p -> ctx.getLog().warn("ATX {} proves {} malicious", header.id().hex(),
                    p.accused().hex()));
            batch = setup.atxs().put(plan.record(), header, plan.change());
            malicious = plan.maliciousSigner();
        } else {
            ActivationTxV1 atx;
            try {
                atx = ActivationTxV1.decode(done.job().atx().toByteArray());
            } catch (ScaleException e) {
                throw new IllegalStateException("a valid ATX does not decode: " + e.getMessage(), e);
            }
            batch = setup.atxs().put(atx, header);
        }
        storing.add(header.id());
        boolean markedMalicious = malicious;
        ctx.ask(StorageActor.CommitResult.class, setup.storage(), StorageAsk.TIMEOUT,
                to -> new StorageActor.Commit(WriteBatch.builder().addAll(batch)
                        .put(AtxTables.ATX_RECEIVED, header.id(), setup.clock().millis()).build(), to),
                (committed, failure) -> new Stored(header, markedMalicious, replyTo,
                        StorageAsk.result(committed, failure)));
        return Behaviors.same();
    }

    private Behavior<Command> onStored(Stored s) {
        storing.remove(s.header().id());
        if (s.result() instanceof StorageActor.Rejected r) {
            s.replyTo().tell(Verdict.ignore(CommonRule.UNAVAILABLE, "not stored: " + r.reason()));
            return Behaviors.same();
        }
        indexes.add(s.header(), s.malicious());
        ctx.getLog().info("ATX {} of epoch {} stored (index digest {})", s.header().id().hex(),
                s.header().publishEpoch().value(), indexes.digest().hex());
        List<ChoosePositioning> queries = waitingPositioning.remove(s.header().id());
        if (queries != null) {
            queries.forEach(this::answer);
        }
        s.replyTo().tell(Verdict.accept());
        return Behaviors.same();
    }

    /**
     * Answered at once unless the builder's previous ATX is not indexed yet; then with the first query naming it
     * the wait starts, and a builder asking again meanwhile (its asks time out sooner) is answered with the rest.
     */
    private Behavior<Command> onChoosePositioning(ChoosePositioning q) {
        if (q.previous().isEmpty() || waitedEnough.contains(q.previous().get())
                || indexes.latest(q.builder()).map(AtxHeader::id).equals(q.previous())) {
            answer(q);
            return Behaviors.same();
        }
        AtxId previous = q.previous().get();
        waitingPositioning.computeIfAbsent(previous, p -> {
            ctx.scheduleOnce(POSITIONING_WAIT, ctx.getSelf(), new PositioningDue(p));
            return new ArrayList<>();
        }).add(q);
        return Behaviors.same();
    }

    private void answer(ChoosePositioning q) {
        q.replyTo().tell(new PositioningChoice(q.publishEpoch(), indexes.positioning(q.publishEpoch(), q.builder())));
    }

    private static void refuseWhileLoading(Command c) {
        if (c instanceof HandleAtx h) {
            h.replyTo().tell(Verdict.ignore(CommonRule.UNAVAILABLE, "the ATX handler is still loading"));
        }
    }
}
