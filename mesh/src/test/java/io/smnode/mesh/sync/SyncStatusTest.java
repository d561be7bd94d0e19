package io.smnode.mesh.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.mesh.sync.SyncStatus.State;
import org.junit.jupiter.api.Test;

class SyncStatusTest {
    @Test
    void aNodeThatCaughtUpGossipSyncsThenSyncsAfterTheGossipDuration() {
        SyncStatus s = new SyncStatus(3, 10_000);
        assertEquals(State.NOT_SYNCED, s.update(40, 20, 20, 0), "20 layers behind");
        assertFalse(s.takesGossip());
        assertEquals(State.NOT_SYNCED, s.update(40, 39, 30, 1_000), "data synced, state not yet");
        assertEquals(State.GOSSIP_SYNC, s.update(40, 39, 39, 2_000));
        assertTrue(s.takesGossip());
        assertEquals(State.GOSSIP_SYNC, s.update(41, 40, 39, 11_999), "not for the gossip duration yet");
        assertEquals(State.SYNCED, s.update(41, 40, 40, 12_000));
    }

    @Test
    void aRegressionDuringGossipSyncAndFallingBehindByTheThresholdStartOver() {
        SyncStatus s = new SyncStatus(3, 10_000);
        s.update(10, 9, 9, 0);
        assertEquals(State.NOT_SYNCED, s.update(12, 9, 9, 5_000), "data fell 3 layers behind");
        s.update(12, 11, 11, 6_000);
        assertEquals(State.SYNCED, s.update(13, 12, 12, 16_000));
        assertEquals(State.SYNCED, s.update(14, 12, 12, 17_000), "a layer of lag is tolerated");
        assertEquals(State.NOT_SYNCED, s.update(15, 12, 12, 18_000), "the out-of-sync threshold");
    }

    @Test
    void aSyncedNodeStaysSyncedWhileLayersAwaitApplyingButNotWhenItsDataFallsBehind() {
        SyncStatus s = new SyncStatus(3, 10_000);
        s.update(10, 9, 9, 0);
        assertEquals(State.SYNCED, s.update(11, 10, 10, 10_000));
        // An epoch without hare output: layer data keeps coming, nothing is applied for many layers.
        assertEquals(State.SYNCED, s.update(20, 19, 10, 20_000), "applying lags: still taking part");
        assertEquals(State.NOT_SYNCED, s.update(23, 19, 10, 21_000), "the layer data fell 4 layers behind");
    }

    @Test
    void gossipSyncIsExtendedWhileTheStateLags() {
        SyncStatus s = new SyncStatus(3, 10_000);
        assertEquals(State.GOSSIP_SYNC, s.update(10, 9, 9, 0));
        assertEquals(State.GOSSIP_SYNC, s.update(12, 11, 8, 9_000), "state lags: gossip sync goes on");
        assertEquals(State.GOSSIP_SYNC, s.update(12, 11, 11, 18_000), "the wait counts from the last lag");
        assertEquals(State.SYNCED, s.update(12, 11, 11, 19_000));
    }
}
