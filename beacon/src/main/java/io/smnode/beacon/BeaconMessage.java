package io.smnode.beacon;

/** A message of the beacon protocol, ready to gossip: its topic and its SCALE bytes. */
public sealed interface BeaconMessage
        permits ProposalMessage, FirstVotingMessage, FollowingVotingMessage, WeakCoinMessage {
    BeaconTopic topic();

    byte[] encode();
}
