package io.smnode.activation;

import io.smnode.core.signing.EdSigner;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.Hash32;
import io.smnode.post.init.InitConfig;
import io.smnode.post.init.InitResult;
import io.smnode.post.init.Initializer;
import io.smnode.post.k2pow.PowThreshold;
import io.smnode.post.k2pow.RandomX;
import io.smnode.post.k2pow.RandomXK2PowSolver;
import io.smnode.post.label.CpuLabelBackend;
import io.smnode.post.prove.PostDataDirectory;
import io.smnode.post.prove.Prover;
import io.smnode.post.prove.ProvingParams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * A smesher with real PoST data (scrypt-jane at the devnet N = 2, written by post-gpu's initializer) and two real
 * proofs made by post-gpu's prover with RandomX k2pow: the initial one over the zero challenge and a NIPoST one over
 * a PoET proof reference.
 */
public record PostIdentity(EdSigner signer, AtxId commitmentAtx, long vrfNonce, PostV1 initialPost, PostV1 nipostPost) {
    public static final int SCRYPT_N = 2;
    public static final long LABELS_PER_UNIT = 64;
    public static final long NUM_UNITS = 2;
    public static final long K1 = 12;
    public static final long K2 = 4;
    /** The devnet k2pow difficulty (spec 08 §4). */
    public static final PowThreshold POW = PowThreshold.ofHex("ff".repeat(32));
    private static final long MAX_FILE_SIZE = 1024;

    /** The size of the data and the network's PoST parameters it is proven under. */
    record Setup(int scryptN, long labelsPerUnit, long numUnits, long k1, long k2, PowThreshold pow, int noncesPerPass) {}

    /** What the validator tests use: devnet-like, 2 units of 64 labels at N = 2. */
    static final Setup TEST = new Setup(SCRYPT_N, LABELS_PER_UNIT, NUM_UNITS, K1, K2, POW, 16);

    public static PostIdentity create(byte[] seed, Bytes prefix, AtxId commitmentAtx, Hash32 poetRef, RandomX randomX)
            throws Exception {
        return create(seed, prefix, commitmentAtx, poetRef, randomX, TEST);
    }

    static PostIdentity create(byte[] seed, Bytes prefix, AtxId commitmentAtx, Hash32 poetRef, RandomX randomX,
                               Setup setup) throws Exception {
        EdSigner signer = EdSigner.fromSeed(seed, prefix);
        Path dir = Files.createTempDirectory("atx-post");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            InitConfig config = new InitConfig(signer.nodeId(), commitmentAtx, setup.labelsPerUnit(), setup.numUnits(),
                    MAX_FILE_SIZE, setup.scryptN(), 64);
            InitResult result = new Initializer(dir, config, CpuLabelBackend.scryptJane(1), pool, System::nanoTime,
                    p -> { }).run();
            long nonce = ((InitResult.Completed) result).metadata().nonce().orElseThrow();
            ProvingParams proving = new ProvingParams(setup.k1(), setup.k2(), setup.numUnits(), setup.labelsPerUnit(),
                    setup.pow());
            PostDataDirectory data = new PostDataDirectory(dir, MAX_FILE_SIZE);
            try (RandomXK2PowSolver solver = new RandomXK2PowSolver(randomX, 1)) {
                Prover prover = new Prover(solver);
                PostV1 initial = PostV1.of(prover.prove(data, Hash32.ZERO, signer.nodeId(), proving, setup.noncesPerPass()));
                PostV1 nipost = PostV1.of(prover.prove(data, poetRef, signer.nodeId(), proving, setup.noncesPerPass()));
                return new PostIdentity(signer, commitmentAtx, nonce, initial, nipost);
            }
        } finally {
            pool.shutdownNow();
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
