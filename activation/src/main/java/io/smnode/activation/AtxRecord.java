package io.smnode.activation;

import io.smnode.activation.v2.ActivationTxV2;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import java.util.List;
import java.util.Optional;

/**
 * Everything a node stores for one valid ATX of either version, in one atomic write: what later validation reads
 * ({@link StoredAtx}), the bytes it serves, the commitment an initial ATX records, one {@link IdentityPost} per
 * identity with a PoST in it, and the marriage ATX a merged ATX names. The store adapters write exactly this.
 */
public record AtxRecord(AtxId id, StoredAtx atx, Bytes blob, Optional<AtxId> commitment, List<IdentityPost> posts,
                        Optional<AtxId> marriageAtx) {
    public AtxRecord {
        posts = List.copyOf(posts);
    }

    public EpochId publishEpoch() {
        return atx.publishEpoch();
    }

    /** A valid v1 ATX: its signer's one PoST, declaring its previous ATX and its units. */
    public static AtxRecord ofV1(ActivationTxV1 atx, AtxHeader header) {
        long units = atx.inner().numUnits();
        return new AtxRecord(header.id(),
                new StoredAtx(header.smesherId(), header.publishEpoch(), header.sequence(), units, header.vrfNonce(),
                        header.tickHeight()),
                Bytes.wrap(atx.encode()),
                atx.challenge().commitmentAtx().isPresent() ? Optional.of(header.commitmentAtx()) : Optional.empty(),
                List.of(new IdentityPost(header.smesherId(), atx.challenge().prevAtx(), 0, units)),
                Optional.empty());
    }

    /**
     * A valid v2 ATX with the identities validation found in it. Its stored units are the declared total (what
     * the v2 reference records as the ATX's units for a later v1 reader; no v1 ATX can follow a v2 one).
     */
    public static AtxRecord ofV2(ActivationTxV2 atx, AtxHeader header, List<IdentityPost> posts) {
        return new AtxRecord(header.id(),
                new StoredAtx(header.smesherId(), header.publishEpoch(), 0, atx.totalNumUnits(), header.vrfNonce(),
                        header.tickHeight()),
                Bytes.wrap(atx.encode()),
                atx.initial().map(i -> i.commitmentAtx()),
                posts,
                atx.marriageAtx());
    }
}
