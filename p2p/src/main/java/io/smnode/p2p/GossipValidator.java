package io.smnode.p2p;

import io.smnode.core.types.Bytes;
import io.smnode.core.verdict.Verdict;
import io.smnode.p2p.identity.PeerId;
import java.util.concurrent.CompletionStage;

/**
 * The last, stateful stage of a topic's ingestion graph (run with {@code mapAsync}, so verdicts come back in arrival
 * order): judge one gossip message. {@link Verdict.Accept} delivers and forwards it, {@link Verdict.Ignore} drops it,
 * {@link Verdict.Reject} drops it, penalises the sender and disconnects it. A failed stage counts as an ignore
 * ({@code CommonRule.UNAVAILABLE}). An already known object must be ignored, never accepted (accepting re-forwards it).
 */
@FunctionalInterface
public interface GossipValidator {
    CompletionStage<Verdict> validate(String topic, PeerId from, Bytes data);
}
