package io.smnode.beacon;

import io.smnode.core.types.NodeId;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * What the beacon protocol needs to know about the ATXs targeting its epoch (one per smesher): the port the node's
 * ATX store implements. Asked at start for the totals and again for each message's sender, so ATXs learnt later
 * still let their owners' messages in.
 */
public interface EpochMiners {
    /**
     * A smesher's ATX facts.
     *
     * @param weight      the ATX weight (a first vote's or following vote's weight)
     * @param numUnits    the weak coin allowance
     * @param vrfNonce    the nonce in the proposal and weak coin VRF messages
     * @param atxReceived when this node received the ATX (drives proposal classification and w1/w2)
     * @param malicious   whether the smesher is known malicious: its votes weigh 0, its coin allowance is 0
     */
    record Miner(NodeId id, long weight, long numUnits, long vrfNonce, Instant atxReceived, boolean malicious) {}

    Optional<Miner> miner(NodeId id);

    Collection<Miner> all();
}
