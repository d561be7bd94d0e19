package io.smnode.node.poet;

import io.smnode.core.net.NetworkParams;
import io.smnode.core.time.LayerClock;
import io.smnode.poet.RoundSchedule;
import java.time.Duration;

/** A network's PoET timetable (spec 09 §9): epoch = layers per epoch × layer duration, the preset's P and G. */
public final class PoetSchedules {
    private PoetSchedules() {}

    public static Duration epoch(Duration layerDuration, int layersPerEpoch) {
        return layerDuration.multipliedBy(layersPerEpoch);
    }

    /** The PoET rounds of the network whose layers {@code clock} counts. */
    public static RoundSchedule forClock(LayerClock clock, NetworkParams.Poet poet) {
        return new RoundSchedule(clock.genesis(), epoch(clock.layerDuration(), clock.layersPerEpoch()),
                poet.phaseShift(), poet.cycleGap());
    }
}
