package io.smnode.actors.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.ActorContext;

/**
 * The workers a member runs for the one producer of its kind of work that the receptionist lists (the consensus
 * member's validation pool, its PoST coordinator): started for it, stopped when it disappears (its member left or was
 * downed), started anew for the next one. While a new producer starts beside a leaving one, every member follows the
 * same one: the smallest path.
 */
final class ProducerWorkers<P, W> {
    private final int count;
    private final List<ActorRef<W>> workers = new ArrayList<>();
    private ActorRef<P> producer;
    private int generation;

    ProducerWorkers(int count) {
        this.count = count;
    }

    /**
     * Follows the producer {@code listed} now; {@code spawn} makes worker {@code i} of a generation for a producer.
     *
     * @return whether the producer changed (then the old workers are stopped and, if there is a new one, its started)
     */
    boolean follow(ActorContext<?> ctx, Set<ActorRef<P>> listed,
                   BiFunction<ActorRef<P>, String, ActorRef<W>> spawn) {
        if (producer != null && listed.contains(producer)) {
            return false;
        }
        workers.forEach(ctx::stop);
        workers.clear();
        producer = listed.stream().min(Comparator.comparing(p -> p.path().toString())).orElse(null);
        if (producer != null) {
            generation++;
            for (int i = 0; i < count; i++) {
                workers.add(spawn.apply(producer, generation + "-" + i));
            }
        }
        return true;
    }

    Optional<ActorRef<P>> producer() {
        return Optional.ofNullable(producer);
    }

    List<ActorRef<W>> workers() {
        return workers;
    }
}
