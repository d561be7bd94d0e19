package io.smnode.hare;

import io.smnode.core.signing.EdSigner;
import io.smnode.core.signing.EdVerifier;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.NodeId;
import io.smnode.core.types.ProposalId;
import io.smnode.core.vrf.VrfSigner;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One layer's hare run with signatures and eligibility (go-spacemesh {@code hare3/hare.go}, session and message
 * handler), still without clock or network: the driver calls {@link #next()} when each round's timer fires
 * (preround at layer start + PreroundDelay, then every RoundDuration), hands every gossip message to
 * {@link #onMessage(byte[])}, publishes what {@code next()} returns and stops at {@link RoundOutcome#finished()}.
 */
public final class HareSession {
    private final HareConfig config;
    private final LayerId layer;
    private final HareOracle oracle;
    private final EdVerifier verifier;
    private final List<EdSigner> signers;
    /** The signers' VRF provers, derived once: each derivation costs a hash and a base-point multiplication. */
    private final List<VrfSigner> vrfSigners;
    private final Predicate<NodeId> knownMalicious;
    private final HareProtocol protocol;
    /** Identities this session caught equivocating: their later messages count as malicious, as they would once
     * the driver has persisted the proof. */
    private final Set<NodeId> equivocators = new HashSet<>();
    private List<Optional<Eligibility>> preroundEligibilities;
    private boolean finished;

    /**
     * @param oracle eligibility for this layer's beacon and active set
     * @param signers the local identities taking part (a snapshot, as the reference takes at session start)
     * @param knownMalicious whether an identity is already known malicious (read at every message)
     */
    public HareSession(HareConfig config, LayerId layer, HareOracle oracle, EdVerifier verifier,
            List<EdSigner> signers, Predicate<NodeId> knownMalicious) {
        this.config = Objects.requireNonNull(config, "config");
        this.layer = Objects.requireNonNull(layer, "layer");
        this.oracle = Objects.requireNonNull(oracle, "oracle");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.signers = List.copyOf(signers);
        this.vrfSigners = this.signers.stream().map(EdSigner::vrfSigner).toList();
        this.knownMalicious = Objects.requireNonNull(knownMalicious, "knownMalicious");
        this.protocol = new HareProtocol(config.thresholdFor(layer));
    }

    public LayerId layer() {
        return layer;
    }

    /** The round the next {@link #next()} executes. */
    public IterRound current() {
        return protocol.current();
    }

    public boolean finished() {
        return finished;
    }

    /**
     * Whether a local signer holds preround seats. Only then does the driver need to pick the initial proposal
     * set (spec 04 §8) and pass it to {@link #onInitial} before the first {@link #next()}.
     */
    public boolean activeInPreround() {
        return preroundEligibilities().stream().anyMatch(Optional::isPresent);
    }

    public void onInitial(List<ProposalId> proposals) {
        protocol.onInitial(proposals);
    }

    /** Handles gossip bytes: decode, then as {@link #onMessage(HareMessage)}. */
    public MessageOutcome onMessage(byte[] bytes) {
        try {
            return onMessage(HareCodecs.decodeMessage(bytes));
        } catch (InvalidHareMessageException e) {
            return MessageOutcome.reject(HareRule.MALFORMED, e.getMessage());
        }
    }

    /**
     * The reference's inline validation: shape, layer, signature, eligibility (invalid → ignored), then graded
     * gossip. A revealed equivocation is reported once, for a sender not already known malicious.
     */
    public MessageOutcome onMessage(HareMessage message) {
        try {
            message.checkShape();
        } catch (InvalidHareMessageException e) {
            return MessageOutcome.reject(HareRule.MALFORMED, e.getMessage());
        }
        if (finished || !message.body().layer().equals(layer)) {
            return MessageOutcome.ignore(HareRule.NO_SESSION, "layer " + message.body().layer(), Optional.empty());
        }
        Hash32 hash = message.body().hash();
        if (!message.signatureValid(verifier, hash)) {
            return MessageOutcome.reject(HareRule.SIGNATURE, "invalid signature");
        }
        NodeId sender = message.sender();
        boolean malicious = isMalicious(sender);
        int atxGrade = oracle.atxGrade(message, config);
        if (atxGrade == 0) {
            return MessageOutcome.ignore(HareRule.NOT_ELIGIBLE, "", Optional.empty());
        }
        Received received = protocol.onInput(new ProtocolInput(message, atxGrade, malicious, hash));
        Optional<HareEquivocation> equivocation = malicious ? Optional.empty() : received.equivocation();
        equivocation.ifPresent(e -> equivocators.add(sender));
        return received.gossip() ? MessageOutcome.accept(equivocation)
                : MessageOutcome.ignore(HareRule.NOT_RELAYED, "dropped by graded gossip", equivocation);
    }

    /**
     * Executes the current round and signs its message for every local signer eligible in it. Own messages are
     * also filed as received (the reference's pubsub delivers local publications to its own handler), so a
     * driver need not loop them back; if it does, they are dropped as duplicates.
     *
     * @throws IllegalStateException when the session has already finished
     */
    public RoundOutcome next() {
        if (finished) {
            throw new IllegalStateException("hare session for layer " + layer + " has finished");
        }
        IterRound executed = protocol.current();
        List<Optional<Eligibility>> eligibilities = eligibilities(executed);
        ProtocolOutput out = protocol.next();
        List<HareMessage> messages = new ArrayList<>();
        out.message().ifPresent(m -> {
            for (int i = 0; i < signers.size(); i++) {
                Optional<Eligibility> eligibility = eligibilities.get(i);
                if (eligibility.isPresent()) {
                    HareMessage signed = HareMessage.sign(
                            new Body(layer, m.iterRound(), m.value(), eligibility.get()), signers.get(i));
                    messages.add(signed);
                    protocol.onInput(new ProtocolInput(signed, GradedGossip.GRADE5, isMalicious(signed.sender()),
                            signed.body().hash()));
                }
            }
        });
        finished = out.terminated() || executed.iter() == config.iterationsLimit();
        return new RoundOutcome(executed, messages, out.coin(), out.result(), out.terminated(), finished);
    }

    private boolean isMalicious(NodeId id) {
        return knownMalicious.test(id) || equivocators.contains(id);
    }

    private List<Optional<Eligibility>> preroundEligibilities() {
        if (preroundEligibilities == null) {
            preroundEligibilities = computeEligibilities(IterRound.of(0, Round.PREROUND));
        }
        return preroundEligibilities;
    }

    private List<Optional<Eligibility>> eligibilities(IterRound round) {
        if (round.equals(IterRound.of(0, Round.PREROUND))) {
            return preroundEligibilities();
        }
        boolean messageRound = round.is(Round.PREROUND) || round.is(Round.PROPOSE) || round.is(Round.COMMIT)
                || round.is(Round.NOTIFY);
        if (!messageRound) {
            return signers.stream().map(s -> Optional.<Eligibility>empty()).toList();
        }
        return computeEligibilities(round);
    }

    private List<Optional<Eligibility>> computeEligibilities(IterRound round) {
        int committee = config.committeeFor(layer, round);
        return vrfSigners.stream().map(s -> oracle.eligibility(s, layer, round, committee)).toList();
    }
}
