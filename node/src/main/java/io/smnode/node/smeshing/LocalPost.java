package io.smnode.node.smeshing;

import io.smnode.actors.atx.PostProving;
import io.smnode.core.net.NetworkParams;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.NodeId;
import io.smnode.activation.PostV1;
import io.smnode.post.init.InitConfig;
import io.smnode.post.init.InitException;
import io.smnode.post.init.InitListener;
import io.smnode.post.init.InitResult;
import io.smnode.post.init.Initializer;
import io.smnode.post.k2pow.PowThreshold;
import io.smnode.post.k2pow.RandomX;
import io.smnode.post.k2pow.RandomXK2PowSolver;
import io.smnode.post.k2pow.RandomXK2PowVerifier;
import io.smnode.post.k2pow.RandomXMode;
import io.smnode.post.label.CpuLabelBackend;
import io.smnode.post.label.ScryptJane;
import io.smnode.post.prove.PostDataDirectory;
import io.smnode.post.prove.Prover;
import io.smnode.post.prove.ProvingParams;
import io.smnode.post.verify.PostVerifier;
import io.smnode.post.verify.VerifyingParams;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * This node's PoST data (spec 02 §5 step 1) and what works over it: initialization with the CPU label backend
 * (resumed where a previous start stopped), proofs with RandomX (light mode: the devnet presets' data is tiny and
 * the fast mode's 2 GiB dataset would dwarf it), and a verifier with the same network parameters.
 */
public final class LocalPost implements PostProving, AutoCloseable {
    /** Small files: a devnet's data is a few KiB; mainnet-sized data is not what this setup is for. */
    static final long MAX_FILE_SIZE = 1 << 20;
    private static final int BATCH_LABELS = 1 << 12;
    private static final int NONCES_PER_PASS = 16;

    private final NodeId nodeId;
    private final PostDataDirectory data;
    private final ProvingParams proving;
    private final VerifyingParams verifying;
    private final RandomX randomX;
    private final long vrfNonce;

    private LocalPost(NodeId nodeId, PostDataDirectory data, ProvingParams proving, VerifyingParams verifying,
                      RandomX randomX, long vrfNonce) {
        this.nodeId = nodeId;
        this.data = data;
        this.proving = proving;
        this.verifying = verifying;
        this.randomX = randomX;
        this.vrfNonce = vrfNonce;
    }

    /** Initializes (or resumes, or finds complete) {@code numUnits} units under {@code dir}. */
    public static LocalPost open(Path dir, NodeId nodeId, AtxId commitment, NetworkParams.Post post, long numUnits)
            throws IOException, InitException {
        InitConfig config = new InitConfig(nodeId, commitment, post.labelsPerUnit(), numUnits, MAX_FILE_SIZE,
                post.scryptN(), BATCH_LABELS);
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        InitResult result;
        try {
            result = new Initializer(dir, config, CpuLabelBackend.scryptJane(threads), pool, System::nanoTime,
                    InitListener.NONE).run();
        } finally {
            pool.shutdownNow();
        }
        if (!(result instanceof InitResult.Completed done)) {
            throw new IOException("PoST initialization under " + dir + " stopped before it completed");
        }
        long nonce = done.metadata().nonce().orElseThrow(() ->
                new IOException("PoST data under " + dir + " is complete but has no VRF nonce"));
        PowThreshold pow = PowThreshold.ofHex(post.powDifficulty().hex());
        return new LocalPost(nodeId, new PostDataDirectory(dir, MAX_FILE_SIZE),
                new ProvingParams(post.k1(), post.k2(), numUnits, post.labelsPerUnit(), pow),
                new VerifyingParams(post.k1(), post.k2(), pow, post.labelsPerUnit(), post.minNumUnits(),
                        post.maxNumUnits(), post.scryptN()),
                RandomX.forSpacemesh(RandomXMode.LIGHT, 1), nonce);
    }

    public long vrfNonce() {
        return vrfNonce;
    }

    public VerifyingParams verifyingParams() {
        return verifying;
    }

    /** A verifier for the network's proofs: not thread-safe, one per validating thread. */
    public PostVerifier newVerifier() {
        return new PostVerifier(ScryptJane.FACTORY, new RandomXK2PowVerifier(randomX.newVm()));
    }

    @Override
    public PostV1 prove(Hash32 challenge) throws Exception {
        try (RandomXK2PowSolver solver = new RandomXK2PowSolver(randomX, 1)) {
            return PostV1.of(new Prover(solver).prove(data, challenge, nodeId, proving, NONCES_PER_PASS));
        }
    }

    @Override
    public void close() {
        randomX.close();
    }
}
