package io.smnode.beacon;

/** The gossip topics of the beacon protocol (the reference's pubsub protocol names). */
public enum BeaconTopic {
    PROPOSAL("bp1"),
    FIRST_VOTES("bf1"),
    FOLLOWING_VOTES("bo1"),
    WEAK_COIN("bw1");

    private final String wireName;

    BeaconTopic(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
