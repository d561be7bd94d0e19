package io.smnode.actors.atx;

import io.smnode.activation.ActivationTxV1;
import io.smnode.activation.AtxHeader;
import io.smnode.activation.AtxStore;

/**
 * The node's ATX storage as the handler uses it: validation reads it ({@link AtxStore}) on the validation thread
 * while the handler writes accepted ATXs, so implementations must be safe for one writer and concurrent readers.
 */
public interface AtxRepository extends AtxStore {
    /** Stores a valid ATX with the header validation derived (its commitment is recorded for an initial ATX). */
    void put(ActivationTxV1 atx, AtxHeader header);
}
