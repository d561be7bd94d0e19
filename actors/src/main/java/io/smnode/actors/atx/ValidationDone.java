package io.smnode.actors.atx;

import io.smnode.activation.AtxValidation;
import io.smnode.actors.serialization.ClusterMessage;

/** A job's outcome, answered to whoever submitted it to the {@link AtxValidationPool}. */
public record ValidationDone(ValidationJob job, AtxValidation result) implements ClusterMessage {}
