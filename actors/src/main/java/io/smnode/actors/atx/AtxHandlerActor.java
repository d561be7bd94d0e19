package io.smnode.actors.atx;

import io.smnode.core.time.LayerClock;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.NodeId;
import io.smnode.activation.AtxChoice;
import io.smnode.activation.AtxHeader;
import io.smnode.activation.AtxIndex;
import io.smnode.activation.AtxRule;
import io.smnode.activation.AtxValidation;
import io.smnode.core.verdict.Verdict;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * Receives ATXs (gossiped or fetched), has them validated off this actor's thread, stores the valid ones in the
 * {@link AtxRepository} and in one {@link AtxIndex} per target epoch, and answers what other components ask per
 * epoch: weights, ballot slots, and the positioning ATX for a builder (spec 02 §4, §5 step 3). Answers
 * ACCEPT/IGNORE/REJECT in gossip terms. The malfeasance checks of spec 02 §4 step 11 are not made here yet.
 */
public final class AtxHandlerActor extends AbstractBehavior<AtxHandlerActor.Command> {
    /** ATX validation is CPU-bound (PoST label checks); its worker runs on this dispatcher (see the report). */
    public static final String VALIDATION_DISPATCHER = "smnode-atx-validation-dispatcher";
    private static final int EXPECTED_ATXS_PER_EPOCH = 1024;

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

    /** The positioning ATX for a builder's {@code publishEpoch} (spec 02 §5 step 3). */
    public record ChoosePositioning(EpochId publishEpoch, NodeId builder, ActorRef<PositioningChoice> replyTo)
            implements Command {}

    private record Validated(ValidationWorker.Validated result) implements Command {}

    public record Weight(OptionalLong weight) {}

    public record Slots(OptionalLong slots) {}

    public record PositioningChoice(EpochId publishEpoch, AtxId positioningAtx) {}

    /** What eligibility answers depend on (spec 03): layer size, epoch length and the minimal active weight. */
    public record EligibilityParams(int layerAvgSize, int layersPerEpoch, long minActiveWeight) {}

    private final AtxRepository repository;
    private final LayerClock layers;
    private final Clock clock;
    private final AtxId golden;
    private final EligibilityParams eligibility;
    private final ActorRef<ValidationWorker.Validate> worker;
    private final ActorRef<ValidationWorker.Validated> validatedAdapter;
    private final Map<EpochId, AtxIndex> byTargetEpoch = new HashMap<>();
    private final Map<NodeId, AtxHeader> latestOf = new HashMap<>();

    public static Behavior<Command> create(AtxCheck check, AtxRepository repository, LayerClock layers, Clock clock,
                                           AtxId golden, EligibilityParams eligibility) {
        return Behaviors.setup(ctx -> new AtxHandlerActor(ctx, check, repository, layers, clock, golden, eligibility));
    }

    private AtxHandlerActor(ActorContext<Command> ctx, AtxCheck check, AtxRepository repository, LayerClock layers,
                            Clock clock, AtxId golden, EligibilityParams eligibility) {
        super(ctx);
        this.repository = repository;
        this.layers = layers;
        this.clock = clock;
        this.golden = golden;
        this.eligibility = eligibility;
        this.worker = ctx.spawn(ValidationWorker.create(check, repository), "validation",
                DispatcherSelector.fromConfig(VALIDATION_DISPATCHER));
        this.validatedAdapter = ctx.messageAdapter(ValidationWorker.Validated.class, Validated::new);
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(HandleAtx.class, this::onHandleAtx)
                .onMessage(Validated.class, v -> onValidated(v.result()))
                .onMessage(GetWeight.class, this::onGetWeight)
                .onMessage(GetActiveSetWeight.class, this::onGetActiveSetWeight)
                .onMessage(GetSlots.class, this::onGetSlots)
                .onMessage(ChoosePositioning.class, this::onChoosePositioning)
                .build();
    }

    private Behavior<Command> onHandleAtx(HandleAtx r) {
        EpochId current = layers.epochOf(layers.layerAt(clock.instant()));
        worker.tell(new ValidationWorker.Validate(r.atx(), r.expectedId(), current, r.replyTo(), validatedAdapter));
        return this;
    }

    private Behavior<Command> onValidated(ValidationWorker.Validated v) {
        v.requester().tell(store(v));
        return this;
    }

    private Verdict store(ValidationWorker.Validated v) {
        if (v.verdict().header().isEmpty()) {
            return v.verdict().verdict();
        }
        AtxHeader header = v.verdict().header().get();
        // Two copies of one ATX may have been validated side by side; the first one stored wins.
        if (!index(header.targetEpoch()).add(header, false)) {
            return Verdict.ignore(AtxRule.KNOWN, "ATX " + header.id().hex() + " is already stored");
        }
        repository.put(v.atx().orElseThrow(), header);
        latestOf.merge(header.smesherId(), header,
                (old, now) -> now.publishEpoch().value() > old.publishEpoch().value() ? now : old);
        return Verdict.accept();
    }

    private Behavior<Command> onGetWeight(GetWeight q) {
        AtxIndex index = byTargetEpoch.get(q.targetEpoch());
        q.replyTo().tell(new Weight(index == null ? OptionalLong.empty() : index.weight(q.atx())));
        return this;
    }

    private Behavior<Command> onGetActiveSetWeight(GetActiveSetWeight q) {
        AtxIndex index = byTargetEpoch.get(q.targetEpoch());
        q.replyTo().tell(new Weight(index == null ? OptionalLong.empty() : index.weightOf(q.activeSet())));
        return this;
    }

    private Behavior<Command> onGetSlots(GetSlots q) {
        AtxIndex index = byTargetEpoch.get(q.targetEpoch());
        q.replyTo().tell(new Slots(index == null ? OptionalLong.empty()
                : index.slots(q.atx(), eligibility.layerAvgSize(), eligibility.layersPerEpoch(),
                        eligibility.minActiveWeight(), q.activeSetWeight())));
        return this;
    }

    /**
     * The candidates are the ATXs published in the latest epoch before P that has any (their target epoch is at
     * most P). Every stored ATX passed full validation here, so each chain is taken as verified.
     */
    private Behavior<Command> onChoosePositioning(ChoosePositioning q) {
        Optional<AtxIndex> published = byTargetEpoch.entrySet().stream()
                .filter(e -> e.getKey().value() <= q.publishEpoch().value())
                .max(Map.Entry.comparingByKey())
                .map(Map.Entry::getValue);
        Optional<AtxHeader> own = Optional.ofNullable(latestOf.get(q.builder()))
                .filter(h -> h.publishEpoch().value() < q.publishEpoch().value());
        AtxId chosen = AtxChoice.positioning(published.orElseGet(() -> new AtxIndex(1)), id -> true, golden, own);
        q.replyTo().tell(new PositioningChoice(q.publishEpoch(), chosen));
        return this;
    }

    private AtxIndex index(EpochId targetEpoch) {
        return byTargetEpoch.computeIfAbsent(targetEpoch, e -> new AtxIndex(EXPECTED_ATXS_PER_EPOCH));
    }
}
