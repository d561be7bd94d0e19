package io.smnode.beacon;

import io.smnode.beacon.EpochMiners.Miner;
import io.smnode.beacon.EpochVotes.Opinion;
import io.smnode.core.codec.ScaleException;
import io.smnode.core.hash.Blake3;
import io.smnode.core.net.NetworkParams;
import io.smnode.core.signing.Domain;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.signing.EdVerifier;
import io.smnode.core.types.Beacon;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.NodeId;
import io.smnode.core.verdict.Verdict;
import io.smnode.core.vrf.VrfProof;
import io.smnode.core.vrf.VrfSigner;
import io.smnode.core.vrf.VrfVerifier;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The beacon protocol of one epoch e (spec 03 §1), producing beacon(e+1): a deterministic state machine that is
 * told the time and handed messages, and answers with messages to gossip, a verdict per message and, at the end,
 * the beacon or the reason there is none. No clock, no threads, no randomness of its own.
 *
 * <p>Life cycle: construct it any time (proposals for e arriving from {@code S(e) − GracePeriod} on are taken, as
 * the reference creates an epoch's state on the first proposal); {@link #start} at the epoch's first-layer tick
 * when the node is synced and the epoch is past genesis; then {@link #tick} as time goes on. Phase boundaries are
 * counted from the start instant: proposals for ProposalDuration, round 0 for FirstVotingRoundDuration, then for
 * each round r in 1..R−1 VotingRoundDuration of votes and WeakCoinRoundDuration of coin.
 *
 * <p>Every message this node sends is also handled by this node at the instant it is sent, as gossip delivers
 * one's own messages to one's own validator in the reference (its first-round list and its coin proofs count).
 *
 * <p>Quirks kept from the reference: the voting margins are cumulative over all rounds; votes that arrive during a
 * round's weak-coin part count towards the next round; a weak coin unit equal to the allowance passes (the check is
 * {@code allowance < unit}), so even a malicious smesher's unit 0 is accepted; first votes are taken during the
 * proposal phase too. Not modelled: messages for epoch e that arrive after epoch e+1 began (the driver discards
 * this instance), and weak coin messages buffered across the epoch boundary.
 */
public final class BeaconProtocol {
    /** Why an epoch ends without a beacon. */
    public enum Failure {
        /** RoundsNumber is 0: the network takes beacons from bootstrap or ballots. */
        DISABLED,
        /** No non-malicious ATX weight targets the epoch. */
        ZERO_EPOCH_WEIGHT,
        /** A weak coin round ended without a single valid coin message. */
        NO_WEAK_COIN,
        /** After the last round no proposal is supported. */
        NO_SUPPORTED_PROPOSAL
    }

    private enum Step { END_PROPOSALS, END_FIRST_ROUND, END_VOTING, END_WEAK_COIN }

    private final NetworkParams.Beacon params;
    private final EpochId epoch;
    private final Instant epochStart;
    private final EpochMiners miners;
    private final List<EdSigner> ownIdentities;
    private final EdVerifier verifier;

    private final long epochWeight;
    private final BigInteger strictThreshold;
    private final BigInteger looseThreshold;
    private final BigInteger votingThreshold;
    private final EpochVotes votes = new EpochVotes();
    private final WeakCoin weakCoin;
    /** Messages this node ignored, by rule: the end-of-epoch line says which (late votes split beacons). */
    private final Map<BeaconRule, Integer> ignored = new EnumMap<>(BeaconRule.class);

    private boolean started;
    private boolean finished;
    private Instant proposalPhaseEnd;
    private long roundInProgress;
    private Instant earliestVoteTime;
    private Step nextStep;
    private Instant nextStepAt;
    private Opinion opinion = Opinion.NONE;
    private Beacon beacon;
    private Failure failure;

    /**
     * @param epochStart    S(e), the first layer's time: ATX and proposal timeliness are measured from it
     * @param ownIdentities this node's identities; those with an ATX targeting the epoch take part
     * @param verifier      the network's signature verifier (genesis-id prefix)
     */
    public BeaconProtocol(NetworkParams.Beacon params, EpochId epoch, Instant epochStart, EpochMiners miners,
                          List<EdSigner> ownIdentities, EdVerifier verifier) {
        this.params = Objects.requireNonNull(params, "params");
        this.epoch = Objects.requireNonNull(epoch, "epoch");
        this.epochStart = Objects.requireNonNull(epochStart, "epochStart");
        this.miners = Objects.requireNonNull(miners, "miners");
        this.ownIdentities = List.copyOf(ownIdentities);
        this.verifier = Objects.requireNonNull(verifier, "verifier");

        long weight = 0;
        long early = 0; // w1: ATX received before S(e) − grace
        long onTime = 0; // w2: received in [S(e) − grace, S(e))
        Instant earlyLimit = epochStart.minus(params.gracePeriod());
        for (Miner m : miners.all()) {
            if (!m.malicious()) {
                weight += m.weight(); // uint64 as in the reference
            }
            if (m.atxReceived().isBefore(earlyLimit)) {
                early++;
            } else if (m.atxReceived().isBefore(epochStart)) {
                onTime++;
            }
        }
        this.epochWeight = weight;
        boolean noAtxs = early + onTime == 0;
        this.strictThreshold = noAtxs ? BigInteger.ZERO : ProposalThreshold.threshold(params.kappa(), params.q(), early + onTime);
        this.looseThreshold = noAtxs ? BigInteger.ZERO : ProposalThreshold.threshold(params.kappa(), params.q(), early);
        this.votingThreshold = VotingThreshold.of(params.theta(), weight);
        this.weakCoin = new WeakCoin(params.roundsNumber());
    }

    // ---- time ---------------------------------------------------------------------------------------------------

    /** Starts the protocol at {@code now}: sends this node's proposals. Does nothing when already started. */
    public List<BeaconMessage> start(Instant now) {
        List<BeaconMessage> out = new ArrayList<>();
        if (started || finished) {
            return out;
        }
        started = true;
        if (params.roundsNumber() == 0) {
            return finish(Failure.DISABLED, out);
        }
        if (epochWeight == 0) {
            return finish(Failure.ZERO_EPOCH_WEIGHT, out);
        }
        roundInProgress = 0;
        earliestVoteTime = null;
        for (Participant p : participants()) {
            if (!p.miner().malicious()) {
                sendProposal(p, now, out);
            }
        }
        schedule(Step.END_PROPOSALS, now.plus(params.proposalDuration()));
        return out;
    }

    /** Runs every phase change due at or before {@code now}, each at its own scheduled instant. */
    public List<BeaconMessage> tick(Instant now) {
        List<BeaconMessage> out = new ArrayList<>();
        while (started && !finished && !nextStepAt.isAfter(now)) {
            Instant at = nextStepAt;
            switch (nextStep) {
                case END_PROPOSALS -> endProposals(at, out);
                case END_FIRST_ROUND -> endFirstRound(at, out);
                case END_VOTING -> endVoting(at, out);
                case END_WEAK_COIN -> endWeakCoin(at, out);
            }
        }
        return out;
    }

    private void endProposals(Instant at, List<BeaconMessage> out) {
        proposalPhaseEnd = at;
        setRound(0, at, params.firstVotingRoundDuration());
        FirstVotingBody body = new FirstVotingBody(epoch, votes.proposals(ProposalCategory.VALID),
                votes.proposals(ProposalCategory.POTENTIALLY_VALID));
        for (Participant p : participants()) {
            send(FirstVotingMessage.sign(body, p.signer()), at, out);
        }
        schedule(Step.END_FIRST_ROUND, at.plus(params.firstVotingRoundDuration()));
    }

    private void endFirstRound(Instant at, List<BeaconMessage> out) {
        opinion = votes.opinion(votingThreshold);
        if (params.roundsNumber() == 1) {
            conclude(out);
        } else {
            startFollowingRound(1, at, out);
        }
    }

    private void startFollowingRound(long round, Instant at, List<BeaconMessage> out) {
        setRound(round, at, params.votingRoundDuration().plus(params.weakCoinRoundDuration()));
        for (Participant p : participants()) {
            List<BeaconProposal> firstRound = votes.firstRoundList(p.signer().nodeId());
            if (firstRound != null) { // the reference skips an identity whose own first vote it never saw
                FollowingVotingBody body = new FollowingVotingBody(epoch, round, VoteBits.encode(firstRound, opinion.support()));
                send(FollowingVotingMessage.sign(body, p.signer()), at, out);
            }
        }
        schedule(Step.END_VOTING, at.plus(params.votingRoundDuration()));
    }

    private void endVoting(Instant at, List<BeaconMessage> out) {
        // votes arriving from now on count towards the next round: they may have seen this round's coin
        opinion = votes.opinion(votingThreshold);
        for (WeakCoinMessage buffered : weakCoin.startRound(roundInProgress)) {
            checkWeakCoin(buffered);
        }
        for (Participant p : participants()) {
            sendWeakCoin(p, at, out);
        }
        schedule(Step.END_WEAK_COIN, at.plus(params.weakCoinRoundDuration()));
    }

    private void endWeakCoin(Instant at, List<BeaconMessage> out) {
        Optional<Boolean> coin = weakCoin.finishRound();
        if (coin.isEmpty()) {
            finish(Failure.NO_WEAK_COIN, out);
            return;
        }
        opinion = opinion.withCoin(coin.get());
        if (roundInProgress + 1 >= params.roundsNumber()) {
            conclude(out);
        } else {
            startFollowingRound(roundInProgress + 1, at, out);
        }
    }

    private void conclude(List<BeaconMessage> out) {
        if (opinion.support().isEmpty()) {
            finish(Failure.NO_SUPPORTED_PROPOSAL, out);
            return;
        }
        beacon = beaconOf(opinion.support().stream().sorted().toList());
        finished = true;
    }

    /** {@code BLAKE3(concat(sorted supported proposals))[0:4]}. */
    static Beacon beaconOf(List<BeaconProposal> sortedSupport) {
        Blake3 hasher = new Blake3();
        sortedSupport.forEach(p -> hasher.update(p.toByteArray()));
        return Beacon.of(Arrays.copyOf(hasher.digest32().toByteArray(), Beacon.LENGTH));
    }

    private List<BeaconMessage> finish(Failure why, List<BeaconMessage> out) {
        failure = why;
        finished = true;
        return out;
    }

    private void setRound(long round, Instant now, Duration roundLength) {
        roundInProgress = round;
        earliestVoteTime = now.plus(roundLength).minus(params.gracePeriod());
    }

    private void schedule(Step step, Instant at) {
        nextStep = step;
        nextStepAt = at;
    }

    // ---- own messages -------------------------------------------------------------------------------------------

    private record Participant(EdSigner signer, Miner miner) {}

    /** Own identities with an ATX targeting the epoch, in node-id order so that outputs come in a fixed order. */
    private List<Participant> participants() {
        List<Participant> out = new ArrayList<>();
        for (EdSigner s : ownIdentities) {
            miners.miner(s.nodeId()).ifPresent(m -> out.add(new Participant(s, m)));
        }
        out.sort(Comparator.comparing(p -> p.signer().nodeId()));
        return out;
    }

    private void sendProposal(Participant p, Instant now, List<BeaconMessage> out) {
        VrfProof proof = p.signer().vrfSigner().prove(BeaconVrf.proposalMessage(p.miner().vrfNonce(), epoch));
        ProposalMessage m = new ProposalMessage(epoch, p.signer().nodeId(), proof);
        if (classify(proof, p.miner(), now).isPresent()) { // an own proposal that cannot count is not sent
            send(m, now, out);
        }
    }

    private void sendWeakCoin(Participant p, Instant now, List<BeaconMessage> out) {
        long allowance = allowance(p.miner());
        VrfSigner vrf = p.signer().vrfSigner();
        WeakCoinMessage best = null;
        for (long unit = 0; unit < allowance; unit++) {
            VrfProof proof = vrf.prove(BeaconVrf.weakCoinMessage(p.miner().vrfNonce(), epoch, roundInProgress, unit));
            if (best == null || BeaconVrf.compareLittleEndian(proof, best.vrfProof()) < 0) {
                best = new WeakCoinMessage(epoch, roundInProgress, unit, p.signer().nodeId(), proof);
            }
        }
        if (best != null && weakCoin.isSmaller(best.vrfProof())) {
            send(best, now, out);
        }
    }

    /** Gossips {@code m} and handles it here at once, as the reference's own validator does. */
    private void send(BeaconMessage m, Instant now, List<BeaconMessage> out) {
        out.add(m);
        if (m instanceof ProposalMessage p) {
            handleProposal(p, now);
        } else if (m instanceof FirstVotingMessage f) {
            handleFirstVotes(f);
        } else if (m instanceof FollowingVotingMessage f) {
            handleFollowingVotes(f, now);
        } else if (m instanceof WeakCoinMessage w) {
            handleWeakCoin(w);
        }
    }

    // ---- received messages --------------------------------------------------------------------------------------

    public Verdict onProposal(byte[] bytes, Instant received) {
        try {
            return counted(handleProposal(ProposalMessage.decode(bytes), received));
        } catch (ScaleException e) {
            return new Verdict.Reject(BeaconRule.MALFORMED, e.getMessage());
        }
    }

    /** {@code received} is not used: first votes are timed by the round in progress alone, as in the reference. */
    public Verdict onFirstVotes(byte[] bytes, Instant received) {
        try {
            return counted(handleFirstVotes(FirstVotingMessage.decode(bytes)));
        } catch (ScaleException e) {
            return new Verdict.Reject(BeaconRule.MALFORMED, e.getMessage());
        }
    }

    public Verdict onFollowingVotes(byte[] bytes, Instant received) {
        try {
            return counted(handleFollowingVotes(FollowingVotingMessage.decode(bytes), received));
        } catch (ScaleException e) {
            return new Verdict.Reject(BeaconRule.MALFORMED, e.getMessage());
        }
    }

    /** {@code received} is not used: coin messages are timed by the round in progress alone, as in the reference. */
    public Verdict onWeakCoin(byte[] bytes, Instant received) {
        try {
            return counted(handleWeakCoin(WeakCoinMessage.decode(bytes)));
        } catch (ScaleException e) {
            return new Verdict.Reject(BeaconRule.MALFORMED, e.getMessage());
        }
    }

    private Verdict counted(Verdict v) {
        if (v instanceof Verdict.Ignore i && i.rule() instanceof BeaconRule r) {
            ignored.merge(r, 1, Integer::sum);
        }
        return v;
    }

    private Verdict handleProposal(ProposalMessage m, Instant received) {
        if (!m.epoch().equals(epoch)) {
            return Verdict.ignore(BeaconRule.WRONG_EPOCH, "proposal for " + m.epoch() + ", this is " + epoch);
        }
        if (!received.isAfter(epochStart.minus(params.gracePeriod()))) {
            return Verdict.ignore(BeaconRule.TOO_EARLY, "proposal received before S(e) − grace period");
        }
        Optional<Miner> miner = miners.miner(m.nodeId());
        if (miner.isEmpty()) {
            return Verdict.ignore(BeaconRule.UNKNOWN_MINER, m.nodeId().hex() + " has no ATX targeting " + epoch);
        }
        if (!VrfVerifier.verify(m.nodeId(), BeaconVrf.proposalMessage(miner.get().vrfNonce(), epoch), m.vrfProof())) {
            return Verdict.ignore(BeaconRule.INVALID_VRF, "proposal VRF does not verify for " + m.nodeId().hex());
        }
        if (!votes.registerProposed(m.nodeId())) {
            return Verdict.ignore(BeaconRule.DUPLICATE, m.nodeId().hex() + " already proposed");
        }
        classify(m.vrfProof(), miner.get(), received).ifPresent(category -> {
            boolean downgrade = category == ProposalCategory.VALID && miner.get().malicious();
            votes.addProposal(m.proposal(), downgrade ? ProposalCategory.POTENTIALLY_VALID : category);
        });
        return Verdict.ACCEPT;
    }

    /**
     * valid: ATX not after S(e), proposal not after the proposal phase's end, π below the strict threshold;
     * potentially valid: both delays within the grace period and π below the loose threshold; else nothing.
     */
    private Optional<ProposalCategory> classify(VrfProof proof, Miner miner, Instant received) {
        Duration atxDelay = Duration.between(epochStart, miner.atxReceived());
        Duration proposalDelay = proposalPhaseEnd == null ? Duration.ZERO : Duration.between(proposalPhaseEnd, received);
        Duration grace = params.gracePeriod();
        if (atxDelay.compareTo(Duration.ZERO) <= 0 && proposalDelay.compareTo(Duration.ZERO) <= 0 && ProposalThreshold.passes(proof, strictThreshold)) {
            return Optional.of(ProposalCategory.VALID);
        }
        if (atxDelay.compareTo(grace) <= 0 && proposalDelay.compareTo(grace) <= 0
                && ProposalThreshold.passes(proof, looseThreshold)) {
            return Optional.of(ProposalCategory.POTENTIALLY_VALID);
        }
        return Optional.empty();
    }

    private Verdict handleFirstVotes(FirstVotingMessage m) {
        if (!started || finished) {
            return Verdict.ignore(BeaconRule.NOT_RUNNING, "the protocol is not running");
        }
        if (!m.body().epoch().equals(epoch)) {
            return Verdict.ignore(BeaconRule.WRONG_EPOCH, "first votes for " + m.body().epoch());
        }
        if (roundInProgress > 0) {
            return Verdict.ignore(BeaconRule.UNTIMELY, "first votes in round " + roundInProgress);
        }
        if (!verifier.verify(Domain.BEACON_FIRST_MSG, m.smesherId(), m.body().encode(), m.signature())) {
            return Verdict.ignore(BeaconRule.INVALID_SIGNATURE, "first votes signature of " + m.smesherId().hex());
        }
        if (!votes.registerVoted(m.smesherId(), 0)) {
            return Verdict.ignore(BeaconRule.DUPLICATE, m.smesherId().hex() + " already voted in round 0");
        }
        Optional<Miner> miner = miners.miner(m.smesherId());
        if (miner.isEmpty()) {
            return Verdict.ignore(BeaconRule.UNKNOWN_MINER, m.smesherId().hex() + " has no ATX targeting " + epoch);
        }
        BigInteger weight = voteWeight(miner.get());
        m.body().valid().forEach(p -> votes.vote(p, true, weight));
        m.body().potentiallyValid().forEach(p -> votes.vote(p, false, weight));
        List<BeaconProposal> list = new ArrayList<>(m.body().valid());
        list.addAll(m.body().potentiallyValid());
        votes.setFirstRoundList(m.smesherId(), list.subList(0, Math.min(list.size(), params.votesLimit())));
        return Verdict.ACCEPT;
    }

    private Verdict handleFollowingVotes(FollowingVotingMessage m, Instant received) {
        if (!started || finished) {
            return Verdict.ignore(BeaconRule.NOT_RUNNING, "the protocol is not running");
        }
        FollowingVotingBody body = m.body();
        if (!body.epoch().equals(epoch)) {
            return Verdict.ignore(BeaconRule.WRONG_EPOCH, "following votes for " + body.epoch());
        }
        boolean timely = body.round() == roundInProgress || (body.round() == roundInProgress + 1
                && (earliestVoteTime == null || received.isAfter(earliestVoteTime)));
        if (!timely) {
            return Verdict.ignore(BeaconRule.UNTIMELY, "votes for round " + body.round() + " in round " + roundInProgress);
        }
        if (!verifier.verify(Domain.BEACON_FOLLOWUP_MSG, m.smesherId(), body.encode(), m.signature())) {
            return Verdict.ignore(BeaconRule.INVALID_SIGNATURE, "following votes signature of " + m.smesherId().hex());
        }
        if (!votes.registerVoted(m.smesherId(), body.round())) {
            return Verdict.ignore(BeaconRule.DUPLICATE, m.smesherId().hex() + " already voted in round " + body.round());
        }
        Optional<Miner> miner = miners.miner(m.smesherId());
        if (miner.isEmpty()) {
            return Verdict.ignore(BeaconRule.UNKNOWN_MINER, m.smesherId().hex() + " has no ATX targeting " + epoch);
        }
        List<BeaconProposal> firstRound = votes.firstRoundList(m.smesherId());
        if (firstRound == null) {
            return Verdict.ignore(BeaconRule.NO_FIRST_VOTES, "no first-round votes of " + m.smesherId().hex());
        }
        BigInteger weight = voteWeight(miner.get());
        BigInteger bits = VoteBits.decode(body.bitVector());
        for (int i = 0; i < firstRound.size(); i++) {
            votes.vote(firstRound.get(i), bits.testBit(i), weight);
        }
        return Verdict.ACCEPT;
    }

    private Verdict handleWeakCoin(WeakCoinMessage m) {
        if (!started || finished) {
            return Verdict.ignore(BeaconRule.NOT_RUNNING, "the protocol is not running");
        }
        if (!m.epoch().equals(epoch)) {
            return Verdict.ignore(BeaconRule.WRONG_EPOCH, "weak coin for " + m.epoch());
        }
        if (!weakCoin.isCurrent(m.round())) {
            return weakCoin.offerForLater(m) ? Verdict.ACCEPT
                    : Verdict.ignore(BeaconRule.WRONG_ROUND, "weak coin for round " + m.round());
        }
        return checkWeakCoin(m);
    }

    private Verdict checkWeakCoin(WeakCoinMessage m) {
        Optional<Miner> miner = miners.miner(m.nodeId());
        if (miner.isEmpty()) {
            return Verdict.ignore(BeaconRule.UNKNOWN_MINER, m.nodeId().hex() + " has no ATX targeting " + epoch);
        }
        byte[] alpha = BeaconVrf.weakCoinMessage(miner.get().vrfNonce(), epoch, m.round(), m.unit());
        if (!VrfVerifier.verify(m.nodeId(), alpha, m.vrfProof())) {
            return Verdict.ignore(BeaconRule.INVALID_VRF, "weak coin VRF does not verify for " + m.nodeId().hex());
        }
        long allowance = allowance(miner.get());
        if (allowance < m.unit()) {
            return Verdict.ignore(BeaconRule.UNIT_NOT_ALLOWED, "unit " + m.unit() + ", allowance " + allowance);
        }
        return weakCoin.offer(m.vrfProof()) ? Verdict.ACCEPT
                : Verdict.ignore(BeaconRule.NOT_SMALLEST, "not below the smallest coin proof of the round");
    }

    private static BigInteger voteWeight(Miner miner) {
        return miner.malicious() ? BigInteger.ZERO : new BigInteger(Long.toUnsignedString(miner.weight()));
    }

    private static long allowance(Miner miner) {
        return miner.malicious() ? 0 : miner.numUnits();
    }

    // ---- results ------------------------------------------------------------------------------------------------

    public EpochId epoch() {
        return epoch;
    }

    /** When the next phase change is due while the protocol runs (the driver calls {@link #tick} then). */
    public Optional<Instant> nextTickAt() {
        return started && !finished ? Optional.ofNullable(nextStepAt) : Optional.empty();
    }

    public boolean isFinished() {
        return finished;
    }

    /** beacon(e+1), once the protocol finished with one. */
    public Optional<Beacon> beacon() {
        return Optional.ofNullable(beacon);
    }

    /** Why the protocol finished without a beacon. */
    public Optional<Failure> failure() {
        return Optional.ofNullable(failure);
    }

    /** How a proposal received so far was classified; empty for unknown or dropped proposals. */
    public Optional<ProposalCategory> category(BeaconProposal proposal) {
        return Optional.ofNullable(votes.category(proposal));
    }

    /** The weak coin of a finished round. */
    public Optional<Boolean> weakCoin(long round) {
        return weakCoin.coin(round);
    }

    /** {@code thr(w1+w2)}: a proposal must be below it to be valid. */
    public BigInteger strictThreshold() {
        return strictThreshold;
    }

    /** {@code thr(w1)}: a proposal must be below it to be potentially valid. */
    public BigInteger looseThreshold() {
        return looseThreshold;
    }

    /** Σ weight of the epoch's non-malicious ATXs. */
    public long epochWeight() {
        return epochWeight;
    }

    /**
     * What this node saw, for the operator's end-of-epoch line: miners and weight, proposals by category, the
     * voting threshold and each proposal's final margin, the first-round voters, the coins, and the messages
     * ignored by rule. Two nodes that ended with different beacons differ somewhere in it.
     */
    public String summary() {
        StringBuilder b = new StringBuilder();
        b.append(miners.all().size()).append(" miners, weight ").append(Long.toUnsignedString(epochWeight))
                .append(", threshold ").append(votingThreshold)
                .append("; proposals valid ").append(votes.proposals(ProposalCategory.VALID).size())
                .append(", potentially valid ").append(votes.proposals(ProposalCategory.POTENTIALLY_VALID).size())
                .append("; margins");
        votes.margins().forEach((p, m) -> b.append(' ').append(p.hex()).append(m.signum() >= 0 ? "+" : "").append(m));
        b.append("; first-round voters ").append(votes.firstRoundVoters()).append("; coins");
        for (long r = 1; r < params.roundsNumber(); r++) {
            b.append(' ').append(weakCoin.coin(r).map(c -> c ? "1" : "0").orElse("-"));
        }
        b.append("; ignored ").append(ignored.isEmpty() ? "none" : ignored.toString());
        return b.toString();
    }
}
