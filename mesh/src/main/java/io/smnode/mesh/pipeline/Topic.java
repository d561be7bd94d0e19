package io.smnode.mesh.pipeline;

import io.smnode.beacon.BeaconTopic;

/** The gossip topics the layer pipeline publishes on, with the reference's wire names (spec 07 §2). */
public enum Topic {
    PROPOSAL("pp1"),
    HARE("/h/3.0"),
    CERTIFY("bc1"),
    MALFEASANCE("mp1"),
    TX("tx1"),
    BEACON_PROPOSAL("bp1"),
    BEACON_FIRST_VOTES("bf1"),
    BEACON_FOLLOWING_VOTES("bo1"),
    BEACON_WEAK_COIN("bw1");

    private final String wireName;

    Topic(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Topic of(BeaconTopic topic) {
        return switch (topic) {
            case PROPOSAL -> BEACON_PROPOSAL;
            case FIRST_VOTES -> BEACON_FIRST_VOTES;
            case FOLLOWING_VOTES -> BEACON_FOLLOWING_VOTES;
            case WEAK_COIN -> BEACON_WEAK_COIN;
        };
    }
}
