package io.smnode.actors.atx;

import io.smnode.actors.serialization.ClusterMessage;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash32;
import java.util.Optional;

/**
 * One ATX to validate: its bytes, the id it was fetched under (if fetched), and the epoch that was current when it
 * arrived. {@code id} is the handler's number for it. The handler submits it without {@code inputs}; the
 * {@link AtxValidationPool} resolves them (the facts of the ATX's dependencies and the validation parameters, see
 * {@link AtxInputs}) right before it hands the job to a worker, so that a worker on any member validates it with
 * nothing but what the job carries.
 */
public record ValidationJob(long id, Bytes atx, Optional<Hash32> expectedId, EpochId currentEpoch,
                            Optional<AtxInputs> inputs) implements ClusterMessage {

    /** A job as submitted: inputs not resolved yet. */
    public ValidationJob(long id, Bytes atx, Optional<Hash32> expectedId, EpochId currentEpoch) {
        this(id, atx, expectedId, currentEpoch, Optional.empty());
    }

    /** This job with its resolved inputs, ready for a worker. */
    public ValidationJob withInputs(AtxInputs resolved) {
        return new ValidationJob(id, atx, expectedId, currentEpoch, Optional.of(resolved));
    }
}
