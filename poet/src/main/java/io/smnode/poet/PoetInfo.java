package io.smnode.poet;

import io.smnode.core.types.Bytes;
import java.time.Duration;
import java.util.Optional;

/** The {@code Info} answer: server key, phase shift, cycle gap and the advertised certifier, if any. */
public record PoetInfo(Bytes servicePubKey, Duration phaseShift, Duration cycleGap, Optional<Certifier> certifier) {
    /** The default certifier as advertised: its URL and public key (empty when none is configured). */
    public record Certifier(String url, Bytes pubKey) {}
}
