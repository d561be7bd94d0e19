package io.smnode.activation.malfeasance;

import io.smnode.activation.ActivationTx;
import io.smnode.activation.ActivationTxV1;
import io.smnode.activation.AtxDecoder;
import io.smnode.activation.AtxHistory;
import io.smnode.activation.IdentityPost;
import io.smnode.activation.StoredAtx;
import io.smnode.activation.marriage.EquivocationSetStore;
import io.smnode.activation.marriage.EquivocationSets;
import io.smnode.activation.marriage.Marriage;
import io.smnode.activation.v2.ActivationTxV2;
import io.smnode.activation.v2.InvalidPostFinding;
import io.smnode.activation.v2.ValidatedAtxV2;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.NodeId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the malfeasance a new ATX shows against what is stored (spec 11 §5.3 step 4, §5.4), as the reference's
 * handlers do while storing it, and makes the proofs: double marry, double merge, invalid previous (v2/v2 when the
 * colliding ATX is v2, else v2/v1), in that order, the first hit only; invalid PoSTs from validation's findings;
 * and, for a late v1 ATX, the v2-format invalid previous against a v2 ATX. Reads only: the caller checks before it
 * writes, which sees the same rows the reference sees after its inserts (this ATX is excluded everywhere and its
 * own marriages would only point back at it). Stored blobs are decoded by their publish epoch.
 */
public final class AtxMalfeasanceDetector {
    private final AtxDecoder decoder;

    public AtxMalfeasanceDetector(AtxDecoder decoder) {
        this.decoder = decoder;
    }

    /**
     * What storing a v2 ATX must do about malfeasance.
     *
     * @param proof   the first misbehaviour found, with its proof
     * @param refusal set when the reference's storing transaction would fail (it cannot build the proof it
     *                needs, e.g. two merged ATXs of one signer): the ATX is then not stored
     */
    public record Finding(Optional<Detected> proof, Optional<String> refusal) {
        static final Finding NONE = new Finding(Optional.empty(), Optional.empty());

        static Finding of(Detected d) {
            return new Finding(Optional.of(d), Optional.empty());
        }

        static Finding refused(String why) {
            return new Finding(Optional.empty(), Optional.of(why));
        }
    }

    /** Double marry, double merge, invalid previous: the first that {@code found} shows. */
    public Finding check(ValidatedAtxV2 found, AtxHistory store, EquivocationSetStore sets) {
        Finding f = doubleMarry(found, store, sets);
        if (f.proof().isPresent() || f.refusal().isPresent()) {
            return f;
        }
        f = doubleMerge(found.atx(), store);
        if (f.proof().isPresent() || f.refusal().isPresent()) {
            return f;
        }
        return invalidPrevious(found, store);
    }

    /** The InvalidPost proofs of validation's findings (the ATX is stored regardless). */
    public List<Detected> invalidPosts(ValidatedAtxV2 found, AtxHistory store) {
        List<Detected> out = new ArrayList<>();
        ActivationTxV2 atx = found.atx();
        Optional<ActivationTxV2> marriage = atx.marriageAtx().flatMap(id -> v2(store, id));
        for (InvalidPostFinding f : found.invalidPosts()) {
            ProofInvalidPost.of(atx, f.commitment(), f.identity(), f.nipostIndex(), f.invalidIndex(), f.validIndex(),
                    marriage, id -> smesherOf(store, id)).ifPresent(p -> out.add(new Detected(f.identity(), p)));
        }
        return out;
    }

    /**
     * A late v1 ATX whose previous ATX a stored v2 ATX of the same identity already declared (PR #6581): the
     * v2-format proof; v1-vs-v1 collisions stay the legacy handler's.
     */
    public Optional<Detected> checkV1(ActivationTxV1 atx, AtxHistory store) {
        NodeId id = atx.smesherId();
        for (AtxId other : store.declaringPrevious(atx.challenge().prevAtx(), id)) {
            if (other.equals(atx.id())) {
                continue;
            }
            Optional<ActivationTxV2> v2 = v2(store, other);
            if (v2.isPresent()) {
                Optional<ProofInvalidPrevAtxV1> p = ProofInvalidPrevAtxV1.of(v2.get(), atx, id,
                        m -> v2(store, m), a -> smesherOf(store, a));
                if (p.isPresent()) {
                    return Optional.of(new Detected(id, p.get()));
                }
            }
        }
        return Optional.empty();
    }

