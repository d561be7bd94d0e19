package io.smnode.actors.atx;

import io.smnode.core.codec.ScaleException;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash32;
import io.smnode.core.verdict.Verdict;
import io.smnode.activation.ActivationTxV1;
import io.smnode.activation.AtxStore;
import io.smnode.activation.AtxValidation;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/** Runs ATX validation (PoST checks take CPU seconds): spawned on {@link AtxHandlerActor#VALIDATION_DISPATCHER}. */
final class ValidationWorker {
    private ValidationWorker() {}

    record Validate(Bytes atx, Optional<Hash32> expectedId, EpochId currentEpoch,
                    ActorRef<Verdict> requester, ActorRef<Validated> replyTo) {}

    /** The verdict, with the decoded ATX when it is valid (for storing). */
    record Validated(AtxValidation verdict, Optional<ActivationTxV1> atx, ActorRef<Verdict> requester) {}

    static Behavior<Validate> create(AtxCheck check, AtxStore store) {
        return Behaviors.receiveMessage(v -> {
            byte[] bytes = v.atx().toByteArray();
            AtxValidation verdict = check.validate(bytes, v.expectedId(), v.currentEpoch(), store);
            Optional<ActivationTxV1> atx = Optional.empty();
            if (verdict.valid()) {
                try {
                    atx = Optional.of(ActivationTxV1.decode(bytes));
                } catch (ScaleException e) {
                    throw new IllegalStateException("a valid ATX does not decode: " + e.getMessage(), e);
                }
            }
            v.replyTo().tell(new Validated(verdict, atx, v.requester()));
            return Behaviors.same();
        });
    }
}
