package io.smnode.mesh.block;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.codec.Scale;
import io.smnode.core.hash.Blake3;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.signing.EdVerifier;
import io.smnode.core.signing.Signature;
import io.smnode.core.types.BlockId;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.NodeId;
import io.smnode.core.vrf.VrfProof;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import io.smnode.core.verdict.Rule;
import io.smnode.core.verdict.Verdict;
import org.junit.jupiter.api.Test;

/**
 * Certification of layer 9's block by four equally weighted identities (committee 20 of total weight 400: each
 * draws from Binomial(100, 0.05)); the threshold is set to the seats they actually drew, so the certificate forms
 * exactly when the last message arrives. Then each check is broken once.
 */
class CertifierTest {
    private static final LayerId LAYER = LayerId.of(9);
    private static final LayerId EFFECTIVE_GENESIS = LayerId.of(7);
    private static final BlockId BLOCK = BlockId.ofHex("5a".repeat(20));
    private static final int COMMITTEE = 20;
    private static final int BUFFER = 2;

    private final List<EdSigner> signers = new ArrayList<>();
    private final Map<NodeId, Long> weights = new HashMap<>();
    private final CertifierWeights activeSet = new CertifierWeights() {
        @Override
        public OptionalLong weight(NodeId id) {
            Long w = weights.get(id);
            return w == null ? OptionalLong.empty() : OptionalLong.of(w);
        }

        @Override
        public long totalWeight() {
            return weights.values().stream().mapToLong(Long::longValue).sum();
        }
    };
    private final CertifierEligibility eligibility = new CertifierEligibility(EpochScript.BEACON, activeSet, COMMITTEE);
    private final Function<LayerId, Optional<CertifierEligibility>> oracle = l -> Optional.of(eligibility);
    private final EdVerifier verifier = new EdVerifier(EpochScript.PREFIX);
    private final List<CertifyMessage> messages = new ArrayList<>();
    private final int seats;

    CertifierTest() {
        for (int i = 0; i < 4; i++) {
            EdSigner s = signer("certifier-" + i);
            signers.add(s);
            weights.put(s.nodeId(), 100L);
        }
        int sum = 0;
        for (EdSigner s : signers) {
            Optional<CertifyMessage> m = Certifier.certify(s, LAYER, BLOCK, eligibility);
            if (m.isPresent()) {
                messages.add(m.get());
                sum += m.get().content().eligibilityCount();
            }
        }
        assertTrue(messages.size() >= 2, "the fixture needs at least two seated certifiers, has " + messages.size());
        seats = sum;
    }

    private static EdSigner signer(String label) {
        return EdSigner.fromSeed(Blake3.hash(label.getBytes(StandardCharsets.UTF_8)).toByteArray(), EpochScript.PREFIX);
    }

    private Certifier certifier() {
        return new Certifier(new CertConfig(COMMITTEE, seats, BUFFER), verifier, EFFECTIVE_GENESIS);
    }

    @Test
    void theDefaultThresholdIsAMajorityOfTheCommittee() {
        assertEquals(new CertConfig(10, 6, 8), CertConfig.of(10, 8));
        assertEquals(new CertConfig(200, 101, 2), CertConfig.of(200, 2));
    }

    @Test
    void ownMessagesAreSignedOverTheContentAndCarryTheSeatsTheirProofGives() {
        for (CertifyMessage m : messages) {
            assertTrue(m.content().eligibilityCount() > 0);
            assertEquals(Verdict.ACCEPT, certifier().validate(m, eligibility));
            assertEquals(Optional.empty(), eligibility.check(m.smesherId(), LAYER, m.content().proof(), m.content().eligibilityCount()));
        }
    }

    @Test
    void aRegisteredBlockIsCertifiedWhenTheSeatsReachTheThreshold() {
        Certifier c = certifier();
        assertEquals(Optional.empty(), c.register(LAYER, BLOCK));
        for (int i = 0; i < messages.size(); i++) {
            Certifier.Received r = c.receive(Scale.encode(CertifyMessage.CODEC, messages.get(i)), LAYER, oracle);
            assertTrue(r.verdict().accepted());
            Optional<Certificate> cert = r.certificate();
            assertEquals(i == messages.size() - 1, cert.isPresent());
            cert.ifPresent(value -> {
                assertEquals(BLOCK, value.blockId());
                assertEquals(messages, value.signatures());
                assertEquals(Verdict.ACCEPT, c.check(value, oracle));
            });
        }
        // Already certified: accepted (worth relaying) but no second certificate.
        assertEquals(new Certifier.Received(Verdict.ACCEPT, Optional.empty()), c.receive(messages.get(0), LAYER, oracle));
    }

