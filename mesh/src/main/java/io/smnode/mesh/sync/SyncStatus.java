package io.smnode.mesh.sync;

/**
 * The syncer's states (spec 07 §4 step 5): {@code NOT_SYNCED → GOSSIP_SYNC} once the layer data is synced
 * ({@code lastSynced ≥ current − 1}) and the state caught up; {@code GOSSIP_SYNC → SYNCED} after the gossip duration
 * without a regression; any state {@code → NOT_SYNCED} when {@code current − lastSynced} reaches the out-of-sync
 * threshold; {@code GOSSIP_SYNC} waits longer while data or state lag. A pure state machine: each syncer round feeds it the round's facts and the time.
 *
 * <p>Both "synced" conditions allow a lag of {@link #LAG} layers where the reference allows one: the current
 * layer's predecessor is still in hare's hands while the current one runs, and a sync round as long as a layer (the
 * devnets) polls it only in the next round, so {@code ≥ current − 1} would flap at every layer start.
 */
public final class SyncStatus {
    public enum State { NOT_SYNCED, GOSSIP_SYNC, SYNCED }

    /** Layers the synced and the applied layer may trail the clock by. */
    public static final long LAG = 2;

    private final long outOfSyncThreshold;
    private final long gossipDurationMillis;
    private State state = State.NOT_SYNCED;
    private long gossipSince;

    /**
     * @param outOfSyncThreshold {@code OutOfSyncThresholdLayers} (the reference's default 3, mainnet 36)
     * @param gossipDurationMillis {@code GossipDuration}
     */
    public SyncStatus(long outOfSyncThreshold, long gossipDurationMillis) {
        if (outOfSyncThreshold < 1 || gossipDurationMillis < 0) {
            throw new IllegalArgumentException("threshold >= 1 layer and a non-negative gossip duration");
        }
        this.outOfSyncThreshold = outOfSyncThreshold;
        this.gossipDurationMillis = gossipDurationMillis;
    }

    public State state() {
        return state;
    }

    /** Whether gossip of proposals, transactions, certificates and beacon rounds is taken (gossip-sync or synced). */
    public boolean takesGossip() {
        return state != State.NOT_SYNCED;
    }

    /**
     * One round's facts: the clock's {@code current} layer, the last layer whose data was synced and the last
     * applied layer (the effective genesis before any). Returns the state after it.
     */
    public State update(long current, long lastSynced, long applied, long nowMillis) {
        boolean dataSynced = lastSynced >= current - LAG;
        boolean stateSynced = applied >= current - LAG;
        if (current - lastSynced >= outOfSyncThreshold) {
            state = State.NOT_SYNCED;
            return state;
        }
        switch (state) {
            case NOT_SYNCED -> {
                if (dataSynced && stateSynced) {
                    state = State.GOSSIP_SYNC;
                    gossipSince = nowMillis;
                }
            }
            case GOSSIP_SYNC -> {
                if (!dataSynced || !stateSynced) {
                    gossipSince = nowMillis; // the reference extends gossip sync rather than starting over
                } else if (nowMillis - gossipSince >= gossipDurationMillis) {
                    state = State.SYNCED;
                }
            }
            case SYNCED -> {
                // Only the data lag above ends it: once synced, gossip, hare and the tortoise advance the mesh (the
                // reference's setStateAfterSync). Ending it when layers are not applied deadlocked a network whose
                // layers could not be applied for a while (an epoch without ATXs): every node stopped taking part,
                // so no layer could be applied again.
            }
        }
        return state;
    }
}
