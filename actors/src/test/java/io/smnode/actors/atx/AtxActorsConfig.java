package io.smnode.actors.atx;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.testkit.typed.javadsl.ManualTime;

/** Manual time plus the two dispatchers the ATX actors are spawned on (a node's config must define them too). */
final class AtxActorsConfig {
    private AtxActorsConfig() {}

    static Config withManualTime() {
        return ConfigFactory.parseString(AtxBuilderActor.PROVING_DISPATCHER + " {\n"
                + "  type = PinnedDispatcher\n  executor = \"thread-pool-executor\"\n}\n"
                + AtxHandlerActor.VALIDATION_DISPATCHER + " {\n"
                + "  type = Dispatcher\n  executor = \"fork-join-executor\"\n"
                + "  fork-join-executor { parallelism-min = 1, parallelism-max = 2 }\n}\n")
                .withFallback(ManualTime.config());
    }
}
