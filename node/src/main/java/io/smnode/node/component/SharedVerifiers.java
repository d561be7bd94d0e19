package io.smnode.node.component;

import io.smnode.post.k2pow.AvailableMemory;
import io.smnode.post.k2pow.K2PowVerifier;
import io.smnode.post.k2pow.RandomXPolicy;
import io.smnode.post.k2pow.RandomXVerifiers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The k2pow checkers of the node's ATX validation workers: one {@link RandomXVerifiers} for the node, started by the
 * first worker that needs it (on its dispatcher, not during start), in light mode and — when the policy and the
 * memory allow — switching every worker to fast mode once the 2 GiB dataset is built in the background.
 */
public final class SharedVerifiers {
    private static final Logger LOG = LoggerFactory.getLogger(SharedVerifiers.class);

    private final RandomXPolicy policy;
    private final int initThreads;
    private RandomXVerifiers verifiers;

    public SharedVerifiers(RandomXPolicy policy, int initThreads) {
        this.policy = policy;
        this.initThreads = initThreads;
    }

    /** A checker for one worker thread. */
    public synchronized K2PowVerifier newVerifier() {
        if (verifiers == null) {
            verifiers = RandomXVerifiers.start(policy, AvailableMemory.bytes(), initThreads, LOG::info);
        }
        return verifiers.newVerifier();
    }
}
