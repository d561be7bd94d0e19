package io.smnode.beacon;

/**
 * The outcome of handling a beacon message, in gossip terms: ACCEPT (take and relay), IGNORE (drop, no penalty) or
 * REJECT (malformed: penalise the peer). Every non-accept names its rule. As in the reference, a well-formed
 * proposal that fails the thresholds is still ACCEPT (relayed, just not counted), and only malformed bytes REJECT.
 */
public sealed interface Verdict {
    record Accept() implements Verdict {}

    record Ignore(BeaconRule rule, String detail) implements Verdict {}

    record Reject(BeaconRule rule, String detail) implements Verdict {}

    Verdict ACCEPT = new Accept();

    default boolean accepted() {
        return this instanceof Accept;
    }

    static Verdict ignore(BeaconRule rule, String detail) {
        return new Ignore(rule, detail);
    }
}
