package io.smnode.actors.atx;

import io.smnode.poet.RoundProof;

/**
 * Where a PoET port keeps each round proof it fetched before handing it to the builder, so that the node's ATX
 * validation knows the proof (its leaf count and statement) by the time the ATX built on it arrives.
 */
@FunctionalInterface
public interface FetchedProofs {
    /** Keeps {@code proof}; a failure to keep it fails the fetch, which the builder retries. */
    void keep(RoundProof proof) throws Exception;
}
