package io.smnode.activation;

import io.smnode.activation.v2.ActivationTxV2;
import io.smnode.activation.v2.NIPostV2;
import io.smnode.core.types.Hash32;
import java.util.List;

/**
 * The PoET proofs an ATX names (by reference): what a node that received the ATX must hold before it can validate
 * it, and fetches from peers ({@code hs/1}, hint {@code POETDB}) when it does not.
 */
public final class AtxPoetRefs {
    private AtxPoetRefs() {}

    public static List<Hash32> of(ActivationTx atx) {
        if (atx instanceof ActivationTxV1 v1) {
            return v1.inner().nipost().flatMap(NIPostV1::postMetadata).flatMap(PostMetadataV1::poetRef)
                    .map(List::of).orElse(List.of());
        }
        if (atx instanceof ActivationTxV2 v2) {
            return v2.niposts().stream().map(NIPostV2::challenge).distinct().toList();
        }
        return List.of();
    }
}
