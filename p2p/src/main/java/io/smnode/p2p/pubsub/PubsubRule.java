package io.smnode.p2p.pubsub;

import io.smnode.core.verdict.Rule;

/** Gossip refusals decided by the router itself, before any topic validator. */
public enum PubsubRule implements Rule {
    /** StrictNoSign: the message carries from, seqno, signature or key. */
    UNEXPECTED_AUTH;

    @Override
    public String domain() {
        return "pubsub";
    }
}
