package io.smnode.node.cluster;

import io.smnode.activation.ActivationTxV1;
import io.smnode.activation.InnerActivationTxV1;
import io.smnode.activation.MerkleProofV1;
import io.smnode.activation.NIPostChallengeV1;
import io.smnode.activation.NIPostV1;
import io.smnode.activation.PostMetadataV1;
import io.smnode.activation.PostV1;
import io.smnode.core.net.NetworkParams;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.types.Address;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.NodeId;
import io.smnode.node.smeshing.PostParams;
import io.smnode.poet.MembershipProof;
import io.smnode.poet.MembershipTree;
import io.smnode.poet.MemoryTreeStore;
import io.smnode.poet.PoswProver;
import io.smnode.poet.RoundProof;
import io.smnode.post.init.InitConfig;
import io.smnode.post.init.InitResult;
import io.smnode.post.init.Initializer;
import io.smnode.post.k2pow.RandomX;
import io.smnode.post.k2pow.RandomXK2PowSolver;
import io.smnode.post.label.CpuLabelBackend;
import io.smnode.post.prove.PostDataDirectory;
import io.smnode.post.prove.Prover;
import io.smnode.post.prove.ProvingParams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Real ATXs for the cluster's benchmark and tests, made the way smeshers make them: identities with real PoST data
 * (post-gpu's initializer, the network's scrypt N), real PoST proofs (post-gpu's prover, RandomX k2pow), real PoET
 * rounds (the poet module's sequential-work prover over the ATXs' challenges) and signatures under the network's
 * genesis prefix. Each identity gets an initial ATX in {@code epoch} (its dependency: store it first) and
 * {@code perIdentity} follow-up ATXs in the next epoch that differ only in their coinbase — distinct ATXs, each
 * needing a full validation (signature, PoST proof with k2pow and the K3 label check, PoET membership).
 */
public final class SampleAtxs {
    /** Leaves of the sample PoET rounds: enough for a tick at the devnets' tick size (100). */
    private static final long POET_LEAVES = 200;
    private static final int NONCES_PER_PASS = 16;
    private static final long MAX_FILE_SIZE = 1 << 20;

    /** The samples: two PoET rounds, the identities' initial ATXs and the follow-ups to validate. */
    public record Batch(RoundProof initialRound, RoundProof nextRound, List<ActivationTxV1> initial,
                        List<ActivationTxV1> followUps) {
        public List<RoundProof> rounds() {
            return List.of(initialRound, nextRound);
        }
    }

    private SampleAtxs() {}

    /**
     * @param prefix  the network's genesis id (every signature's prefix)
     * @param golden  the golden ATX (positioning and commitment of the initial ATXs)
     * @param post    the network's PoST parameters (the data has the minimal number of units)
     * @param workDir where the identities' PoST data is written (and removed again)
     */
    public static Batch make(int identities, int perIdentity, EpochId epoch, Bytes prefix, AtxId golden,
                             NetworkParams.Post post, RandomX randomX, Path workDir) throws Exception {
        long units = post.minNumUnits();
        ProvingParams proving = PostParams.proving(post, units);
        List<EdSigner> signers = new ArrayList<>();
        List<PostDataDirectory> data = new ArrayList<>();
        List<Long> vrfNonces = new ArrayList<>();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            for (int i = 0; i < identities; i++) {
                byte[] seed = new byte[32];
                seed[0] = (byte) (i + 1);
                seed[1] = (byte) ((i + 1) >> 8);
                EdSigner signer = EdSigner.fromSeed(seed, prefix);
                Path dir = Files.createDirectories(workDir.resolve(signer.nodeId().hex()));
                InitConfig init = new InitConfig(signer.nodeId(), golden, post.labelsPerUnit(), units, MAX_FILE_SIZE,
                        post.scryptN(), 1 << 12);
                InitResult result = new Initializer(dir, init, CpuLabelBackend.scryptJane(1), pool,
                        System::nanoTime, p -> { }).run();
                signers.add(signer);
                data.add(new PostDataDirectory(dir, MAX_FILE_SIZE));
                vrfNonces.add(((InitResult.Completed) result).metadata().nonce().orElseThrow());
            }
        } finally {
            pool.shutdownNow();
        }
        try (RandomXK2PowSolver solver = new RandomXK2PowSolver(randomX, 1)) {
            Prover prover = new Prover(solver);
            List<NIPostChallengeV1> firstChallenges = new ArrayList<>();
            for (int i = 0; i < identities; i++) {
                PostV1 initialPost = prove(prover, data.get(i), Hash32.ZERO, signers.get(i), proving);
                firstChallenges.add(new NIPostChallengeV1(epoch, 0, AtxId.ZERO, golden, Optional.of(golden),
                        Optional.of(initialPost)));
            }
            RoundProof firstRound = round(0, firstChallenges);
            List<ActivationTxV1> initial = new ArrayList<>();
            for (int i = 0; i < identities; i++) {
                initial.add(sign(signers.get(i), firstChallenges.get(i), i, firstRound, prover, data.get(i), proving,
                        units, post, Optional.of(signers.get(i).nodeId()), Optional.of(vrfNonces.get(i)), 0));
            }
            List<NIPostChallengeV1> nextChallenges = new ArrayList<>();
            for (ActivationTxV1 first : initial) {
                nextChallenges.add(new NIPostChallengeV1(epoch.next(), 1, first.id(), golden, Optional.empty(),
                        Optional.empty()));
            }
            RoundProof nextRound = round(1, nextChallenges);
            List<ActivationTxV1> followUps = new ArrayList<>();
            for (int i = 0; i < identities; i++) {
                PostV1 nipost = prove(prover, data.get(i), nextRound.proof().ref(), signers.get(i), proving);
                for (int k = 0; k < perIdentity; k++) {
                    followUps.add(assemble(signers.get(i), nextChallenges.get(i), i, nextRound, nipost, units, post,
                            Optional.empty(), Optional.empty(), k + 1));
                }
            }
            return new Batch(firstRound, nextRound, List.copyOf(initial), List.copyOf(followUps));
        }
    }

    private static PostV1 prove(Prover prover, PostDataDirectory data, Hash32 challenge, EdSigner signer,
                                ProvingParams proving) throws Exception {
        return PostV1.of(prover.prove(data, challenge, signer.nodeId(), proving, NONCES_PER_PASS));
    }

    /** A PoET round over {@code challenges}' hashes, proven by the sequential-work prover. */
    private static RoundProof round(long number, List<NIPostChallengeV1> challenges) {
        List<Bytes> members = challenges.stream().map(c -> Bytes.of(c.hash().toByteArray())).toList();
        PoswProver prover = PoswProver.start(MembershipTree.root(members), new MemoryTreeStore());
        prover.addLeaves(POET_LEAVES);
        return new RoundProof(number, prover.proof(), members);
    }

    private static ActivationTxV1 sign(EdSigner signer, NIPostChallengeV1 challenge, int member, RoundProof round,
                                       Prover prover, PostDataDirectory data, ProvingParams proving, long units,
                                       NetworkParams.Post post, Optional<NodeId> nodeId,
                                       Optional<Long> vrfNonce, int coinbase) throws Exception {
        PostV1 nipost = prove(prover, data, round.proof().ref(), signer, proving);
        return assemble(signer, challenge, member, round, nipost, units, post, nodeId, vrfNonce, coinbase);
    }

    private static ActivationTxV1 assemble(EdSigner signer, NIPostChallengeV1 challenge, int member, RoundProof round,
                                           PostV1 nipost, long units, NetworkParams.Post post,
                                           Optional<NodeId> nodeId, Optional<Long> vrfNonce,
                                           int coinbase) {
        MembershipProof path = MembershipTree.proof(round.members(), member);
        NIPostV1 proofs = new NIPostV1(new MerkleProofV1(path.nodes(), path.leafIndex()), Optional.of(nipost),
                Optional.of(PostMetadataV1.of(round.proof().ref(), post.labelsPerUnit())));
        byte[] address = new byte[24];
        address[20] = (byte) (coinbase >> 24);
        address[21] = (byte) (coinbase >> 16);
        address[22] = (byte) (coinbase >> 8);
        address[23] = (byte) coinbase;
        return ActivationTxV1.sign(new InnerActivationTxV1(challenge, Address.of(address), units,
                Optional.of(proofs), nodeId, vrfNonce), signer);
    }
}
