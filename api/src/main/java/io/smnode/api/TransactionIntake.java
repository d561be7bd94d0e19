package io.smnode.api;

import io.smnode.core.types.Bytes;
import io.smnode.core.verdict.Verdict;
import java.util.concurrent.CompletionStage;

/**
 * Where SubmitTransaction hands a signed transaction: the node's mempool and gossip (a port the node implements over
 * its mempool component). The verdict is the one a transaction from a peer would get: Accept (kept and gossiped),
 * Ignore (e.g. already known, a full pool) or Reject (invalid, with the rule). The API has parsed and verified the
 * transaction against the current state before it asks.
 */
@FunctionalInterface
public interface TransactionIntake {
    CompletionStage<Verdict> submit(Bytes transaction);
}
