package io.smnode.mesh.proposal;

/**
 * The outcome of validating a ballot, in gossip terms: ACCEPT, IGNORE (not now or not our business: no penalty) or
 * REJECT (provably invalid: the sending peer is penalised). Every non-accept names its rule.
 */
public sealed interface Verdict {
    record Accept() implements Verdict {}

    record Ignore(BallotRule rule, String detail) implements Verdict {}

    record Reject(BallotRule rule, String detail) implements Verdict {}

    Verdict ACCEPT = new Accept();

    default boolean accepted() {
        return this instanceof Accept;
    }
}
