package io.smnode.actors.serialization;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;

/**
 * Test configuration for actors whose messages may cross cluster members: every message is serialized and
 * deserialized on each send, as it would be between two machines, so a message our Kryo serializer cannot carry
 * fails the test.
 */
public final class ClusterSerialization {
    private ClusterSerialization() {}

    public static Config on() {
        return ConfigFactory.parseString("pekko.actor.serialize-messages = on");
    }

    public static Config on(Config other) {
        return on().withFallback(other);
    }
}
