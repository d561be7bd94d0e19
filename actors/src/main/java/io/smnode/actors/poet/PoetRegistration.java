package io.smnode.actors.poet;

import java.time.Duration;

/** A PoET's acceptance of a registration: the round it went to and the time left until that round ends. */
public record PoetRegistration(String roundId, Duration roundEnd) {}
