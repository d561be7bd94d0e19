package io.smnode.sim;

/** How a simulated node acts towards the others. Every node runs the same hare and tortoise cores inside. */
public enum Behaviour {
    /** Follows the protocol. */
    HONEST,
    /** Signs two different hare messages for every round it is eligible in, one to each half of its peers. */
    EQUIVOCATE,
    /** Sends its hare messages {@link SimConfig#lateBy()} late and its ballots after the layer was tallied. */
    LATE,
    /** Sends nothing at all: no proposals, ballots, hare messages, blocks or proofs (offline weight). */
    WITHHOLD
}
