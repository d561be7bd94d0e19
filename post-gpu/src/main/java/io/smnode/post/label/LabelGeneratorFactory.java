package io.smnode.post.label;

import io.smnode.core.types.Hash32;

/** Makes label generators; the prover's verifier and the initializer take one, so a backend (CPU, CUDA) can be chosen. */
@FunctionalInterface
public interface LabelGeneratorFactory {
    /** @throws IllegalArgumentException when n is not a power of two of at least 2 */
    LabelGenerator create(Hash32 commitment, int n);
}
