package io.smnode.actors.atx;

import io.smnode.activation.AtxParams;
import java.util.Optional;

/**
 * Everything a validation job carries besides the ATX's bytes: the network's validation parameters (genesis prefix,
 * golden ATX, tick size, PoST parameters, the K3 subset and its seed) and the {@link AtxDependencies}. With these a
 * worker needs neither a database nor the node's configuration. {@code params} is empty only for pools made
 * without them (tests whose checks do not read them).
 *
 * <p>{@code storeBound}: the job is validated against the store itself, by a worker of the member that holds it. So
 * are v2 ATXs (their validation and malfeasance checks read identities' histories and equivocation sets, far more
 * than a job could carry) and bytes that do not decode as a v1 ATX (refused at once, with the decoder's rule).
 */
public record AtxInputs(Optional<AtxParams> params, AtxDependencies dependencies, boolean storeBound) {
    /** Inputs that travel: the facts a v1 ATX's validation reads. */
    public AtxInputs(Optional<AtxParams> params, AtxDependencies dependencies) {
        this(params, dependencies, false);
    }

    /** A job only the store's own member validates. */
    public static AtxInputs storeBound(Optional<AtxParams> params) {
        return new AtxInputs(params, AtxDependencies.NONE, true);
    }
}
