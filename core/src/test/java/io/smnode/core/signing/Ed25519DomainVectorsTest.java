package io.smnode.core.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.smnode.core.testing.Vectors;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.NodeId;
import io.smnode.core.util.Hex;
import java.util.List;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every case of ed25519-domains.json, by kind. */
class Ed25519DomainVectorsTest {
    private static final String FILE = "ed25519-domains.json";

    static List<Named<JsonNode>> domain() {
        return named("domain");
    }

    static List<Named<JsonNode>> sign() {
        return named("sign");
    }

    static List<Named<JsonNode>> verify() {
        return named("verify");
    }

    static List<Named<JsonNode>> rawVerify() {
        return named("raw_verify");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("domain")
    void domainHasTheReferenceValueAndString(JsonNode c) {
        Domain d = Domain.fromName(c.get("name").asText()).orElseThrow();
        assertEquals(c.get("value").asInt(), d.value());
        assertEquals(c.get("string").asText(), d.referenceName());
        assertEquals(d, Domain.fromValue(c.get("value").asInt()).orElseThrow());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sign")
    void signerProducesTheReferenceSignature(JsonNode c) {
        Bytes prefix = Bytes.ofHex(c.get("prefix").asText());
        Domain domain = Domain.fromValue(c.get("domain").asInt()).orElseThrow();
        byte[] msg = hex(c, "msg");
        EdSigner signer = EdSigner.fromSeed(hex(c, "sk_seed"), prefix);

        assertEquals(c.get("pk").asText(), signer.nodeId().hex());
        assertEquals(c.get("signed_bytes").asText(), Hex.encode(SignedBytes.withDomain(prefix, domain, msg)));
        Signature sig = signer.sign(domain, msg);
        assertEquals(c.get("sig").asText(), sig.hex());
        assertTrue(new EdVerifier(prefix).verify(domain, signer.nodeId(), msg, sig));
        assertTrue(Ed25519.verify(hex(c, "pk"), hex(c, "signed_bytes"), hex(c, "sig")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("verify")
    void verifierWithPrefixGivesTheReferenceVerdict(JsonNode c) {
        EdVerifier verifier = new EdVerifier(Bytes.ofHex(c.get("prefix").asText()));
        boolean valid = verifier.verify(Domain.fromValue(c.get("domain").asInt()).orElseThrow(),
                NodeId.ofHex(c.get("pk").asText()), hex(c, "msg"), Signature.ofHex(c.get("sig").asText()));
        assertEquals(c.get("valid").asBoolean(), valid);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rawVerify")
    void rawVerifyFollowsTheReferenceOptions(JsonNode c) {
        assertEquals(c.get("valid").asBoolean(), Ed25519.verify(hex(c, "pk"), hex(c, "msg"), hex(c, "sig")),
                c.get("label").asText());
    }

    private static List<Named<JsonNode>> named(String kind) {
        return Vectors.casesWhere(FILE, "kind", kind).stream()
                .map(c -> Named.of(c.get("id").asText(), c))
                .toList();
    }

    private static byte[] hex(JsonNode c, String field) {
        return Hex.decode(c.get(field).asText());
    }
}
