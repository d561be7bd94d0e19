package io.smnode.actors.atx;

import com.typesafe.config.Config;
import org.apache.pekko.actor.testkit.typed.javadsl.ManualTime;

/** Manual time for the ATX actors; their dispatchers come from actors' reference.conf, as in a running node. */
final class AtxActorsConfig {
    private AtxActorsConfig() {}

    static Config withManualTime() {
        return ManualTime.config();
    }
}
