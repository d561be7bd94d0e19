package io.smnode.actors.atx;

import io.smnode.activation.AtxParams;
import java.util.Optional;

/**
 * Everything a validation job carries besides the ATX's bytes: the network's validation parameters (genesis prefix,
 * golden ATX, tick size, PoST parameters, the K3 subset and its seed) and the {@link AtxDependencies}. With these a
 * worker needs neither a database nor the node's configuration. {@code params} is empty only for pools made
 * without them (tests whose checks do not read them).
 */
public record AtxInputs(Optional<AtxParams> params, AtxDependencies dependencies) {}
