package io.smnode.sim;

import java.util.PriorityQueue;

/**
 * The virtual clock: discrete events ordered by time, ties by the order they were scheduled in, so a run never
 * depends on wall time or on hash order.
 */
final class EventQueue {
    private record Event(long at, long seq, Runnable action) {}

    private final PriorityQueue<Event> queue = new PriorityQueue<>((a, b) -> a.at != b.at
            ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
    private long now;
    private long seq;

    long now() {
        return now;
    }

    void at(long time, Runnable action) {
        if (time < now) {
            throw new IllegalArgumentException("event at " + time + " is in the past (now " + now + ")");
        }
        queue.add(new Event(time, seq++, action));
    }

    /** Runs every event due at or before {@code until}, including those they schedule in that span. */
    void runUntil(long until) {
        while (!queue.isEmpty() && queue.peek().at <= until) {
            Event e = queue.poll();
            now = e.at;
            e.action.run();
        }
        now = Math.max(now, until);
    }
}
