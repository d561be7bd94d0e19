package io.smnode.actors.faults;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/** Every injected fault is logged once, at WARN, with the marker {@code FAULT} and a line starting with it. */
public final class FaultLog {
    public static final Marker FAULT = MarkerFactory.getMarker("FAULT");
    private static final Logger LOG = LoggerFactory.getLogger("io.smnode.faults");

    private FaultLog() {}

    static void injected(String component, InjectedFault fault) {
        LOG.warn(FAULT, "FAULT {}", fault.describe(component));
    }
}
