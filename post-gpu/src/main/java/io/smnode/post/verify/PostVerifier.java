package io.smnode.post.verify;

import io.smnode.core.types.Hash32;
import io.smnode.post.k2pow.K2PowVerifier;
import io.smnode.post.k2pow.PowThreshold;
import io.smnode.post.label.Commitment;
import io.smnode.post.label.LabelGenerator;
import io.smnode.post.label.LabelGeneratorFactory;
import io.smnode.post.prove.IndexCompression;
import io.smnode.post.prove.LabelQualifier;
import io.smnode.post.prove.Proof;
import io.smnode.post.prove.ProvingDifficulty;
import java.util.Optional;

/**
 * Verifies PoST proofs (spec 08 §3, post-rs {@code Verifier::verify}), checks in the reference's order: unit bounds,
 * nonce group, k2pow, indices length, difficulty, then the 8/56 test on labels recomputed at the selected indices.
 * Reference behaviour kept on purpose (consensus): indices are not checked for uniqueness nor for being below the
 * number of labels, and {@code One(i)} with {@code i ≥ K2} selects nothing and passes. Hostile proofs yield a typed
 * {@link VerificationResult}, never an exception. Not thread-safe when its k2pow verifier is not.
 */
public final class PostVerifier {
    private static final int NONCES_PER_GROUP = 16;
    private static final long MAX_NONCE_GROUP = 255;

    private final LabelGeneratorFactory labels;
    private final K2PowVerifier pow;

    public PostVerifier(LabelGeneratorFactory labels, K2PowVerifier pow) {
        this.labels = labels;
        this.pow = pow;
    }

    public VerificationResult verify(Proof proof, ProofMetadata meta, VerifyingParams params, VerifyMode mode) {
        long units = meta.numUnits();
        if (units < params.minNumUnits() || units == 0) {
            return new VerificationResult.NumUnitsTooSmall(Math.max(1, params.minNumUnits()), units);
        }
        if (units > params.maxNumUnits()) {
            return new VerificationResult.NumUnitsTooLarge(params.maxNumUnits(), units);
        }
        long group = proof.nonce() / NONCES_PER_GROUP;
        if (group > MAX_NONCE_GROUP) {
            return new VerificationResult.NonceGroupOutOfBounds(group);
        }
        PowThreshold threshold = params.powDifficulty().scaledBy(units);
        if (!pow.isValid(proof.pow(), (int) group, meta.challenge(), meta.nodeId(), threshold)) {
            return new VerificationResult.InvalidPow();
        }
        // Wrapping multiply, like the reference's release build (cannot wrap with u32 units × 2^32 labels).
        long numLabels = units * params.labelsPerUnit();
        int bits = IndexCompression.requiredBits(numLabels);
        long expectedLen = IndexCompression.expectedBytes(bits, params.k2());
        if (proof.indices().length() != expectedLen) {
            return new VerificationResult.InvalidIndicesLen(expectedLen, proof.indices().length());
        }
        Optional<ProvingDifficulty> difficulty = ProvingDifficulty.of(params.k1(), numLabels);
        if (difficulty.isEmpty()) {
            return new VerificationResult.InvalidNumLabels(numLabels, params.k1());
        }
        long[] indices = IndexCompression.decompress(proof.indices().toByteArray(), bits,
                (int) Math.min(params.k2(), Integer.MAX_VALUE));
        return checkLabels(proof, meta, params, mode, difficulty.get(), indices);
    }

    private VerificationResult checkLabels(Proof proof, ProofMetadata meta, VerifyingParams params, VerifyMode mode,
            ProvingDifficulty difficulty, long[] indices) {
        int[] selected = select(mode, indices.length, params.k2(), meta);
        if (selected.length == 0) {
            return new VerificationResult.Valid();
        }
        Hash32 commitment = Commitment.of(meta.nodeId(), meta.commitmentAtxId());
        LabelGenerator generator = labels.create(commitment, params.scryptN());
        LabelQualifier test = LabelQualifier.of(meta.challenge(), (int) proof.nonce(), proof.pow(), difficulty);
        byte[] output = new byte[LabelGenerator.OUTPUT_SIZE];
        for (int indexId : selected) {
            long index = indices[indexId];
            generator.output(index, output, 0);
            switch (test.check(output, 0)) {
                case QUALIFIES -> { }
                case MSB_ABOVE_DIFFICULTY -> {
                    return new VerificationResult.InvalidMsb(indexId, index);
                }
                case LSB_NOT_BELOW_DIFFICULTY -> {
                    return new VerificationResult.InvalidLsb(indexId, index);
                }
            }
        }
        return new VerificationResult.Valid();
    }

    /** The positions (index ids) to check, in checking order. */
    private static int[] select(VerifyMode mode, int available, long k2, ProofMetadata meta) {
        if (mode instanceof VerifyMode.One one) {
            return one.indexId() < available ? new int[] {one.indexId()} : new int[0];
        }
        if (mode instanceof VerifyMode.Subset subset && subset.k3() != k2) {
            return RandomSelection.pick(available, subset.k3(), subset.seed().toByteArray(),
                    meta.nodeId().toByteArray(), meta.challenge().toByteArray());
        }
        int[] all = new int[available];
        for (int i = 0; i < available; i++) {
            all[i] = i;
        }
        return all;
    }
}