    @Test
    void messagesForABlockNotRegisteredWaitForTheRegistration() {
        Certifier c = certifier();
        for (CertifyMessage m : messages) {
            assertEquals(new Certifier.Received(Verdict.ACCEPT, Optional.empty()), c.receive(m, LAYER, oracle));
        }
        assertEquals(new Certificate(BLOCK, messages), c.register(LAYER, BLOCK).orElseThrow());
    }

    @Test
    void aCertificateOneMessageShortIsBelowThreshold() {
        Certificate shortOne = new Certificate(BLOCK, messages.subList(1, messages.size()));
        assertEquals(CertifyRule.BELOW_THRESHOLD, certifier().check(shortOne, oracle).ruleOrNull());
        // an invalid message's seats do not count either
        List<CertifyMessage> withForged = new ArrayList<>(messages.subList(1, messages.size()));
        withForged.add(forgedSignature(messages.get(0)));
        assertEquals(CertifyRule.BELOW_THRESHOLD, certifier().check(new Certificate(BLOCK, withForged), oracle).ruleOrNull());
    }

    @Test
    void eachMessageCheckBrokenOnce() {
        CertifyMessage m = messages.get(0);
        EdSigner owner = signers.stream().filter(s -> s.nodeId().equals(m.smesherId())).findFirst().orElseThrow();
        byte[] bytes = Scale.encode(CertifyMessage.CODEC, m);
        assertEquals(CertifyRule.MALFORMED, refused(certifier().receive(Arrays.copyOf(bytes, bytes.length - 1), LAYER, oracle)));
        assertEquals(CertifyRule.BEACON_UNKNOWN, refused(certifier().receive(m, LAYER, l -> Optional.empty())));
        assertEquals(CertifyRule.LAYER_OUT_OF_RANGE, refused(certifier().receive(m, LAYER.add(BUFFER + 2), oracle)));
        assertEquals(CertifyRule.BAD_SIGNATURE, refused(certifier().receive(forgedSignature(m), LAYER, oracle)));
        EdSigner outsider = signer("outsider");
        VrfProof outsiderProof = outsider.vrfSigner().prove(CertifierEligibility.vrfMessage(EpochScript.BEACON, LAYER));
        assertEquals(CertifyRule.NOT_ACTIVE, refused(certifier().receive(
                CertifyMessage.sign(outsider, LAYER, BLOCK, 1, outsiderProof), LAYER, oracle)));
        VrfProof otherLayer = owner.vrfSigner().prove(CertifierEligibility.vrfMessage(EpochScript.BEACON, LAYER.add(1)));
        assertEquals(CertifyRule.BAD_VRF_PROOF, refused(certifier().receive(
                CertifyMessage.sign(owner, LAYER, BLOCK, m.content().eligibilityCount(), otherLayer), LAYER, oracle)));
        assertEquals(CertifyRule.WRONG_ELIGIBILITY_COUNT, refused(certifier().receive(
                CertifyMessage.sign(owner, LAYER, BLOCK, m.content().eligibilityCount() + 1, m.content().proof()), LAYER, oracle)));
        CertifierEligibility noCommittee = new CertifierEligibility(EpochScript.BEACON, activeSet, 0);
        assertEquals(CertifyRule.NOT_ELIGIBLE, refused(certifier().receive(m, LAYER, l -> Optional.of(noCommittee))));
    }

    @Test
    void messagesAreTakenOnlyForLayersAroundTheCurrentOne() {
        CertifyMessage m = messages.get(0);
        // accepted from current − buffer − 1 up to current + buffer
        assertTrue(certifier().receive(m, LAYER.add(BUFFER + 1), oracle).verdict().accepted());
        assertTrue(certifier().receive(m, LAYER.sub(BUFFER), oracle).verdict().accepted());
        assertEquals(CertifyRule.LAYER_OUT_OF_RANGE, refused(certifier().receive(m, LAYER.sub(BUFFER + 1), oracle)));
    }

    private static CertifyMessage forgedSignature(CertifyMessage m) {
        byte[] sig = m.signature().toByteArray();
        sig[0] ^= 1;
        return new CertifyMessage(m.content(), Signature.of(sig), m.smesherId());
    }

    /** The rule that refused the message; beacon and layer window ignore, every other check rejects. */
    private static Rule refused(Certifier.Received r) {
        assertFalse(r.verdict().accepted());
        assertEquals(Optional.empty(), r.certificate());
        Rule rule = r.verdict().ruleOrNull();
        boolean ignored = rule == CertifyRule.BEACON_UNKNOWN || rule == CertifyRule.LAYER_OUT_OF_RANGE;
        assertEquals(!ignored, r.verdict().rejected(), r.verdict().toString());
        return rule;
    }
}
