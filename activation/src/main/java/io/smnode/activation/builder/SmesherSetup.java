package io.smnode.activation.builder;

import io.smnode.core.signing.EdSigner;
import io.smnode.core.types.Address;
import io.smnode.core.types.AtxId;
import io.smnode.activation.PostV1;
import java.util.Optional;

/**
 * What spec 02 §5 step 1 made once for an identity and the builder only reads: the signer, where rewards go, the
 * PoST data's size and commitment, its VRF nonce and the initial PoST proof over the zero challenge. The caller
 * keeps these (the key is never part of the builder's persisted state).
 *
 * @param numUnits      an unsigned 32-bit count
 * @param labelsPerUnit the bits of an unsigned 64-bit value
 * @param vrfNonce      the bits of an unsigned 64-bit label index
 * @param marriage      certificates the identity's next v2 ATX carries to marry (empty: it stays unmarried)
 */
public record SmesherSetup(EdSigner signer, Address coinbase, long numUnits, long labelsPerUnit, AtxId commitmentAtx,
                           long vrfNonce, PostV1 initialPost, Optional<MarriagePlan> marriage) {
    /** An identity that does not marry. */
    public SmesherSetup(EdSigner signer, Address coinbase, long numUnits, long labelsPerUnit, AtxId commitmentAtx,
                        long vrfNonce, PostV1 initialPost) {
        this(signer, coinbase, numUnits, labelsPerUnit, commitmentAtx, vrfNonce, initialPost, Optional.empty());
    }

    /** The same identity, marrying as {@code plan} says. */
    public SmesherSetup marrying(MarriagePlan plan) {
        return new SmesherSetup(signer, coinbase, numUnits, labelsPerUnit, commitmentAtx, vrfNonce, initialPost,
                Optional.of(plan));
    }
}
