package io.smnode.actors.atx;

import io.smnode.activation.AtxDecoder;
import io.smnode.activation.AtxHistory;
import io.smnode.activation.AtxParams;
import io.smnode.activation.AtxValidation;
import io.smnode.activation.AtxValidator;
import io.smnode.activation.MerkleProofV1;
import io.smnode.activation.PoetMembershipCheck;
import io.smnode.activation.VersionedAtxValidator;
import io.smnode.activation.marriage.EquivocationSetStore;
import io.smnode.activation.v2.AtxValidatorV2;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash32;
import io.smnode.post.k2pow.K2PowVerifier;
import io.smnode.post.label.ScryptJane;
import io.smnode.post.verify.PostVerifier;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * The real ATX check: an {@link AtxValidator} with the parameters the job carries, a PoST verifier of the worker's
 * own (a k2pow checker from the member's one RandomX) and the job's PoET facts. The consensus member's own workers
 * and the workers of validation members use exactly this for v1 ATXs. A validator is kept while the parameters stay
 * the same (they change only if the consensus member restarts with another configuration).
 *
 * <p>On the member that holds the store ({@link Store} given), store-bound jobs (v2 ATXs, bytes that are no v1 ATX)
 * are validated by the node's {@link VersionedAtxValidator} against the store itself.
 */
public final class ValidatorChecks implements AtxCheck.Factory {
    /**
     * What the store's own member validates store-bound jobs with.
     *
     * @param poets the PoET proofs the node kept
     */
    public record Store(AtxDecoder decoder, AtxParams params, PoetMembershipCheck poets, AtxHistory atxs,
                        EquivocationSetStore sets) {}

    private final Supplier<K2PowVerifier> k2pow;
    private final Optional<Store> store;

    /**
     * @param k2pow a k2pow checker for one worker thread, made at the worker's first job (a member whose workers
     *              only stand by never pays for its RandomX)
     * @param store present on the member that holds the store
     */
    public ValidatorChecks(Supplier<K2PowVerifier> k2pow, Optional<Store> store) {
        this.k2pow = k2pow;
        this.store = store;
    }

    @Override
    public AtxCheck create() {
        return new Check(k2pow, store);
    }

    /** One worker's validators; the PoET facts the v1 one reads are those of the job in hand. */
    private static final class Check implements AtxCheck, PoetMembershipCheck {
        private final Supplier<K2PowVerifier> k2pow;
        private final Optional<Store> store;
        private PostVerifier verifier;
        private AtxParams params;
        private AtxValidator validator;
        private VersionedAtxValidator versioned;
        private JobFacts current;

        Check(Supplier<K2PowVerifier> k2pow, Optional<Store> store) {
            this.k2pow = k2pow;
            this.store = store;
        }

        @Override
        public AtxValidation validate(byte[] bytes, Optional<Hash32> expectedId, EpochId currentEpoch,
                                      JobFacts facts) {
            if (verifier == null) {
                verifier = new PostVerifier(ScryptJane.reusingFactory(), k2pow.get());
            }
            if (facts.storeBound()) {
                Store s = store.orElseThrow(() -> new JobFacts.Unresolved(
                        "a store-bound validation job reached a member without the store"));
                if (versioned == null) {
                    versioned = new VersionedAtxValidator(s.decoder(), new AtxValidator(s.params(), verifier,
                            s.poets()), new AtxValidatorV2(s.params(), verifier, s.poets()));
                }
                return versioned.validate(bytes, expectedId, currentEpoch, s.atxs(), s.sets(), false);
            }
            if (!facts.params().equals(params)) {
                params = facts.params();
                validator = new AtxValidator(params, verifier, this);
            }
            current = facts;
            try {
                return validator.validate(bytes, expectedId, currentEpoch, facts);
            } finally {
                current = null;
            }
        }

        @Override
        public OptionalLong leafCount(Hash32 poetRef) {
            return current.leafCount(poetRef);
        }

        @Override
        public boolean isMember(Hash32 poetRef, Hash32 challengeHash, MerkleProofV1 path) {
            return current.isMember(poetRef, challengeHash, path);
        }

        @Override
        public boolean areMembers(Hash32 poetRef, long[] sortedLeafIndices, List<Hash32> challengeHashes,
                                  List<Hash32> nodes) {
            return current.areMembers(poetRef, sortedLeafIndices, challengeHashes, nodes);
        }
    }
}
