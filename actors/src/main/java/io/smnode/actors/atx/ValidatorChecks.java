package io.smnode.actors.atx;

import io.smnode.activation.AtxParams;
import io.smnode.activation.AtxValidation;
import io.smnode.activation.AtxValidator;
import io.smnode.activation.MerkleProofV1;
import io.smnode.activation.PoetMembershipCheck;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash32;
import io.smnode.post.k2pow.RandomX;
import io.smnode.post.k2pow.RandomXK2PowVerifier;
import io.smnode.post.label.ScryptJane;
import io.smnode.post.verify.PostVerifier;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * The real ATX check: an {@link AtxValidator} with the parameters the job carries, a PoST verifier of the worker's
 * own (a RandomX VM over the member's one RandomX cache) and the job's PoET facts. The consensus member's own
 * workers and the workers of validation members use exactly this. A validator is kept while the parameters stay
 * the same (they change only if the consensus member restarts with another configuration).
 */
public final class ValidatorChecks implements AtxCheck.Factory {
    private final Supplier<RandomX> randomX;

    /** @param randomX the member's RandomX (light mode), made on first use by whichever worker needs it first */
    public ValidatorChecks(Supplier<RandomX> randomX) {
        this.randomX = randomX;
    }

    @Override
    public AtxCheck create() {
        return new Check(randomX);
    }

    /**
     * One worker's validator; the PoET facts it reads are those of the job in hand. Its RandomX VM (and the member's
     * RandomX cache, a second or two and 256 MiB) is made at the first job: a consensus member whose workers only
     * stand by for validation members never pays for it.
     */
    private static final class Check implements AtxCheck, PoetMembershipCheck {
        private final Supplier<RandomX> randomX;
        private PostVerifier verifier;
        private AtxParams params;
        private AtxValidator validator;
        private JobFacts current;

        Check(Supplier<RandomX> randomX) {
            this.randomX = randomX;
        }

        @Override
        public AtxValidation validate(byte[] bytes, Optional<Hash32> expectedId, EpochId currentEpoch,
                                      JobFacts facts) {
            if (verifier == null) {
                verifier = new PostVerifier(ScryptJane.FACTORY, new RandomXK2PowVerifier(randomX.get().newVm()));
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
