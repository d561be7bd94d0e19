package io.smnode.p2p.multistream;

import io.smnode.p2p.wire.WireException;

/** Both sides spoke multistream correctly but share no protocol. */
public final class NegotiationException extends WireException {
    public NegotiationException(String message) {
        super(message);
    }
}
