package io.smnode.core.vrf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.smnode.core.testing.Vectors;
import io.smnode.core.types.NodeId;
import io.smnode.core.util.Hex;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every case of ecvrf.json: prove bytes, beta, the verify verdict and the tamper flags. */
class EcvrfVectorsTest {
    private static final String FILE = "ecvrf.json";

    static List<Named<JsonNode>> all() {
        return named(c -> true);
    }

    /** Cases whose pi is the prover's output for (sk_seed, alpha). */
    static List<Named<JsonNode>> proved() {
        return named(c -> c.get("valid").asBoolean());
    }

    static List<Named<JsonNode>> tampered() {
        return named(c -> c.has("tamper"));
    }

    static List<Named<JsonNode>> withV10Proof() {
        return named(c -> c.has("pi_draft_v10_for_comparison"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void verifyGivesTheReferenceVerdict(JsonNode c) {
        boolean valid = VrfVerifier.verify(NodeId.ofHex(c.get("pk").asText()), hex(c, "alpha"),
                VrfProof.ofHex(c.get("pi").asText()));
        assertEquals(c.get("valid").asBoolean(), valid);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("proved")
    void proveAndProofToHashMatchTheReference(JsonNode c) {
        VrfSigner signer = VrfSigner.fromSeed(hex(c, "sk_seed"));
        assertEquals(c.get("pk").asText(), signer.nodeId().hex());
        VrfProof proof = signer.prove(hex(c, "alpha"));
        assertEquals(c.get("pi").asText(), proof.hex());
        assertEquals(c.get("beta").asText(), VrfVerifier.proofToHash(proof).orElseThrow().hex());
        assertEquals(c.get("beta").asText(),
                VrfVerifier.verifyAndHash(signer.nodeId(), hex(c, "alpha"), proof).orElseThrow().hex());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tampered")
    void tamperedProofsAndMessagesGiveTheReferenceVerdicts(JsonNode c) {
        NodeId pk = NodeId.ofHex(c.get("pk").asText());
        byte[] alpha = hex(c, "alpha");
        byte[] pi = hex(c, "pi");
        pi[0] = (byte) ~pi[0];
        assertEquals(c.get("tamper").get("pi_first_byte_inverted_verifies").asBoolean(),
                VrfVerifier.verify(pk, alpha, VrfProof.of(pi)));
        byte[] longerAlpha = Arrays.copyOf(alpha, alpha.length + 1);
        assertEquals(c.get("tamper").get("alpha_plus_zero_byte_verifies").asBoolean(),
                VrfVerifier.verify(pk, longerAlpha, VrfProof.ofHex(c.get("pi").asText())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withV10Proof")
    void draftTenProofsDoNotVerify(JsonNode c) {
        // The vectors list v10 proofs "for contrast": the draft-13 verifier the reference uses must refuse them.
        assertFalse(VrfVerifier.verify(NodeId.ofHex(c.get("pk").asText()), hex(c, "alpha"),
                VrfProof.ofHex(c.get("pi_draft_v10_for_comparison").asText())));
    }

    private static List<Named<JsonNode>> named(java.util.function.Predicate<JsonNode> filter) {
        return Vectors.cases(FILE, filter).stream().map(c -> Named.of(c.get("id").asText(), c)).toList();
    }

    private static byte[] hex(JsonNode c, String field) {
        return Hex.decode(c.get(field).asText());
    }
}
