package io.smnode.activation;

import io.smnode.activation.marriage.EquivocationSetStore;
import io.smnode.activation.v2.ActivationTxV2;
import io.smnode.activation.v2.AtxValidatorV2;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash32;
import java.util.Optional;

/**
 * The ATX handler's one entry point for received bytes of either version (spec 11 §1): decode by the publish
 * epoch ({@link AtxDecoder}, whose refusals carry their rule), check a fetched ATX's id against the requested
 * hash, then validate with the v1 or the v2 validator. Both answer an {@link AtxValidation}, so the handler treats
 * the versions alike. Single-threaded, like the validators it holds.
 */
public final class VersionedAtxValidator {
    private final AtxDecoder decoder;
    private final AtxValidator v1;
    private final AtxValidatorV2 v2;

    public VersionedAtxValidator(AtxDecoder decoder, AtxValidator v1, AtxValidatorV2 v2) {
        this.decoder = decoder;
        this.v1 = v1;
        this.v2 = v2;
    }

    /**
     * Validates gossiped ({@code expectedId} empty) or fetched bytes ({@code expectedId} = the requested hash).
     *
     * @param local whether this node built the ATX (its own invalid PoST is refused, not proven)
     */
    public AtxValidation validate(byte[] bytes, Optional<Hash32> expectedId, EpochId currentEpoch, AtxHistory store,
                                  EquivocationSetStore sets, boolean local) {
        ActivationTx atx;
        try {
            atx = decoder.decode(bytes);
        } catch (AtxDecoder.MalformedAtxException e) {
            return AtxValidation.reject(e.rule(), e.getMessage());
        }
        if (expectedId.isPresent() && !expectedId.get().equals(Hash32.of(atx.id().toByteArray()))) {
            return AtxValidation.reject(AtxRule.WRONG_HASH, "requested " + expectedId.get().hex() + ", got "
                    + atx.id().hex());
        }
        if (atx instanceof ActivationTxV2 a) {
            return v2.validate(a, currentEpoch, store, sets, local);
        }
        return v1.validate((ActivationTxV1) atx, currentEpoch, store);
    }
}
