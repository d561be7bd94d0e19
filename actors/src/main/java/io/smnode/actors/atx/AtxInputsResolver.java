package io.smnode.actors.atx;

import io.smnode.activation.ActivationTx;
import io.smnode.activation.ActivationTxV1;
import io.smnode.activation.AtxDecoder;
import io.smnode.activation.AtxParams;
import io.smnode.activation.AtxStore;
import io.smnode.activation.NIPostChallengeV1;
import io.smnode.activation.NIPostV1;
import io.smnode.activation.PostMetadataV1;
import io.smnode.core.codec.ScaleException;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.Hash32;
import io.smnode.poet.PoetProofMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Resolves, on the member that holds the store, what validating a job's ATX will read (see {@link AtxDependencies}):
 * the ATX's own id and the previous, positioning and commitment ATXs it names, its smesher's recorded commitment and
 * the PoET proof of its NIPoST. With the network's {@link AtxDecoder}, v2 ATXs and bytes that are no v1 ATX are
 * {@linkplain AtxInputs#storeBound() store-bound}; without one (tests' checks) every job travels, and bytes that do
 * not decode as an ATX need nothing (the validator refuses them first).
 * Used from the validation pool's thread only; resolving is a handful of point reads.
 */
public final class AtxInputsResolver {
    /** Round statements recomputed from a round's members are kept for this many recent proofs. */
    private static final int STATEMENTS_KEPT = 64;

    /** The PoET proofs the node holds (from its PoET or from peers), by reference. */
    @FunctionalInterface
    public interface PoetProofs {
        Optional<PoetProofMessage> proof(Hash32 ref);
    }

    private final AtxStore store;
    private final PoetProofs poets;
    private final Optional<AtxParams> params;
    private final Optional<AtxDecoder> decoder;
    private final Map<Hash32, AtxDependencies.PoetFact> statements = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Hash32, AtxDependencies.PoetFact> eldest) {
            return size() > STATEMENTS_KEPT;
        }
    };

    /** @param decoder the network's ATX versions; empty: every job is taken as v1 and travels */
    public AtxInputsResolver(AtxStore store, PoetProofs poets, Optional<AtxParams> params,
                             Optional<AtxDecoder> decoder) {
        this.store = store;
        this.poets = poets;
        this.params = params;
        this.decoder = decoder;
    }

    /** A resolver over {@code store} alone: no PoET proof is known and no parameters travel (for tests' checks). */
    public static AtxInputsResolver storeOnly(AtxStore store) {
        return new AtxInputsResolver(store, ref -> Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Whether {@code job} must be validated by a worker of this member, against the store itself. */
    public boolean storeBound(ValidationJob job) {
        return decoder.isPresent() && v1(job).isEmpty();
    }

    public AtxInputs resolve(ValidationJob job) {
        Optional<ActivationTxV1> decoded = v1(job);
        if (decoded.isEmpty()) {
            return decoder.isPresent() ? AtxInputs.storeBound(params) : new AtxInputs(params, AtxDependencies.NONE);
        }
        ActivationTxV1 atx = decoded.get();
        NIPostChallengeV1 challenge = atx.challenge();
        Set<AtxId> ids = new LinkedHashSet<>();
        ids.add(atx.id());
        for (AtxId id : List.of(challenge.prevAtx(), challenge.positioningAtx())) {
            if (!id.isZero()) {
                ids.add(id);
            }
        }
        challenge.commitmentAtx().filter(c -> !c.isZero()).ifPresent(ids::add);
        List<AtxDependencies.AtxFact> atxs = new ArrayList<>(ids.size());
        ids.forEach(id -> atxs.add(new AtxDependencies.AtxFact(id, store.atx(id))));
        List<AtxDependencies.CommitmentFact> commitments = List.of(
                new AtxDependencies.CommitmentFact(atx.smesherId(), store.commitmentOf(atx.smesherId())));
        List<AtxDependencies.PoetFact> poet = atx.inner().nipost().flatMap(NIPostV1::postMetadata)
                .flatMap(PostMetadataV1::poetRef).map(ref -> List.of(poetFact(ref))).orElse(List.of());
        return new AtxInputs(params, new AtxDependencies(atxs, commitments, poet));
    }

    /** The job's ATX when it is a v1 ATX of this network. */
    private Optional<ActivationTxV1> v1(ValidationJob job) {
        byte[] bytes = job.atx().toByteArray();
        try {
            if (decoder.isPresent()) {
                ActivationTx atx = decoder.get().decode(bytes);
                return atx instanceof ActivationTxV1 v1 ? Optional.of(v1) : Optional.empty();
            }
            return Optional.of(ActivationTxV1.decode(bytes));
        } catch (AtxDecoder.MalformedAtxException | ScaleException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private AtxDependencies.PoetFact poetFact(Hash32 ref) {
        AtxDependencies.PoetFact known = statements.get(ref);
        if (known != null) {
            return known;
        }
        Optional<PoetProofMessage> proof = poets.proof(ref);
        if (proof.isEmpty()) {
            return AtxDependencies.PoetFact.unknown(ref); // not cached: it may be fetched any moment
        }
        AtxDependencies.PoetFact fact = new AtxDependencies.PoetFact(ref,
                OptionalLong.of(proof.get().proof().leafCount()), Optional.of(Bytes.of(
                        proof.get().statement().toByteArray())));
        statements.put(ref, fact);
        return fact;
    }
}
