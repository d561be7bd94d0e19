package io.smnode.actors.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.LongSupplier;

/**
 * The test mode's clock: it starts at a given instant (genesis, or where the node's last run left it), runs
 * {@code speed} times as fast as real time while the node runs, and stands still while it does not — so a node that
 * is killed and started again finds itself where it stopped, with no layer passed while it was down. "Runs" starts
 * when the node is ready ({@link #resume}): its start-up (the JVM, the store, rebuilding its components) takes none
 * of the clock's time. The node
 * persists {@link #instant()} regularly; {@link ClockTime} turns its delays into real ones.
 */
public final class VirtualClock extends Clock {
    private final Instant start;
    private final double speed;
    private final LongSupplier nanos;
    /** When it was resumed (real nanoseconds); it stands at {@code start} until then. */
    private volatile long resumedAt;
    private volatile boolean running;

    /**
     * A clock standing at {@code start} until {@link #resume}d.
     *
     * @param nanos a monotonic real-time source in nanoseconds (System::nanoTime)
     */
    public VirtualClock(Instant start, double speed, LongSupplier nanos) {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be positive, got " + speed);
        }
        this.start = start;
        this.speed = speed;
        this.nanos = nanos;
    }

    /** Starts the clock (once; later calls change nothing): from now on it runs. */
    public synchronized void resume() {
        if (!running) {
            resumedAt = nanos.getAsLong();
            running = true;
        }
    }

    public boolean running() {
        return running;
    }

    public double speed() {
        return speed;
    }

    /** {@code d} of this clock's time in real time. */
    public Duration toReal(Duration d) {
        return Duration.ofNanos((long) Math.ceil(d.toNanos() / speed));
    }

    @Override
    public Instant instant() {
        if (!running) {
            return start;
        }
        long elapsed = nanos.getAsLong() - resumedAt;
        return start.plusNanos((long) (elapsed * speed));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the virtual clock is UTC only");
    }
}
