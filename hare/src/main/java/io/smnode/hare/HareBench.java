package io.smnode.hare;

import io.smnode.core.signing.EdSigner;
import io.smnode.core.signing.EdVerifier;
import io.smnode.core.types.Beacon;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.NodeId;
import io.smnode.core.types.ProposalId;
import io.smnode.core.vrf.VrfVerifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Cost of handling hare gossip for the mainnet committee of 800: {@code identities} identities of equal weight (about
 * 550 of 1000 hold seats in a round), each eligible one sending a preround message of 50 proposals. Measures the full
 * handler per message (decode, signature, VRF and eligibility check, graded gossip), the protocol step alone, the
 * propose round (thresh-gossip over the preround) and the signature and VRF checks on their own. Each figure is the
 * best of {@code repetitions} runs over all messages (the first runs warm the JIT up). The clock is a parameter.
 */
public final class HareBench {
    private static final Bytes PREFIX = Bytes.ofHex("0102030405060708090a0b0c0d0e0f1011121314");
    private static final LayerId LAYER = LayerId.of(20_000);
    private static final HareConfig CONFIG = HareConfig.defaults();
    private static final Beacon BEACON = Beacon.ofHex("0a0b0c0d");
    private static final int PROPOSALS = 50;

    /** What one run measured; times are the best repetition's. */
    public record Result(int committee, int identities, int messages, int proposalsPerMessage, double usPerMessage,
                         double protocolUsPerMessage, double proposeRoundUs, double signatureUs, double vrfUs) {
        public double messagesPerSecond() {
            return 1e6 / usPerMessage;
        }
    }

    private HareBench() {}

    public static Result run(int identities, int repetitions, LongSupplier nanoTime) {
        List<EdSigner> signers = new ArrayList<>();
        Map<NodeId, Long> weights = new HashMap<>();
        for (int i = 0; i < identities; i++) {
            byte[] seed = new byte[32];
            seed[0] = (byte) i;
            seed[1] = (byte) (i >> 8);
            seed[2] = (byte) (i >> 16);
            EdSigner s = EdSigner.fromSeed(seed, PREFIX);
            signers.add(s);
            weights.put(s.nodeId(), 100L);
        }
        HareOracle oracle = new HareOracle(BEACON, ActiveSet.of(weights));
        List<ProposalId> proposals = new ArrayList<>();
        for (int i = 0; i < PROPOSALS; i++) {
            byte[] id = new byte[ProposalId.LENGTH];
            id[0] = (byte) i;
            proposals.add(ProposalId.of(id));
        }
        IterRound preround = IterRound.of(0, Round.PREROUND);
        List<byte[]> wire = new ArrayList<>();
        List<HareMessage> decoded = new ArrayList<>();
        for (EdSigner s : signers) {
            Optional<Eligibility> e = oracle.eligibility(s.vrfSigner(), LAYER, preround, CONFIG.committeeFor(LAYER));
            e.ifPresent(seats -> {
                HareMessage m = HareMessage.sign(new Body(LAYER, preround, Value.ofProposals(proposals), seats), s);
                wire.add(HareCodecs.encodeMessage(m));
                decoded.add(m);
            });
        }
        EdVerifier verifier = new EdVerifier(PREFIX);
        double handler = Double.MAX_VALUE;
        double protocolStep = Double.MAX_VALUE;
        double propose = Double.MAX_VALUE;
        double signature = Double.MAX_VALUE;
        double vrf = Double.MAX_VALUE;
        for (int rep = 0; rep < repetitions; rep++) {
            HareSession session = new HareSession(CONFIG, LAYER, oracle, verifier, List.of(), id -> false);
            session.next();
            long t0 = nanoTime.getAsLong();
            for (byte[] bytes : wire) {
                if (!session.onMessage(bytes).accepted()) {
                    throw new IllegalStateException("benchmark message not accepted");
                }
            }
            long t1 = nanoTime.getAsLong();
            HareProtocol protocol = new HareProtocol(CONFIG.thresholdFor(LAYER));
            protocol.next();
            List<ProtocolInput> inputs = decoded.stream().map(m -> ProtocolInput.of(m, 5, false)).toList();
            long t2 = nanoTime.getAsLong();
            for (ProtocolInput in : inputs) {
                protocol.onInput(in);
            }
            long t3 = nanoTime.getAsLong();
            protocol.next(); // softlock
            long t4 = nanoTime.getAsLong();
            ProtocolOutput proposed = protocol.next(); // propose: thresh-gossip over all preround messages
            long t5 = nanoTime.getAsLong();
            if (proposed.message().orElseThrow().value().proposals().size() != PROPOSALS) {
                throw new IllegalStateException("the propose round lost proposals");
            }
            for (HareMessage m : decoded) {
                m.signatureValid(verifier);
            }
            long t6 = nanoTime.getAsLong();
            for (HareMessage m : decoded) {
                VrfVerifier.verify(m.sender(), HareOracle.vrfMessage(BEACON, LAYER, 0), m.body().eligibility().proof());
            }
            long t7 = nanoTime.getAsLong();
            int n = wire.size();
            handler = Math.min(handler, (t1 - t0) / 1e3 / n);
            protocolStep = Math.min(protocolStep, (t3 - t2) / 1e3 / n);
            propose = Math.min(propose, (t5 - t4) / 1e3);
            signature = Math.min(signature, (t6 - t5) / 1e3 / n);
            vrf = Math.min(vrf, (t7 - t6) / 1e3 / n);
        }
        return new Result(CONFIG.committeeFor(LAYER), identities, wire.size(), PROPOSALS, handler, protocolStep, propose,
                signature, vrf);
    }
}
