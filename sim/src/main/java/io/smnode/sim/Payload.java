package io.smnode.sim;

import io.smnode.core.types.Bytes;
import io.smnode.mesh.pipeline.Hint;
import io.smnode.mesh.pipeline.Topic;
import java.util.Objects;

/** What travels over the simulated network: gossip as its real SCALE bytes, and the answers to fetches. */
sealed interface Payload {
    /** A short name for the schedule digest. */
    String kind();

    /** A signed hare message, as gossip bytes. */
    record Hare(Bytes bytes) implements Payload {
        public Hare {
            Objects.requireNonNull(bytes, "bytes");
        }

        @Override
        public String kind() {
            return "hare";
        }
    }

    /** A message on any other gossip topic (proposals, certify messages, malfeasance proofs). */
    record Gossip(Topic topic, Bytes bytes) implements Payload {
        public Gossip {
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(bytes, "bytes");
            if (topic == Topic.HARE) {
                throw new IllegalArgumentException("hare gossip travels as Payload.Hare");
            }
        }

        @Override
        public String kind() {
            return topic.wireName();
        }
    }

    /** The answer to a fetch of object {@code id}: its bytes. */
    record Fetched(Hint hint, Bytes id, Bytes bytes) implements Payload {
        public Fetched {
            Objects.requireNonNull(hint, "hint");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(bytes, "bytes");
        }

        @Override
        public String kind() {
            return "fetched " + hint.wireName();
        }
    }
}
