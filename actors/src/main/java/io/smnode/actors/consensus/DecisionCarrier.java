package io.smnode.actors.consensus;

import io.smnode.actors.clock.ClockTime;
import io.smnode.actors.gossip.FetchPort;
import io.smnode.actors.gossip.GossipPort;
import io.smnode.actors.storage.StorageActor;
import io.smnode.mesh.pipeline.Decision;
import io.smnode.mesh.pipeline.Timer;
import io.smnode.persistence.WriteBatch;
import io.smnode.persistence.mesh.MeshWrites;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.StashBuffer;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * Carries out a coordinator's decisions for the actor that owns it, in order, persisting before announcing: every
 * {@code Persist} (consecutive ones in one batch, {@link MeshWrites}) is committed through the storage writer before
 * any later decision of the same list happens, and meanwhile the actor takes no other message (they wait in its
 * bounded stash). Publications go to the gossip port, fetches to the fetch port, timers to the actor's own timer
 * scheduler, log lines to its log, hand-overs to the {@link ConsensusActor} (which routes them). A commit that is
 * rejected fails the actor: its restart rebuilds the coordinator from what is durable.
 *
 * @param <C> the actor's command type
 */
final class DecisionCarrier<C> {
    /** Longer than the storage writer's whole retry schedule, so its own answer is the one heard. */
    static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(30);

    /** What the actor gives its carrier: its context, stash, timers, and how its own messages are made. */
    record Owner<C, K extends C>(ActorContext<C> ctx, StashBuffer<C> stash, TimerScheduler<C> timers, Class<C> type,
            Class<K> committedType, Function<StorageActor.CommitResult, K> committed, Function<K,
            StorageActor.CommitResult> result, BiFunction<Timer, Instant, C> fired) {}

    private final Owner<C, ? extends C> owner;
    private final ConsensusPorts ports;
    private final Clock clock;
    private final ArrayDeque<Object> pending = new ArrayDeque<>();
    private Behavior<C> ready;
    private long timerKeys;
    private boolean saving;

    DecisionCarrier(Owner<C, ? extends C> owner, ConsensusPorts ports, Clock clock) {
        this.owner = owner;
        this.ports = ports;
        this.clock = clock;
    }

    /** The behavior the actor returns to when nothing is in progress. */
    void ready(Behavior<C> behavior) {
        this.ready = behavior;
    }

    /** Carries out {@code decisions}; the behavior to continue with. */
    Behavior<C> carryOut(List<Decision> decisions) {
        return carryOut(decisions, null);
    }

    /** Carries out {@code decisions}, then runs {@code then} (a reply that must follow them). */
    Behavior<C> carryOut(List<Decision> decisions, Runnable then) {
        pending.addAll(decisions);
        if (then != null) {
            pending.add(then);
        }
        return saving ? Behaviors.same() : drain();
    }

    boolean saving() {
        return saving;
    }

    /**
     * Whether a timer of the coordinator fired no earlier than asked on the node's clock (a test mode's clock that
     * stood still meanwhile has not reached it yet); if not, it is asked again for the rest.
     */
    boolean due(Timer timer, Instant at) {
        Duration rest = ClockTime.until(clock, at);
        if (rest.isZero()) {
            return true;
        }
        owner.timers().startSingleTimer("decision-timer-" + timerKeys++, owner.fired().apply(timer, at), rest);
        return false;
    }

    private Behavior<C> drain() {
        while (!pending.isEmpty()) {
            Object next = pending.poll();
            if (next instanceof Decision.Persist first) {
                WriteBatch.Builder batch = WriteBatch.builder();
                MeshWrites.addTo(batch, first.record());
                while (pending.peek() instanceof Decision.Persist more) {
                    pending.poll();
                    MeshWrites.addTo(batch, more.record());
                }
                commit(batch.build());
                return savingBehavior();
            } else if (next instanceof Runnable r) {
                r.run();
            } else {
                carry((Decision) next);
            }
        }
        if (saving) {
            saving = false;
            return owner.stash().unstashAll(ready);
        }
        return ready;
    }

    private <K extends C> void commit(WriteBatch batch) {
        saving = true;
        @SuppressWarnings("unchecked")
        Owner<C, K> o = (Owner<C, K>) owner;
        o.ctx().ask(StorageActor.CommitResult.class, ports.storage(), COMMIT_TIMEOUT,
                to -> new StorageActor.Commit(batch, to),
                (result, failure) -> o.committed().apply(result != null ? result
                        : new StorageActor.Rejected("no answer from the storage writer: " + failure)));
    }

    private <K extends C> Behavior<C> savingBehavior() {
        @SuppressWarnings("unchecked")
        Owner<C, K> o = (Owner<C, K>) owner;
        return Behaviors.receive(o.type())
                .onMessage(o.committedType(), k -> onCommitted(o.result().apply(k)))
                .onAnyMessage(m -> {
                    if (o.stash().isFull()) {
                        throw new IllegalStateException(o.stash().capacity() + " messages arrived during one commit");
                    }
                    o.stash().stash(m);
                    return Behaviors.same();
                })
                .build();
    }

    private Behavior<C> onCommitted(StorageActor.CommitResult result) {
        if (result instanceof StorageActor.Rejected r) {
            throw new IllegalStateException("a consensus record could not be stored (" + r.reason()
                    + "); restarting from what is stored");
        }
        return drain();
    }

    private void carry(Decision d) {
        if (d instanceof Decision.Publish p) {
            ports.gossip().tell(new GossipPort.Publish(p.topic(), p.bytes(), Optional.empty()));
        } else if (d instanceof Decision.Schedule s) {
            owner.timers().startSingleTimer("decision-timer-" + timerKeys++, owner.fired().apply(s.timer(), s.at()),
                    ClockTime.until(clock, s.at()));
        } else if (d instanceof Decision.Fetch f) {
            ports.fetch().tell(new FetchPort.Fetch(f.hint(), f.id()));
        } else if (d instanceof Decision.Log l) {
            owner.ctx().getLog().info(l.line());
        } else {
            ports.bus().tell(new ConsensusActor.Route(d));
        }
    }
}
