package io.smnode.node.poet;

import io.smnode.core.net.NetworkParams;
import io.smnode.poet.RoundSchedule;
import java.time.Instant;

/** A network's PoET timetable (spec 09 §9): epoch = layers per epoch × layer duration, the preset's P and G. */
public final class PoetSchedules {
    private PoetSchedules() {}

    public static RoundSchedule forNetwork(NetworkParams.Time time, NetworkParams.Poet poet, Instant genesis) {
        return new RoundSchedule(genesis, time.layerDuration().multipliedBy(time.layersPerEpoch()),
                poet.phaseShift(), poet.cycleGap());
    }
}
