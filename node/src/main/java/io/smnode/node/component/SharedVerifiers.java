package io.smnode.node.component;

import io.smnode.node.config.NodeConfig;
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

    /** The verifiers of a node (or a validation member) with {@code config}'s policy, set up with every core. */
    public static SharedVerifiers forNode(NodeConfig config) {
        return new SharedVerifiers(randomXPolicy(config), Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * Fast mode (a 2 GiB dataset) pays off where many ATXs are verified; a devnet verifies a handful, so there "auto"
     * means light.
     */
    private static RandomXPolicy randomXPolicy(NodeConfig config) {
        RandomXPolicy policy = config.post().randomx();
        boolean devnet = config.preset().equals("standalone") || config.preset().equals("localnet");
        return policy == RandomXPolicy.AUTO && devnet ? RandomXPolicy.LIGHT : policy;
    }

    /** A checker for one worker thread. */
    public synchronized K2PowVerifier newVerifier() {
        if (verifiers == null) {
            verifiers = RandomXVerifiers.start(policy, AvailableMemory.bytes(), initThreads, LOG::info);
        }
        return verifiers.newVerifier();
    }
}
