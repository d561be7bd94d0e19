package io.smnode.activation.v2;

import io.smnode.activation.IdentityPost;
import io.smnode.activation.marriage.EquivocationSets;
import java.util.List;

/**
 * What v2 validation found beyond the header, for the handler to store and check (spec 11 §5.3): the decoded ATX,
 * one PoST row per identity (in the order the ATX lists them), the certificates of a marriage ATX with the
 * identities they resolved to (in certificate order), and the PoSTs found invalid although some label verifies.
 */
public record ValidatedAtxV2(ActivationTxV2 atx, List<IdentityPost> posts, List<EquivocationSets.Certified> marriages,
                             List<InvalidPostFinding> invalidPosts) {
    public ValidatedAtxV2 {
        posts = List.copyOf(posts);
        marriages = List.copyOf(marriages);
        invalidPosts = List.copyOf(invalidPosts);
    }
}
