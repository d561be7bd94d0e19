package io.smnode.actors.post;

import io.smnode.core.types.Hash32;
import io.smnode.activation.PostV1;

/**
 * Blocking PoST proving over the identity's data (post-gpu's {@code Prover}): called on the proving dispatcher only,
 * one proof at a time.
 */
@FunctionalInterface
public interface PostProving {
    PostV1 prove(Hash32 challenge) throws Exception;
}
