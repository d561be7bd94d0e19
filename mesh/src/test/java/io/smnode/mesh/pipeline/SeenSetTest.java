package io.smnode.mesh.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.hash.Blake3;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.LayerId;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The gossip seen-set: gossipsub's message id, one handling per message per topic, forgotten layer by layer. */
class SeenSetTest {
    private static final Bytes PAYLOAD = Bytes.ofHex("0a0b0c");

    @Test
    void theMessageIdIsBlake3OfTopicThenPayload() {
        assertEquals(Blake3.hash("pp1".getBytes(StandardCharsets.US_ASCII), PAYLOAD.toByteArray()),
                SeenSet.id(Topic.PROPOSAL, PAYLOAD));
    }

    @Test
    void aMessageIsHandledOncePerTopicUntilItExpires() {
        SeenSet seen = new SeenSet(2);
        assertTrue(seen.firstTime(Topic.PROPOSAL, PAYLOAD, LayerId.of(10)));
        assertFalse(seen.firstTime(Topic.PROPOSAL, PAYLOAD, LayerId.of(10)));
        assertTrue(seen.firstTime(Topic.HARE, PAYLOAD, LayerId.of(10)), "another topic is another message");
        seen.expire(LayerId.of(12));
        assertFalse(seen.firstTime(Topic.PROPOSAL, PAYLOAD, LayerId.of(12)), "kept for two layers");
        seen.expire(LayerId.of(13));
        assertEquals(0, seen.size());
        assertTrue(seen.firstTime(Topic.PROPOSAL, PAYLOAD, LayerId.of(13)));
    }
}
