package io.smnode.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TimedWorkersTest {
    @Test
    void everyWorkerStepsUntilTheDeadlineAndIsClosed() {
        AtomicLong clock = new AtomicLong();
        AtomicInteger closed = new AtomicInteger();
        TimedWorkers.Result r = TimedWorkers.run(3, "test", id -> new TimedWorkers.Worker() {
            @Override
            public long step() {
                return 2;
            }

            @Override
            public void close() {
                closed.incrementAndGet();
            }
        }, 1_000_000, () -> clock.addAndGet(1000));
        assertEquals(0, r.units() % 2);
        assertTrue(r.units() > 0 && r.nanos() >= 1_000_000, r.toString());
        assertEquals(3, closed.get());
    }

    @Test
    void theFirstFailureIsRethrownAndReleasesTheOthers() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> TimedWorkers.run(3, "test", id -> {
            if (id == 1) {
                throw new IllegalArgumentException("worker 1 cannot start");
            }
            return () -> 1;
        }, 1_000_000, System::nanoTime));
        assertTrue(e.getMessage().contains("worker 1 cannot start"), e.getMessage());
    }
}
