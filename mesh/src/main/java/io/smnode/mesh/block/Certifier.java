package io.smnode.mesh.block;

import io.smnode.core.codec.Scale;
import io.smnode.core.codec.ScaleException;
import io.smnode.core.signing.Domain;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.signing.EdVerifier;
import io.smnode.core.types.BlockId;
import io.smnode.core.types.LayerId;
import io.smnode.core.verdict.Verdict;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Block certification as go-spacemesh's {@code blocks.Certifier}, without I/O (spec 06 §2): own certify messages,
 * received ones collected per (layer, block), and a certificate once the seats of a block this node registered
 * (its own hare output) reach the threshold. Seat sums are uint16 and wrap, as the reference's.
 *
 * <p>The eligibility of a layer's certifiers comes from {@code oracle}: empty when the layer's beacon is unknown.
 */
public final class Certifier {
    private final CertConfig config;
    private final EdVerifier verifier;
    private final LayerId effectiveGenesis;
    private final TreeMap<LayerId, Map<BlockId, Tally>> tallies = new TreeMap<>();

    /** Messages and seats gathered for one block of one layer. */
    private static final class Tally {
        boolean registered;
        boolean done;
        int seats; // uint16
        final List<CertifyMessage> messages = new ArrayList<>();
    }

    public Certifier(CertConfig config, EdVerifier verifier, LayerId effectiveGenesis) {
        this.config = Objects.requireNonNull(config, "config");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.effectiveGenesis = Objects.requireNonNull(effectiveGenesis, "effectiveGenesis");
    }

    /**
     * What receiving a certify message did: the gossip verdict (a message for a block already certified is accepted,
     * not counted, still worth relaying) and the certificate this message completed, if it did.
     */
    public record Received(Verdict verdict, Optional<Certificate> certificate) {
        public Received {
            Objects.requireNonNull(verdict, "verdict");
            Objects.requireNonNull(certificate, "certificate");
        }
    }

    /**
     * This node's message for its hare output of {@code layer} ({@code BlockId.ZERO} for an empty output), when
     * {@code signer} holds seats.
     */
    public static Optional<CertifyMessage> certify(EdSigner signer, LayerId layer, BlockId blockId,
            CertifierEligibility eligibility) {
        return eligibility.seats(signer.vrfSigner(), layer)
                .map(s -> CertifyMessage.sign(signer, layer, blockId, s.count(), s.proof()));
    }

    /** Marks {@code blockId} as this node's hare output of {@code layer}; a certificate if enough seats are in. */
    public Optional<Certificate> register(LayerId layer, BlockId blockId) {
        Tally t = tally(layer, blockId);
        t.registered = true;
        return tryCertify(blockId, t);
    }

    /** Handles the gossip bytes of a certify message received while {@code current} is the current layer. */
    public Received receive(byte[] bytes, LayerId current, Function<LayerId, Optional<CertifierEligibility>> oracle) {
        CertifyMessage msg;
        try {
            msg = Scale.decode(CertifyMessage.CODEC, bytes);
        } catch (ScaleException e) {
            return new Received(Verdict.reject(CertifyRule.MALFORMED, e.getMessage()), Optional.empty());
        }
        return receive(msg, current, oracle);
    }

    public Received receive(CertifyMessage msg, LayerId current,
            Function<LayerId, Optional<CertifierEligibility>> oracle) {
        Optional<CertifierEligibility> eligibility = oracle.apply(msg.layer());
        if (eligibility.isEmpty()) {
            return new Received(Verdict.ignore(CertifyRule.BEACON_UNKNOWN, "no beacon for layer " + msg.layer()),
                    Optional.empty());
        }
        if (!expected(msg.layer(), current)) {
            return new Received(Verdict.ignore(CertifyRule.LAYER_OUT_OF_RANGE,
                    "layer " + msg.layer() + " while current is " + current), Optional.empty());
        }
        Map<BlockId, Tally> ofLayer = tallies.get(msg.layer());
        Tally existing = ofLayer == null ? null : ofLayer.get(msg.blockId());
        if (existing != null && existing.done) {
            return new Received(Verdict.ACCEPT, Optional.empty());
        }
        Verdict verdict = validate(msg, eligibility.get());
        if (!verdict.accepted()) {
            return new Received(verdict, Optional.empty());
        }
        Tally t = tally(msg.layer(), msg.blockId());
        t.messages.add(msg);
        t.seats = (t.seats + msg.content().eligibilityCount()) & 0xffff;
        return new Received(Verdict.ACCEPT, t.registered ? tryCertify(msg.blockId(), t) : Optional.empty());
    }

    /**
     * Whether a certificate (from sync) is valid: the seats of its messages that pass {@link #validate} reach the
     * threshold. <b>Quirk kept:</b> as in the reference, a message is checked against its own layer and block, not
     * against the certificate's.
     */
    public Verdict check(Certificate cert, Function<LayerId, Optional<CertifierEligibility>> oracle) {
        int seats = 0;
        for (CertifyMessage msg : cert.signatures()) {
            Optional<CertifierEligibility> eligibility = oracle.apply(msg.layer());
            if (eligibility.isPresent() && validate(msg, eligibility.get()).accepted()) {
                seats = (seats + msg.content().eligibilityCount()) & 0xffff;
            }
        }
        if (seats < config.threshold()) {
            return Verdict.reject(CertifyRule.BELOW_THRESHOLD, seats + " valid seats, " + config.threshold()
                    + " needed");
        }
        return Verdict.ACCEPT;
    }

    /** Signature first (cheap), then the seats the VRF proof gives. */
    public Verdict validate(CertifyMessage msg, CertifierEligibility eligibility) {
        if (!verifier.verify(Domain.HARE, msg.smesherId(), msg.content().encode(), msg.signature())) {
            return Verdict.reject(CertifyRule.BAD_SIGNATURE, "HARE signature does not verify for "
                    + msg.smesherId().hex());
        }
        return eligibility.check(msg.smesherId(), msg.layer(), msg.content().proof(),
                msg.content().eligibilityCount())
                .map(rule -> Verdict.reject(rule, msg.content().eligibilityCount() + " seats claimed by "
                        + msg.smesherId().hex()))
                .orElse(Verdict.ACCEPT);
    }

    /** Forgets layers more than {@code keep} layers before {@code current} (never past effective genesis). */
    public void prune(LayerId current, int keep) {
        LayerId cutoff = current.value() > keep ? current.sub(keep) : effectiveGenesis;
        tallies.headMap(cutoff, false).clear();
    }

    /** Only messages for layers in {@code [current − buffer − 1, current + buffer]} are taken (DoS bound). */
    private boolean expected(LayerId layer, LayerId current) {
        LayerId start = effectiveGenesis;
        if (current.value() > config.layerBuffer() + 1L) {
            start = current.sub(config.layerBuffer() + 1L);
        }
        return layer.compareTo(start) >= 0 && layer.value() <= current.value() + config.layerBuffer();
    }

    private Optional<Certificate> tryCertify(BlockId blockId, Tally t) {
        if (t.done || t.seats < config.threshold() || !t.registered) {
            return Optional.empty();
        }
        t.done = true;
        return Optional.of(new Certificate(blockId, t.messages));
    }

    private Tally tally(LayerId layer, BlockId blockId) {
        return tallies.computeIfAbsent(layer, l -> new HashMap<>()).computeIfAbsent(blockId, b -> new Tally());
    }
}
