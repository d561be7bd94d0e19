package io.smnode.mesh.pipeline;

import io.smnode.core.codec.Scale;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.TxId;
import io.smnode.core.verdict.Verdict;
import io.smnode.mesh.proposal.Ballot;
import io.smnode.mesh.proposal.Proposal;
import io.smnode.mesh.store.MeshReads;
import io.smnode.mesh.store.MeshRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The proposal handler's state (the ProposalHandlerActor's core): proposals from gossip ({@code pp1}) and proposals
 * and ballots fetched by id go through {@link ProposalChecks}; one whose reference ballot, ATX or active set is
 * missing waits (bounded) while it is fetched and is handed back when the dependency is stored; a valid ballot goes
 * to the tortoise ({@link TortoiseCoordinator#onBallot}), and with its outcome {@link #complete} stores the proposal
 * (in arrival order) and hands it to hare and the block generator, once the transactions it names are stored (those
 * missing are fetched and the proposal waits for them as for any dependency).
 *
 * <p>Three steps because the tortoise belongs to another actor: {@code onProposal}/{@code onBallot} answer
 * {@link Step.Done} or {@link Step.ToTortoise}; the driver passes the latter's ballot to the tortoise and its
 * outcome to {@link #complete}.
 */
public final class ProposalIntake {
    private final PipelineConfig config;
    private final ProposalChecks checks;
    private final MeshReads store;
    /** Inputs waiting for a dependency, by the id being fetched, in arrival order. */
    private final Map<Bytes, List<Parked>> parked = new LinkedHashMap<>();
    private int parkedCount;
    private long nextArrival;
    /** The layer now, and the last one whose hare output became a block: gossip outside them is refused. */
    private LayerId current;
    private LayerId processed;

    public ProposalIntake(PipelineConfig config, ProposalChecks checks, MeshReads store, long nextArrival) {
        this.config = Objects.requireNonNull(config, "config");
        this.checks = Objects.requireNonNull(checks, "checks");
        this.store = Objects.requireNonNull(store, "store");
        this.nextArrival = nextArrival;
        this.current = config.effectiveGenesis();
        this.processed = config.effectiveGenesis();
    }

    /** Layer start: the gossip window moves on (every layer before it counts as processed). */
    public void onLayer(LayerId layer) {
        current = layer;
        if (layer.value() > 0) {
            processed = max(processed, layer.sub(1));
        }
    }

    /**
     * A hand-over for the intake: a stored ballot or transaction releases the inputs that waited for it (resubmit
     * them); a layer's
     * hare block marks the layer processed.
     */
    public List<Parked> take(Decision d) {
        if (d instanceof Decision.BallotStored b) {
            return onStored(Bytes.of(b.ballot().id().toByteArray()));
        } else if (d instanceof Decision.TxStored t) {
            return onStored(Bytes.of(t.id().toByteArray()));
        } else if (d instanceof Decision.HareBlock hb) {
            processed = max(processed, hb.layer());
            return List.of();
        }
        throw HandOverTaker.notMine("the proposal intake", d);
    }

    public LayerId current() {
        return current;
    }

    public LayerId processed() {
        return processed;
    }

    /** A proposal from gossip ({@code gossip}: the window of {@link #onLayer} and hare blocks applies) or fetched. */
    public Step onProposal(Bytes bytes, boolean gossip) {
        return onProposal(bytes, gossip, current, processed);
    }

    /** An input that waited, handed in again as it first came. */
    public Step resubmit(Parked p) {
        return p.isProposal() ? onProposal(p.bytes(), p.gossip()) : onBallot(p.bytes());
    }

    private static LayerId max(LayerId a, LayerId b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** Where the intake stands with one input. */
    public sealed interface Step {
        /** Finished: the verdict for the sender and what to carry out. */
        record Done(Verdict verdict, List<Decision> decisions) implements Step {
            public Done {
                Objects.requireNonNull(verdict, "verdict");
                decisions = List.copyOf(decisions);
            }
        }

        /** Valid so far: the tortoise must take the ballot; {@code proposal} when it came inside one. */
        record ToTortoise(Ballot ballot, Optional<Proposal> proposal) implements Step {
            public ToTortoise {
                Objects.requireNonNull(ballot, "ballot");
                Objects.requireNonNull(proposal, "proposal");
            }
        }
    }

    /** An input put aside until a dependency arrives: resubmit it as it came. */
    public record Parked(boolean isProposal, boolean gossip, Bytes bytes) {
        public Parked {
            Objects.requireNonNull(bytes, "bytes");
        }
    }

    /** A proposal from gossip ({@code gossip}: the layer window applies) or fetched by id. */
    public Step onProposal(Bytes bytes, boolean gossip, LayerId current, LayerId processed) {
        return onChecked(checks.proposal(bytes, gossip, current, processed), new Parked(true, gossip, bytes));
    }

    /** As {@link #onProposal} for a proposal whose {@link ProposalChecks} ran elsewhere (in parallel). */
    public Step onChecked(ProposalChecks.Checked<Proposal> checked, Parked input) {
        if (checked.missing().isPresent()) {
            return park(checked.verdict(), checked.missing().get(), input);
        }
        if (!checked.verdict().accepted()) {
            return new Step.Done(checked.verdict(), List.of());
        }
        Proposal p = checked.value().orElseThrow();
        if (store.ballot(p.ballot().id()).isPresent()) {
            return storedWithTxs(p, new Parked(true, false, input.bytes()), List.of());
        }
        return new Step.ToTortoise(p.ballot(), Optional.of(p));
    }

    /** A ballot fetched by id. */
    public Step onBallot(Bytes bytes) {
        ProposalChecks.Checked<Ballot> checked = checks.ballot(bytes);
        if (checked.missing().isPresent()) {
            return park(checked.verdict(), checked.missing().get(), new Parked(false, false, bytes));
        }
        if (!checked.verdict().accepted()) {
            return new Step.Done(checked.verdict(), List.of());
        }
        return new Step.ToTortoise(checked.value().orElseThrow(), Optional.empty());
    }

    /** The tortoise's outcome for a {@link Step.ToTortoise}: a kept ballot's proposal is stored and handed on. */
    public Step.Done complete(Step.ToTortoise step, BallotOutcome outcome) {
        List<Decision> out = new ArrayList<>(outcome.decisions());
        if (!outcome.kept() || step.proposal().isEmpty()) {
            return new Step.Done(outcome.kept() ? Verdict.ACCEPT : outcome.verdict(), out);
        }
        Proposal p = step.proposal().get();
        return storedWithTxs(p, new Parked(true, false, Bytes.wrap(Scale.encode(Proposal.CODEC, p))), out);
    }

    /** Inputs that waited for the object {@code id} (a ballot, ATX or active set now stored): resubmit them. */
    public List<Parked> onStored(Bytes id) {
        List<Parked> ready = parked.remove(id);
        if (ready == null) {
            return List.of();
        }
        parkedCount -= ready.size();
        return ready;
    }

    public int parkedCount() {
        return parkedCount;
    }

    /** The arrival number the next stored proposal gets. */
    public long nextArrival() {
        return nextArrival;
    }

    /**
     * A valid proposal whose ballot is stored: stored itself once every transaction it names is (the reference's
     * proposal handler fetches them first, {@code GetProposalTxs}); else the missing ones are fetched ({@code TXDB})
     * and it waits, by the first of them, to come back as {@code input} (its ballot stored by then, it goes straight
     * here again). {@code before}: decisions that precede either outcome.
     */
    private Step.Done storedWithTxs(Proposal p, Parked input, List<Decision> before) {
        List<Decision> out = new ArrayList<>(before);
        List<Decision.Fetch> missing = new ArrayList<>();
        for (TxId id : p.txIds()) {
            if (store.tx(id).isEmpty()) {
                missing.add(new Decision.Fetch(Hint.TX, Bytes.of(id.toByteArray())));
            }
        }
        if (missing.isEmpty()) {
            out.addAll(stored(p));
            return new Step.Done(Verdict.ACCEPT, out);
        }
        Step.Done waiting = park(Verdict.ignore(ProposalRule.WAITING, "proposal " + p.id().hex() + " waits for "
                + missing.size() + " transaction(s)"), missing.get(0), input);
        if (waiting.verdict().ruleOrNull() == ProposalRule.WAITING) {
            // All at once (the fetcher merges asks for a hash in flight), not one per round trip.
            out.addAll(missing);
        }
        return new Step.Done(waiting.verdict(), out);
    }

    private List<Decision> stored(Proposal p) {
        return List.of(new Decision.Persist(new MeshRecord.ProposalRecord(p, nextArrival++)),
                new Decision.ProposalStored(p));
    }

    private Step.Done park(Verdict verdict, Decision.Fetch fetch, Parked input) {
        if (parkedCount >= config.maxWaiting()) {
            return new Step.Done(Verdict.ignore(ProposalRule.TOO_MANY_WAITING, parkedCount + " inputs wait"),
                    List.of());
        }
        boolean fetching = parked.containsKey(fetch.id());
        parked.computeIfAbsent(fetch.id(), k -> new ArrayList<>()).add(input);
        parkedCount++;
        return new Step.Done(Verdict.ignore(ProposalRule.WAITING, verdict.toString()),
                fetching ? List.of() : List.of(fetch));
    }
}