    private Finding doubleMarry(ValidatedAtxV2 found, AtxHistory store, EquivocationSetStore sets) {
        ActivationTxV2 atx = found.atx();
        for (EquivocationSets.Certified c : found.marriages()) {
            Optional<Marriage> m = sets.marriageOf(c.identity());
            if (m.isEmpty() || m.get().marriageAtx().equals(atx.id())) {
                continue;
            }
            Optional<ActivationTxV2> other = v2(store, m.get().marriageAtx());
            if (other.isEmpty()) {
                return Finding.refused("the marriage ATX " + m.get().marriageAtx().hex() + " of "
                        + c.identity().hex() + " is not a stored v2 ATX");
            }
            Optional<ProofDoubleMarry> p = ProofDoubleMarry.of(atx, other.get(), c.identity(), a -> smesherOf(store, a));
            if (p.isEmpty()) {
                return Finding.refused("no double-marry proof for " + c.identity().hex());
            }
            return Finding.of(new Detected(c.identity(), p.get()));
        }
        return Finding.NONE;
    }

    private Finding doubleMerge(ActivationTxV2 atx, AtxHistory store) {
        if (atx.marriageAtx().isEmpty()) {
            return Finding.NONE;
        }
        Optional<AtxId> other = store.mergedUnder(atx.marriageAtx().get(), atx.publishEpoch()).stream()
                .filter(id -> !id.equals(atx.id())).findFirst();
        if (other.isEmpty()) {
            return Finding.NONE;
        }
        Optional<ActivationTxV2> otherAtx = v2(store, other.get());
        Optional<ActivationTxV2> marriage = v2(store, atx.marriageAtx().get());
        Optional<ProofDoubleMerge> p = otherAtx.isEmpty() || marriage.isEmpty() ? Optional.empty()
                : ProofDoubleMerge.of(atx, otherAtx.get(), marriage.get(), a -> smesherOf(store, a));
        if (p.isEmpty()) {
            return Finding.refused("two merged ATXs under " + atx.marriageAtx().get().hex() + " in epoch "
                    + atx.publishEpoch() + " without a double-merge proof (same signer?)");
        }
        return Finding.of(new Detected(atx.smesherId(), p.get()));
    }

    private Finding invalidPrevious(ValidatedAtxV2 found, AtxHistory store) {
        ActivationTxV2 atx = found.atx();
        for (IdentityPost post : found.posts()) {
            NodeId id = post.identity();
            AtxId expected = store.latestWithPost(id, atx.id(), atx.publishEpoch()).orElse(AtxId.ZERO);
            if (expected.equals(post.previous())) {
                continue;
            }
            ActivationTxV1 v1 = null;
            for (AtxId collision : store.declaringPrevious(post.previous(), id)) {
                if (collision.equals(atx.id())) {
                    continue;
                }
                Optional<ActivationTx> other = decoded(store, collision);
                if (other.isPresent() && other.get() instanceof ActivationTxV2 v2) {
                    Optional<ProofInvalidPrevAtxV2> p = ProofInvalidPrevAtxV2.of(atx, v2, id, m -> v2(store, m),
                            a -> smesherOf(store, a));
                    if (p.isPresent()) {
                        return Finding.of(new Detected(id, p.get()));
                    }
                } else if (other.isPresent() && v1 == null) {
                    v1 = (ActivationTxV1) other.get();
                }
            }
            if (v1 != null) {
                Optional<ProofInvalidPrevAtxV1> p = ProofInvalidPrevAtxV1.of(atx, v1, id, m -> v2(store, m),
                        a -> smesherOf(store, a));
                if (p.isPresent()) {
                    return Finding.of(new Detected(id, p.get()));
                }
            }
        }
        return Finding.NONE;
    }

    private Optional<ActivationTx> decoded(AtxHistory store, AtxId id) {
        Optional<Bytes> blob = store.blob(id);
        if (blob.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(decoder.decode(blob.get().toByteArray()));
        } catch (AtxDecoder.MalformedAtxException e) {
            return Optional.empty();
        }
    }

    private Optional<ActivationTxV2> v2(AtxHistory store, AtxId id) {
        return decoded(store, id).filter(a -> a instanceof ActivationTxV2).map(a -> (ActivationTxV2) a);
    }

    private static Optional<NodeId> smesherOf(AtxHistory store, AtxId id) {
        return store.atx(id).map(StoredAtx::smesherId);
    }
}
