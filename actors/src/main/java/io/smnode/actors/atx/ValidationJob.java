package io.smnode.actors.atx;

import io.smnode.actors.serialization.ClusterMessage;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash32;
import java.util.Optional;

/**
 * One ATX to validate, with everything a worker needs besides the store's reads: its bytes, the id it was fetched
 * under (if fetched), and the epoch that was current when it arrived. {@code id} is the handler's number for it.
 */
public record ValidationJob(long id, Bytes atx, Optional<Hash32> expectedId, EpochId currentEpoch)
        implements ClusterMessage {}
