package io.smnode.node.network;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.time.LayerClock;
import io.smnode.mesh.pipeline.Topic;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * A node takes part in hare, proposals and certification only while synced, in a beacon round only when synced since
 * its epoch began; transactions and malfeasance proofs always go out.
 */
class NetworkEdgeTest {
    private static final Instant GENESIS = Instant.parse("2026-01-01T00:00:00Z");
    /** 5 s layers, 8 an epoch: epoch 3 starts 120 s after genesis; now is 10 s into it. */
    private static final LayerClock LAYERS = new LayerClock(GENESIS, Duration.ofSeconds(5), 8);
    private static final Instant NOW = GENESIS.plusSeconds(130);
    private final NetworkEdge edge = new NetworkEdge(Clock.fixed(NOW, ZoneOffset.UTC), LAYERS);

    @Test
    void aNodeNotSyncedSendsNoHareProposalCertifyOrBeaconMessage() {
        for (Topic t : Topic.values()) {
            boolean gated = t != Topic.MALFEASANCE && t != Topic.TX;
            assertTrue(edge.takesPart(t) != gated, t.toString());
        }
    }

    @Test
    void syncedDuringTheEpochItTakesPartButInTheBeaconOnlyFromTheNextEpoch() {
        edge.synced(true, NOW.minusSeconds(5).toEpochMilli());
        assertTrue(edge.takesPart(Topic.PROPOSAL));
        assertTrue(edge.takesPart(Topic.HARE));
        assertTrue(edge.takesPart(Topic.CERTIFY));
        assertFalse(edge.takesPart(Topic.BEACON_PROPOSAL));
        assertFalse(edge.takesPart(Topic.BEACON_WEAK_COIN));
        // Synced again later changes nothing: it has been synced since the first time.
        edge.synced(true, NOW.toEpochMilli());
        assertFalse(edge.takesPart(Topic.BEACON_FIRST_VOTES));
    }

    @Test
    void syncedSinceBeforeTheEpochItTakesPartInTheBeaconAndFallingBehindStopsAll() {
        edge.synced(true, GENESIS.plusSeconds(119).toEpochMilli());
        assertTrue(edge.takesPart(Topic.BEACON_PROPOSAL));
        assertTrue(edge.takesPart(Topic.BEACON_FOLLOWING_VOTES));
        edge.synced(false, NOW.toEpochMilli());
        assertFalse(edge.takesPart(Topic.BEACON_PROPOSAL));
        assertFalse(edge.takesPart(Topic.HARE));
        assertTrue(edge.takesPart(Topic.TX));
    }
}
