package io.smnode.mesh.pipeline;

import java.util.List;

/**
 * A coordinator's side of the {@link DecisionRouter}: it takes the hand-overs routed to it and returns what it
 * decided in turn. Handing it one that is not routed to it is a bug of the driver.
 */
public interface HandOverTaker {
    List<Decision> take(Decision handOver);

    /** What a coordinator throws for a hand-over the router does not send it. */
    static IllegalArgumentException notMine(String coordinator, Decision d) {
        return new IllegalArgumentException(coordinator + " takes no " + d.getClass().getSimpleName());
    }
}
