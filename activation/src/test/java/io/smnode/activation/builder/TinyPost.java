package io.smnode.activation.builder;

import io.smnode.core.signing.EdSigner;
import io.smnode.core.types.Address;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.Hash32;
import io.smnode.activation.PostV1;
import io.smnode.post.init.InitConfig;
import io.smnode.post.init.InitResult;
import io.smnode.post.init.Initializer;
import io.smnode.post.k2pow.PowThreshold;
import io.smnode.post.k2pow.RandomX;
import io.smnode.post.k2pow.RandomXK2PowVerifier;
import io.smnode.post.k2pow.RandomXK2PowSolver;
import io.smnode.post.k2pow.RandomXMode;
import io.smnode.post.k2pow.RandomXVm;
import io.smnode.post.label.CpuLabelBackend;
import io.smnode.post.label.ScryptJane;
import io.smnode.post.prove.PostDataDirectory;
import io.smnode.post.prove.Prover;
import io.smnode.post.prove.ProvingParams;
import io.smnode.post.verify.PostVerifier;
import io.smnode.post.verify.VerifyingParams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One smesher's real, tiny PoST (spec 02 §5 step 1): 2 units of 64 labels at scrypt N = 2, initialized once by
 * post-gpu's initializer; proofs by post-gpu's prover with RandomX (light) k2pow at the devnet difficulty. Proofs
 * are deterministic for a challenge, so they are memoized: restart tests prove the same PoET reference many times.
 */
final class TinyPost {
    static final Bytes PREFIX = Bytes.ofHex("9eebff023abb17ccb775c602daade8ed708f0a50");
    static final AtxId GOLDEN = AtxId.ofHex("9eebff023abb17ccb775c602daade8ed708f0a50d3149a42801184f5b74f2865");
    static final int SCRYPT_N = 2;
    static final long LABELS_PER_UNIT = 64;
    static final long NUM_UNITS = 2;
    static final long K1 = 12;
    static final long K2 = 4;
    static final PowThreshold POW = PowThreshold.ofHex("ff".repeat(32));
    private static final long MAX_FILE_SIZE = 1024;
    private static final int NONCES_PER_PASS = 16;

    private static final Map<Integer, TinyPost> BY_SEED = new HashMap<>();
    /** One RandomX cache for every identity (its light-mode setup is the slow, memory-hungry part). */
    private static RandomX sharedRandomX;

    final SmesherSetup setup;
    private final EdSigner signer;
    private final RandomX randomX;
    private final PostDataDirectory data;
    private final Map<Hash32, PostV1> proofs = new HashMap<>();
    private PostVerifier verifier;

    /** The one identity all single-identity builder tests share (initialization is the slow part). */
    static TinyPost shared() throws Exception {
        return of(7);
    }

    /** The identity of key seed {@code seed} (every byte), initialized once per test JVM. */
    static synchronized TinyPost of(int seedByte) throws Exception {
        TinyPost known = BY_SEED.get(seedByte);
        if (known == null) {
            if (sharedRandomX == null) {
                sharedRandomX = RandomX.forSpacemesh(RandomXMode.LIGHT, 1);
            }
            known = new TinyPost(seedByte, sharedRandomX);
            BY_SEED.put(seedByte, known);
        }
        return known;
    }

    private TinyPost(int seedByte, RandomX randomX) throws Exception {
        byte[] seed = new byte[32];
        Arrays.fill(seed, (byte) seedByte);
        signer = EdSigner.fromSeed(seed, PREFIX);
        Path dir = Files.createTempDirectory("atx-builder-post");
        dir.toFile().deleteOnExit();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        long vrfNonce;
        try {
            InitConfig config = new InitConfig(signer.nodeId(), GOLDEN, LABELS_PER_UNIT, NUM_UNITS, MAX_FILE_SIZE,
                    SCRYPT_N, 64);
            InitResult result = new Initializer(dir, config, CpuLabelBackend.scryptJane(1), pool, System::nanoTime,
                    p -> { }).run();
            vrfNonce = ((InitResult.Completed) result).metadata().nonce().orElseThrow();
        } finally {
            pool.shutdownNow();
        }
        this.randomX = randomX;
        data = new PostDataDirectory(dir, MAX_FILE_SIZE);
        PostV1 initial = prove(Hash32.ZERO);
        Address coinbase = Address.ofHex("00000000" + String.format("%02x", seedByte).repeat(20));
        setup = new SmesherSetup(signer, coinbase, NUM_UNITS, LABELS_PER_UNIT, GOLDEN, vrfNonce, initial);
    }

    /** The PoST proof over {@code challenge}, as the node's proving service would make it. */
    synchronized PostV1 prove(Hash32 challenge) throws Exception {
        PostV1 known = proofs.get(challenge);
        if (known != null) {
            return known;
        }
        ProvingParams params = new ProvingParams(K1, K2, NUM_UNITS, LABELS_PER_UNIT, POW);
        try (RandomXK2PowSolver solver = new RandomXK2PowSolver(randomX, 1)) {
            PostV1 proof = PostV1.of(new Prover(solver).prove(data, challenge, signer.nodeId(), params,
                    NONCES_PER_PASS));
            proofs.put(challenge, proof);
            return proof;
        }
    }

    static VerifyingParams verifyingParams() {
        return new VerifyingParams(K1, K2, POW, LABELS_PER_UNIT, 1, 4, SCRYPT_N);
    }

    /** The one PoST verifier of the tests (not thread-safe: the tests run their worlds one at a time). */
    synchronized PostVerifier verifier() {
        if (verifier == null) {
            RandomXVm vm = randomX.newVm();
            verifier = new PostVerifier(ScryptJane.FACTORY, new RandomXK2PowVerifier(vm));
        }
        return verifier;
    }
}
