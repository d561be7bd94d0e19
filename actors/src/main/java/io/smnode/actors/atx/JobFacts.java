package io.smnode.actors.atx;

import io.smnode.activation.AtxParams;
import io.smnode.activation.AtxStore;
import io.smnode.activation.MerkleProofV1;
import io.smnode.activation.PoetMembershipCheck;
import io.smnode.activation.StoredAtx;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.NodeId;
import io.smnode.persistence.atx.StoredPoetProofs;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A job's {@link AtxInputs} as the validator reads them: the ATX store and PoET proof ports answered from the facts
 * the job carries. Asking about anything the consensus member did not resolve is a bug in resolution, not an unknown
 * dependency: it throws {@link Unresolved} rather than answer "not known" (which would ignore a valid ATX).
 */
public final class JobFacts implements AtxStore, PoetMembershipCheck {
    private final Optional<AtxParams> params;
    private final boolean storeBound;
    private final Map<AtxId, Optional<StoredAtx>> atxs = new HashMap<>();
    private final Map<NodeId, Optional<AtxId>> commitments = new HashMap<>();
    private final Map<Hash32, AtxDependencies.PoetFact> poets = new HashMap<>();

    public JobFacts(AtxInputs inputs) {
        this.params = inputs.params();
        this.storeBound = inputs.storeBound();
        inputs.dependencies().atxs().forEach(a -> atxs.put(a.id(), a.stored()));
        inputs.dependencies().commitments().forEach(c -> commitments.put(c.smesher(), c.commitment()));
        inputs.dependencies().poetProofs().forEach(p -> poets.put(p.ref(), p));
    }

    /** The network's validation parameters the job was handed out with. */
    public AtxParams params() {
        return params.orElseThrow(() -> new Unresolved("the job carries no validation parameters"));
    }

    /** Whether the job is validated against the store itself (see {@link AtxInputs#storeBound()}). */
    public boolean storeBound() {
        return storeBound;
    }

    @Override
    public boolean contains(AtxId id) {
        return atx(id).isPresent();
    }

    @Override
    public Optional<StoredAtx> atx(AtxId id) {
        Optional<StoredAtx> fact = atxs.get(id);
        if (fact == null) {
            throw new Unresolved("ATX " + id.hex() + " was not resolved for this job");
        }
        return fact;
    }

    @Override
    public Optional<AtxId> commitmentOf(NodeId smesher) {
        Optional<AtxId> fact = commitments.get(smesher);
        if (fact == null) {
            throw new Unresolved("the commitment of " + smesher.hex() + " was not resolved for this job");
        }
        return fact;
    }

    @Override
    public OptionalLong leafCount(Hash32 poetRef) {
        return poet(poetRef).leafCount();
    }

    @Override
    public boolean isMember(Hash32 poetRef, Hash32 challengeHash, MerkleProofV1 path) {
        Optional<Bytes> statement = poet(poetRef).statement();
        return statement.isPresent() && StoredPoetProofs.isMember(statement.get(), challengeHash, path);
    }

    @Override
    public boolean areMembers(Hash32 poetRef, long[] sortedLeafIndices, List<Hash32> challengeHashes,
                              List<Hash32> nodes) {
        Optional<Bytes> statement = poet(poetRef).statement();
        return statement.isPresent()
                && StoredPoetProofs.areMembers(statement.get(), sortedLeafIndices, challengeHashes, nodes);
    }

    private AtxDependencies.PoetFact poet(Hash32 ref) {
        AtxDependencies.PoetFact fact = poets.get(ref);
        if (fact == null) {
            throw new Unresolved("PoET proof " + ref.hex() + " was not resolved for this job");
        }
        return fact;
    }

    /** The validator asked for a fact the job does not carry. */
    public static final class Unresolved extends IllegalStateException {
        public Unresolved(String message) {
            super(message);
        }
    }
}
