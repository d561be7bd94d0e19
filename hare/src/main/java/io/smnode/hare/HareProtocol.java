package io.smnode.hare;

import io.smnode.core.types.Hash32;
import io.smnode.core.types.ProposalId;
import io.smnode.core.vrf.VrfProof;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The hare3 state machine of one layer (go-spacemesh {@code hare3/protocol.go}, section 4.3 of the hare3 paper),
 * with no networking, signatures or clock: validated messages go in through {@link #onInput}, and {@link #next}
 * executes the current round when its timer fires and advances. Single-threaded; deterministic where the
 * reference is (see {@link GradedGossip#thresholdRefs} and the leader-order tie-break for where it is not).
 */
public final class HareProtocol {
    private static final int GRADE1 = 1;
    private static final int GRADE2 = 2;
    private static final int GRADE3 = 3;
    private static final int GRADE4 = 4;
    private static final int GRADE5 = 5;
    private static final IterRound PREROUND = IterRound.of(0, Round.PREROUND);

    private final GradedGossip gossip;
    /** T: proposal sets seen graded in propose rounds and consistent with the preround, by their hash. */
    private final Map<Hash32, List<ProposalId>> validProposals = new HashMap<>();
    private IterRound current = PREROUND;
    private List<ProposalId> initial = List.of();
    /** Smallest preround eligibility proof seen (little-endian); null until the first. Not part of the paper. */
    private VrfProof coin;
    private boolean coinOut;
    /** The agreed set's hash once notify messages reached the threshold; null until then. */
    private Hash32 result;
    /** L: the set this node is locked on for its commit; null when none. */
    private Hash32 locked;
    private boolean hardLocked;

    /** @param threshold summed eligibility counts a value needs: {@code committee/2 + 1} (uint16) */
    public HareProtocol(int threshold) {
        if (threshold < 0 || threshold > 0xffff) {
            throw new IllegalArgumentException("threshold " + threshold + " outside uint16");
        }
        this.gossip = new GradedGossip(threshold);
    }

    /** The position whose round the next call of {@link #next} executes. */
    public IterRound current() {
        return current;
    }

    public int threshold() {
        return gossip.threshold();
    }

    /** S: this node's initial proposal set, sent in the preround. */
    public void onInitial(List<ProposalId> proposals) {
        initial = List.copyOf(proposals);
    }

    /**
     * Takes a validated message. Relayed preround messages also lower the coin candidate (equivocating and
     * malicious ones included, as in the reference).
     */
    public Received onInput(ProtocolInput input) {
        Objects.requireNonNull(input, "input");
        Received received = gossip.receive(current, input);
        if (received.gossip() && input.message().iterRound().is(Round.PREROUND)) {
            VrfProof proof = input.message().body().eligibility().proof();
            if (coin == null || Leaders.compare(proof, coin) < 0) {
                coin = proof;
            }
        }
        return received;
    }

    /** Executes the current round, emits the coin the first time a round from softlock on runs, and advances. */
    public ProtocolOutput next() {
        Execution out = execute();
        Optional<Boolean> coinBit = Optional.empty();
        if (current.round() >= Round.SOFTLOCK.code() && coin != null && !coinOut) {
            coinBit = Optional.of(Leaders.coin(coin));
            coinOut = true;
        }
        current = current.next();
        return new ProtocolOutput(coinBit, Optional.ofNullable(out.result), out.terminated,
                Optional.ofNullable(out.message));
    }

    /** The mutable collector of one round's effects. */
    private static final class Execution {
        List<ProposalId> result;
        boolean terminated;
        RoundMessage message;
    }

    private Execution execute() {
        Execution out = new Execution();
        int iter = current.iter();
        switch (current.knownRound().orElseThrow()) {
            case PREROUND -> out.message = new RoundMessage(current, Value.ofProposals(initial));
            case HARDLOCK -> {
                if (iter > 0) {
                    hardlock(iter, out);
                }
            }
            case SOFTLOCK -> {
                if (iter > 0 && !hardLocked) {
                    locked = knownRef(commitOf(iter - 1), GRADE3).orElse(null);
                }
            }
            case PROPOSE -> out.message = new RoundMessage(current, Value.ofProposals(proposeValues(iter)));
            case COMMIT -> commit(iter, out);
            case NOTIFY -> {
                Optional<Hash32> ref = Optional.ofNullable(result)
                        .or(() -> knownRef(commitOf(iter), GRADE5));
                ref.ifPresent(r -> out.message = new RoundMessage(current, Value.ofReference(r)));
            }
            case WAIT1, WAIT2 -> {
                // nothing to do: these rounds only let propose messages arrive
            }
            default -> throw new IllegalStateException("unreachable round " + current);
        }
        return out;
    }

    /** Hardlock: terminate one iteration after the result, output on grade-5 notify, hard-lock on grade-4 commit. */
    private void hardlock(int iter, Execution out) {
        if (result != null) {
            out.terminated = true;
        }
        Optional<Hash32> notified = knownRef(IterRound.of(iter - 1, Round.NOTIFY), GRADE5);
        if (notified.isPresent() && result == null) {
            result = notified.get();
            out.result = validProposals.get(result);
        }
        Optional<Hash32> committed = knownRef(commitOf(iter - 1), GRADE4);
        locked = committed.orElse(null);
        hardLocked = committed.isPresent();
    }

    /** Propose: the preround's grade-4 set, unless the previous iteration's commits (grade 2) name another. */
    private List<ProposalId> proposeValues(int iter) {
        List<ProposalId> values = gossip.thresholdProposals(PREROUND, GRADE4);
        if (iter > 0) {
            Optional<Hash32> ref = knownRef(commitOf(iter - 1), GRADE2);
            if (ref.isPresent()) {
                values = validProposals.get(ref.get());
            }
        }
        return values;
    }

    /**
     * Commit: record the gradecast sets consistent with the grade-2 preround in T, then commit to the locked set
     * when hard-locked, else to the first set in leader order meeting conditions (c) to (h) of the paper.
     */
    private void commit(int iter, Execution out) {
        List<GradedGossip.GradedSet> proposed = gossip.gradecast(IterRound.of(iter, Round.PROPOSE));
        List<ProposalId> g2 = gossip.thresholdProposals(PREROUND, GRADE2);
        for (GradedGossip.GradedSet graded : proposed) {
            if (ProposalSets.isSubset(graded.values(), g2)) {
                validProposals.put(ProposalSets.hash(graded.values()), graded.values());
            }
        }
        if (hardLocked && locked != null) {
            out.message = new RoundMessage(current, Value.ofReference(locked));
            return;
        }
        List<ProposalId> g3 = gossip.thresholdProposals(PREROUND, GRADE3);
        List<ProposalId> g5 = gossip.thresholdProposals(PREROUND, GRADE5);
        for (GradedGossip.GradedSet graded : proposed) {
            Hash32 id = ProposalSets.hash(graded.values());
            boolean eligible = validProposals.containsKey(id)                        // (c)
                    && graded.grade() == GRADE2                                         // (e)
                    && ProposalSets.isSubset(graded.values(), g3)                       // (f)
                    && (ProposalSets.isSubset(g5, graded.values())                      // (g)
                            || committedBefore(iter - 1, id))
                    && (locked == null || locked.equals(id));                           // (h)
            if (eligible) {
                out.message = new RoundMessage(current, Value.ofReference(id));
                return;
            }
        }
    }

    /**
     * Whether {@code id} reached the threshold among iteration {@code iter}'s grade-1 commits. **Quirk**: in
     * iteration 0 the reference asks about iteration "0 − 1", which as uint8 is 255; honest nodes never get there,
     * but signed and eligible messages claiming iteration 255 are stored like any other, so the question is asked
     * as the reference asks it.
     */
    private boolean committedBefore(int iter, Hash32 id) {
        return gossip.thresholdRefs(commitOf(iter & 0xff), GRADE1).contains(id);
    }

    /** The first reference passing thresh-gossip in {@code round} at {@code grade} whose set is in T. */
    private Optional<Hash32> knownRef(IterRound round, int grade) {
        for (Hash32 ref : gossip.thresholdRefs(round, grade)) {
            if (validProposals.containsKey(ref)) {
                return Optional.of(ref);
            }
        }
        return Optional.empty();
    }

    private static IterRound commitOf(int iter) {
        return IterRound.of(iter, Round.COMMIT);
    }
}
