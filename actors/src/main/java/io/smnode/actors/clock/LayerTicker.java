package io.smnode.actors.clock;

import io.smnode.core.time.LayerClock;
import io.smnode.core.types.LayerId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The clock's decisions without the actor: given the time now, which layer tick (if any) is due and how long to
 * wait for the next one. A timer may fire a little early or late; an early wake-up emits nothing and just waits the
 * rest, a late one emits the current layer once and counts what it skipped.
 */
public final class LayerTicker {
    private final LayerClock clock;
    private Optional<LayerTick> lastTick = Optional.empty();

    public LayerTicker(LayerClock clock) {
        this.clock = clock;
    }

    /** What to do at {@code now}: possibly a tick, and always the delay until the next layer boundary. */
    public Decision onTime(Instant now) {
        if (now.isBefore(clock.genesis())) {
            return new Decision(Optional.empty(), Duration.between(now, clock.genesis()));
        }
        LayerId current = clock.layerAt(now);
        Optional<LayerTick> tick = Optional.empty();
        if (lastTick.isEmpty() || current.compareTo(lastTick.get().layer()) > 0) {
            long missed = lastTick.map(last -> current.value() - last.layer().value() - 1).orElse(0L);
            int perEpoch = clock.layersPerEpoch();
            tick = Optional.of(new LayerTick(current, current.epoch(perEpoch), current.ordinal(perEpoch) == 0, missed));
            lastTick = tick;
        }
        Instant next = clock.layerStart(lastTick.get().layer().add(1));
        return new Decision(tick, Duration.between(now, next));
    }

    /** The most recent tick, for a subscriber that joins between two layer starts. */
    public Optional<LayerTick> lastTick() {
        return lastTick;
    }

    /** The tick to emit now, if any, and the delay until this ticker wants to be asked again. */
    public record Decision(Optional<LayerTick> tick, Duration untilNext) {}
}
