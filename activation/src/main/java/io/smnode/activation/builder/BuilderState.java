package io.smnode.activation.builder;

import io.smnode.activation.ActivationTx;
import io.smnode.core.codec.Scale;
import io.smnode.core.codec.ScaleException;
import io.smnode.core.types.EpochId;
import java.util.Optional;

/**
 * Everything a builder needs to resume after a restart: the last ATX it handed out for publishing (its id — and
 * for v1 its sequence — is what the next challenge builds on, and its epoch is never published for again) and the
 * phase of the current attempt. Encoded as SCALE ({@link BuilderStateCodec}).
 */
public record BuilderState(Optional<ActivationTx> lastPublished, BuilderPhase phase) {
    public static final BuilderState INITIAL = new BuilderState(Optional.empty(), new BuilderPhase.Idle());

    public Optional<EpochId> lastPublishedEpoch() {
        return lastPublished.map(ActivationTx::publishEpoch);
    }

    public BuilderState withPhase(BuilderPhase next) {
        return new BuilderState(lastPublished, next);
    }

    public byte[] encode() {
        return Scale.encode(BuilderStateCodec.STATE, this, BuilderStateCodec.MAX_NESTED);
    }

    /** Decodes persisted bytes; corrupt ones are a {@link ScaleException} with its reason. */
    public static BuilderState decode(byte[] bytes) throws ScaleException {
        return Scale.decode(BuilderStateCodec.STATE, bytes, BuilderStateCodec.MAX_NESTED);
    }
}
