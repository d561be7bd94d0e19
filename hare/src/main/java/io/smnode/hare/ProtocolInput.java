package io.smnode.hare;

import io.smnode.core.types.Hash32;
import java.util.Objects;

/**
 * A validated message handed to {@link HareProtocol#onInput}: the message, its ATX grade (5 when the eligibility
 * proof checked out; the protocol itself accepts 0..5), whether its sender was already known malicious, and the
 * message hash that tells a duplicate from an equivocation.
 */
public record ProtocolInput(HareMessage message, int atxGrade, boolean malicious, Hash32 msgHash) {
    public ProtocolInput {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(msgHash, "msgHash");
        if (atxGrade < 0 || atxGrade > 5) {
            throw new IllegalArgumentException("atx grade " + atxGrade + " outside 0..5");
        }
    }

    /** An input for {@code message} with the hash of its body. */
    public static ProtocolInput of(HareMessage message, int atxGrade, boolean malicious) {
        return new ProtocolInput(message, atxGrade, malicious, message.body().hash());
    }
}
