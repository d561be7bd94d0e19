package io.smnode.core.verdict;

/**
 * Reasons that are not any one protocol's: what the gossip and fetch edges decide before a message reaches its
 * validator (size, decoding, dedup, windows, back-pressure), and what an actor answers when it cannot judge now.
 */
public enum CommonRule implements Rule {
    /** The bytes do not decode as the topic's type. */
    MALFORMED,
    /** Larger than the topic's or protocol's limit. */
    TOO_LARGE,
    /** Already seen (the same hash was handled before). */
    DUPLICATE,
    /** For a layer or epoch too far in the past to matter. */
    TOO_OLD,
    /** For a layer or epoch too far ahead to judge yet. */
    TOO_EARLY,
    /** The intake queue is full: dropped, counted, never buffered without bound. */
    QUEUE_FULL,
    /** No answer in time from the component that judges it. */
    TIMEOUT,
    /** The component that judges it is not running (restarting, or not started on this node). */
    UNAVAILABLE,
    /** The node does not take this kind of message in its current state (e.g. not synced). */
    NOT_NOW;

    @Override
    public String domain() {
        return "common";
    }
}
