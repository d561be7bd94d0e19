package io.smnode.activation.builder;

import io.smnode.activation.v2.MarriageCertificate;
import io.smnode.core.types.EpochId;
import java.util.List;

/**
 * An identity's plan to marry (spec 11 §4): its first v2 ATX published in {@code marryFrom} or later carries its
 * own certificate and then {@code partners}' (each signed by the partner over this identity's id, referencing an
 * ATX of the partner), in that order, which becomes the set order. Marriage is permanent: once an ATX of this
 * builder for {@code marryFrom} or later was published, no later one carries certificates again.
 */
public record MarriagePlan(EpochId marryFrom, List<MarriageCertificate> partners) {
    public MarriagePlan {
        partners = List.copyOf(partners);
        if (partners.isEmpty()) {
            throw new IllegalArgumentException("a marriage needs at least one partner");
        }
    }
}
