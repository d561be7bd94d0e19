package io.smnode.hare;

import io.smnode.core.signing.EdSigner;
import io.smnode.core.signing.EdVerifier;
import io.smnode.core.types.Beacon;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.NodeId;
import io.smnode.core.types.ProposalId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cost of handling hare gossip for a committee of 800: 1000 identities of equal weight, so about 550 hold seats
 * in a message round. Prints microseconds per handled message for the full handler (decode, signature, VRF and
 * eligibility check, graded gossip) and for the protocol step alone, and the cost of executing a round.
 * Run: {@code java -cp <core classes, hare classes, hare test classes, bcprov> io.smnode.hare.HareBench}.
 */
public final class HareBench {
    private static final int IDENTITIES = 1000;
    private static final int REPETITIONS = 7;
    private static final Bytes PREFIX = Bytes.ofHex("0102030405060708090a0b0c0d0e0f1011121314");
    private static final LayerId LAYER = LayerId.of(20_000);
    private static final HareConfig CONFIG = HareConfig.defaults();

    private HareBench() {}

    public static void main(String[] args) {
        List<EdSigner> signers = new ArrayList<>();
        Map<NodeId, Long> weights = new HashMap<>();
        for (int i = 0; i < IDENTITIES; i++) {
            byte[] seed = new byte[32];
            seed[0] = (byte) i;
            seed[1] = (byte) (i >> 8);
            EdSigner s = EdSigner.fromSeed(seed, PREFIX);
            signers.add(s);
            weights.put(s.nodeId(), 100L);
        }
        HareOracle oracle = new HareOracle(Beacon.ofHex("0a0b0c0d"), ActiveSet.of(weights));
        List<ProposalId> proposals = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
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
        System.out.printf("committee %d, %d identities, %d preround messages of %d proposals each%n",
                CONFIG.committeeFor(LAYER), IDENTITIES, wire.size(), proposals.size());
        EdVerifier verifier = new EdVerifier(PREFIX);
        for (int rep = 0; rep < REPETITIONS; rep++) {
            HareSession session = new HareSession(CONFIG, LAYER, oracle, verifier, List.of(), id -> false);
            session.next();
            long t0 = System.nanoTime();
            for (byte[] bytes : wire) {
                if (!session.onMessage(bytes).accepted()) {
                    throw new IllegalStateException("benchmark message not accepted");
                }
            }
            long t1 = System.nanoTime();
            HareProtocol protocol = new HareProtocol(CONFIG.thresholdFor(LAYER));
            protocol.next();
            List<ProtocolInput> inputs = decoded.stream().map(m -> ProtocolInput.of(m, 5, false)).toList();
            long t2 = System.nanoTime();
            for (ProtocolInput in : inputs) {
                protocol.onInput(in);
            }
            long t3 = System.nanoTime();
            protocol.next(); // softlock
            long t4 = System.nanoTime();
            ProtocolOutput propose = protocol.next(); // propose: thresh-gossip over all preround messages
            long t5 = System.nanoTime();
            long t6 = System.nanoTime();
            for (HareMessage m : decoded) {
                m.signatureValid(verifier);
            }
            long t7 = System.nanoTime();
            for (HareMessage m : decoded) {
                io.smnode.core.vrf.VrfVerifier.verify(m.sender(), HareOracle.vrfMessage(Beacon.ofHex("0a0b0c0d"),
                        LAYER, 0), m.body().eligibility().proof());
            }
            long t8 = System.nanoTime();
            for (HareMessage m : decoded) {
                HareOracle.claimHolds(800, 100, 100L * IDENTITIES, m.body().eligibility().proof(),
                        m.body().eligibility().count());
            }
            long t9 = System.nanoTime();
            System.out.printf("  of which: signature %.0f us, VRF verify %.0f us, seat count check %.0f us%n",
                    (t7 - t6) / 1e3 / wire.size(), (t8 - t7) / 1e3 / wire.size(), (t9 - t8) / 1e3 / wire.size());
            System.out.printf("rep %d: full handler %.1f us/msg, protocol onInput %.2f us/msg, "
                    + "propose round %.0f us (%d proposals pass), softlock %.0f us%n", rep,
                    (t1 - t0) / 1e3 / wire.size(), (t3 - t2) / 1e3 / inputs.size(), (t5 - t4) / 1e3,
                    propose.message().orElseThrow().value().proposals().size(), (t4 - t3) / 1e3);
        }
    }
}
