package io.smnode.mesh.pipeline;

import io.smnode.core.codec.Scale;
import io.smnode.core.codec.ScaleException;
import io.smnode.core.signing.Domain;
import io.smnode.core.signing.EdVerifier;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.TxId;
import io.smnode.core.verdict.CommonRule;
import io.smnode.core.verdict.Verdict;
import io.smnode.mesh.proposal.Ballot;
import io.smnode.mesh.proposal.BallotRule;
import io.smnode.mesh.proposal.BallotValidator;
import io.smnode.mesh.proposal.InnerBallot;
import io.smnode.mesh.proposal.Proposal;
import io.smnode.mesh.store.MeshReads;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The checks of a proposal or a fetched ballot that need no single-writer state (spec 03 §5): decoding, the layer
 * window, signatures, the ballot's epoch data, votes and eligibility (VRF), distinct transaction ids. They read the
 * store and the ATX index only, so a node runs them in parallel, off the actors that own the tortoise and the stored
 * proposals. What depends on that state (known, votes decode, equivocation) is {@link ProposalIntake}'s.
 */
public final class ProposalChecks {
    private final PipelineConfig config;
    private final MeshReads store;
    private final EdVerifier verifier;
    private final BallotValidator ballots;
    private final StoreBallotContext context;

    public ProposalChecks(PipelineConfig config, AtxReads atxs, MeshReads store) {
        this.config = Objects.requireNonNull(config, "config");
        this.store = Objects.requireNonNull(store, "store");
        this.verifier = new EdVerifier(config.signingPrefix());
        this.ballots = new BallotValidator(config.ballotParams(), config.slots());
        this.context = new StoreBallotContext(config, atxs, store);
    }

    /** A check's result: the verdict, the decoded object when it passed, and what to fetch when it waits. */
    public record Checked<T>(Verdict verdict, Optional<T> value, Optional<Decision.Fetch> missing) {
        public Checked {
            Objects.requireNonNull(verdict, "verdict");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(missing, "missing");
        }

        static <T> Checked<T> refused(Verdict verdict) {
            return new Checked<>(verdict, Optional.empty(), Optional.empty());
        }
    }

    /**
     * A proposal from gossip ({@code window}: its layer must be after the last processed one and at most the
     * current one) or fetched by id (no window).
     */
    public Checked<Proposal> proposal(Bytes bytes, boolean window, LayerId current, LayerId processed) {
        Proposal p;
        try {
            p = Scale.decode("Proposal", Proposal.CODEC, bytes.toByteArray());
        } catch (ScaleException e) {
            return Checked.refused(Verdict.reject(CommonRule.MALFORMED, e.getMessage()));
        }
        LayerId layer = p.ballot().inner().layer();
        if (layer.compareTo(config.effectiveGenesis()) <= 0
                || window && (layer.compareTo(processed) <= 0 || layer.compareTo(current) > 0)) {
            return Checked.refused(Verdict.ignore(ProposalRule.LAYER_OUT_OF_WINDOW, "layer " + layer + ", current "
                    + current + ", processed " + processed));
        }
        if (store.proposal(p.id()).isPresent()) {
            return Checked.refused(Verdict.ignore(ProposalRule.KNOWN, "proposal " + p.id().hex()));
        }
        if (!verifier.verify(Domain.PROPOSAL, p.ballot().smesherId(), p.metadata().encode(), p.signature())) {
            return Checked.refused(Verdict.reject(ProposalRule.SIGNATURE, "PROPOSAL signature does not verify for "
                    + p.ballot().smesherId().hex()));
        }
        Set<TxId> txs = new HashSet<>();
        for (TxId id : p.txIds()) {
            if (!txs.add(id)) {
                return Checked.refused(Verdict.reject(ProposalRule.DUPLICATE_TXS, "transaction " + id.hex()));
            }
        }
        if (store.ballot(p.ballot().id()).isPresent()) {
            return new Checked<>(Verdict.ACCEPT, Optional.of(p), Optional.empty());
        }
        Checked<Ballot> ballot = check(p.ballot());
        return new Checked<>(ballot.verdict(), ballot.verdict().accepted() ? Optional.of(p) : Optional.empty(),
                ballot.missing());
    }

    /** A ballot fetched by id (a base or reference ballot, or layer data in sync). */
    public Checked<Ballot> ballot(Bytes bytes) {
        Ballot b;
        try {
            b = Scale.decode("Ballot", Ballot.CODEC, bytes.toByteArray());
        } catch (ScaleException e) {
            return Checked.refused(Verdict.reject(CommonRule.MALFORMED, e.getMessage()));
        }
        if (b.inner().layer().compareTo(config.effectiveGenesis()) <= 0) {
            return Checked.refused(Verdict.ignore(ProposalRule.LAYER_OUT_OF_WINDOW, "layer " + b.inner().layer()));
        }
        if (store.ballot(b.id()).isPresent()) {
            return Checked.refused(Verdict.ignore(ProposalRule.KNOWN, "ballot " + b.id().hex()));
        }
        return check(b);
    }

    private Checked<Ballot> check(Ballot ballot) {
        InnerBallot inner = ballot.inner();
        if (inner.atxId().isZero()) {
            return Checked.refused(Verdict.reject(ProposalRule.EMPTY_ATX, "ballot names no ATX"));
        }
        Verdict v = ballots.validate(ballot, context);
        if (v.accepted()) {
            return new Checked<>(v, Optional.of(ballot), Optional.empty());
        }
        Optional<Decision.Fetch> missing = Optional.empty();
        if (v.ruleOrNull() == BallotRule.UNKNOWN_ATX) {
            missing = Optional.of(new Decision.Fetch(Hint.ATX, Bytes.of(inner.atxId().toByteArray())));
        } else if (v.ruleOrNull() == BallotRule.UNKNOWN_REFERENCE_BALLOT) {
            missing = Optional.of(new Decision.Fetch(Hint.BALLOT, Bytes.of(inner.refBallot().toByteArray())));
        } else if (v.ruleOrNull() == BallotRule.UNKNOWN_ACTIVE_SET) {
            missing = inner.epochData().map(e -> new Decision.Fetch(Hint.ACTIVE_SET,
                    Bytes.of(e.activeSetHash().toByteArray())));
        }
        return new Checked<>(v, Optional.empty(), missing);
    }
}
