package io.smnode.poet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.smnode.core.testing.Vectors;
import io.smnode.core.types.Bytes;
import io.smnode.core.util.Hex;
import io.smnode.poet.ProofException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every case of testdata/vectors/poet.json, each as its own test named by its id. */
class PoetVectorsTest {
    private static final String FILE = "poet.json";

    static Stream<Arguments> kind(String kind) {
        return Vectors.casesWhere(FILE, "kind", kind).stream()
                .map(c -> Arguments.of(Named.of(c.get("id").asText(), c)));
    }

    static Stream<Arguments> labelHash() { return kind("label_hash"); }
    static Stream<Arguments> merkleHash() { return kind("merkle_hash"); }
    static Stream<Arguments> makeLabel() { return kind("make_label_layout"); }
    static Stream<Arguments> zeroBits() { return kind("leading_zero_bits"); }
    static Stream<Arguments> certDecode() { return kind("cert_decode"); }
    static Stream<Arguments> certEncode() { return kind("cert_encode"); }
    static Stream<Arguments> fiatShamir() { return kind("fiat_shamir"); }
    static Stream<Arguments> proof() { return kind("proof"); }
    static Stream<Arguments> verifyError() { return kind("verify_error"); }
    static Stream<Arguments> pow() { return kind("pow"); }
    static Stream<Arguments> membershipNode() { return kind("membership_node_hash"); }

    private static byte[] ascii(JsonNode c, String field) {
        return c.get(field).asText().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] hex(JsonNode n) {
        return Hex.decode(n.asText());
    }

    private static List<Bytes> hexList(JsonNode arr) {
        List<Bytes> out = new ArrayList<>();
        arr.forEach(n -> out.add(Bytes.ofHex(n.asText())));
        return out;
    }

    @ParameterizedTest @MethodSource("labelHash")
    void labelHash(JsonNode c) {
        assertEquals(c.get("expected").asText(), Hex.encode(new PoswHashes(ascii(c, "challenge_ascii"))
                .label(ascii(c, "data_ascii"))));
    }

    @ParameterizedTest @MethodSource("merkleHash")
    void merkleHash(JsonNode c) {
        assertEquals(c.get("expected").asText(), Hex.encode(new PoswHashes(ascii(c, "challenge_ascii"))
                .hash(ascii(c, "left_ascii"), ascii(c, "right_ascii"))));
    }

    @ParameterizedTest @MethodSource("makeLabel")
    void labelLayout(JsonNode c) {
        List<byte[]> siblings = new ArrayList<>();
        c.get("left_siblings").forEach(n -> siblings.add(hex(n)));
        assertEquals(c.get("expected_hash_input_hex").asText(),
                Hex.encode(LabelInput.of(c.get("label_id").asLong(), siblings)));
    }

    @ParameterizedTest @MethodSource("zeroBits")
    void leadingZeroBits(JsonNode c) {
        assertEquals(c.get("expected").asBoolean(), Pow.leadingZeroBits(hex(c.get("data")), c.get("bits").asLong()));
    }

    @ParameterizedTest @MethodSource("certDecode")
    void certificateDecodes(JsonNode c) throws Exception {
        Certificate cert = Certificate.decode(hex(c.get("data_hex")));
        assertEquals(c.get("pubkey").asText(), cert.pubKey().hex());
        assertEquals(Optional.of(c.get("expiration_unix").asLong()), cert.expiration());
        assertEquals(c.get("data_hex").asText(), Hex.encode(cert.encode()));
    }

    @ParameterizedTest @MethodSource("certEncode")
    void certificateEncodes(JsonNode c) {
        Optional<Long> exp = c.get("expiration_unix").isNull() ? Optional.empty()
                : Optional.of(c.get("expiration_unix").asLong());
        assertEquals(c.get("data_hex").asText(),
                Hex.encode(new Certificate(Bytes.ofHex(c.get("pubkey").asText()), exp).encode()));
    }

    @ParameterizedTest @MethodSource("fiatShamir")
    void fiatShamir(JsonNode c) {
        long[] expected = Vectors.mapper().convertValue(c.get("expected_indices_sorted"), long[].class);
        assertArrayEquals(expected, FiatShamir.indices(ascii(c, "challenge_ascii"), c.get("space_size").asLong(),
                c.get("security_param").asInt()));
    }

    @ParameterizedTest @MethodSource("proof")
    void proverMatchesAndVerifierAccepts(JsonNode c) throws Exception {
        Bytes statement = Bytes.wrap(ascii(c, "challenge_ascii"));
        int t = c.get("security_param").asInt();
        long n = c.get("leaves").asLong();
        MemoryTreeStore store = new MemoryTreeStore();
        PoswProver prover = PoswProver.start(statement, store);
        // The first labels with the parking slots each was built from.
        IncrementalTree shadow = new IncrementalTree(new PoswHashes(statement.toByteArray()), null);
        for (JsonNode fl : c.get("first_labels")) {
            List<String> parked = new ArrayList<>();
            shadow.parkedNodes().forEach(p -> parked.add(p == null ? "" : Hex.encode(p)));
            List<String> expectedParked = new ArrayList<>();
            fl.get("parked_nodes").forEach(p -> expectedParked.add(p.asText()));
            assertEquals(expectedParked, parked, "parking before leaf " + fl.get("leaf"));
            prover.addLeaves(1);
            assertEquals(fl.get("label").asText(), Hex.encode(store.read(0, fl.get("leaf").asLong())));
            shadow.add(hex(fl.get("label")));
        }
        prover.addLeaves(n - prover.leafCount());
        PoetProof proof = prover.proof(t);
        MerkleProof mp = proof.merkleProof();
        assertEquals(c.get("root").asText(), mp.root().hex());
        assertEquals(hexList(c.get("proven_leaves")), mp.provenLeaves());
        assertEquals(hexList(c.get("proof_nodes")), mp.proofNodes());
        long[] indices = Vectors.mapper().convertValue(c.get("proven_indices"), long[].class);
        assertArrayEquals(indices, FiatShamir.indices(mp.root().toByteArray(), n, t));
        PoetVerifier.verify(mp, statement, n, t);
    }

    @ParameterizedTest @MethodSource("verifyError")
    void verifierRejects(JsonNode c) {
        Bytes statement = Bytes.wrap(ascii(c, "challenge_ascii"));
        MerkleProof mp = c.has("root")
                ? new MerkleProof(Bytes.ofHex(c.get("root").asText()), hexList(c.get("proven_leaves")),
                        hexList(c.get("proof_nodes")))
                : new MerkleProof(Bytes.EMPTY, List.of(), List.of());
        ProofException e = assertThrows(ProofException.class,
                () -> PoetVerifier.verify(mp, statement, c.get("leaves").asLong(), c.get("security_param").asInt()));
        Reason expected = c.get("expected_error").asText().contains("at least one leaf") ? Reason.NO_LEAVES
                : Reason.ROOT_MISMATCH;
        assertEquals(expected, e.reason());
    }

    @ParameterizedTest @MethodSource("pow")
    void pow(JsonNode c) {
        byte[] powChallenge = hex(c.get("pow_challenge"));
        byte[] nodeId = hex(c.get("node_id"));
        byte[] poetChallenge = hex(c.get("poet_challenge"));
        for (Iterator<Map.Entry<String, JsonNode>> it = c.get("hash_by_nonce").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            assertEquals(e.getValue().asText(), Hex.encode(Pow.hash(powChallenge, nodeId, poetChallenge,
                    Long.parseLong(e.getKey()))), "nonce " + e.getKey());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = c.get("first_solution_by_difficulty").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            long difficulty = Long.parseLong(e.getKey());
            long nonce = Pow.solve(powChallenge, nodeId, poetChallenge, difficulty);
            assertEquals(e.getValue().get("nonce").asLong(), nonce, "difficulty " + difficulty);
            assertEquals(e.getValue().get("hash").asText(), Hex.encode(Pow.hash(powChallenge, nodeId, poetChallenge,
                    nonce)));
            assertEquals(true, Pow.verify(powChallenge, nodeId, poetChallenge, nonce, difficulty));
        }
    }

    @ParameterizedTest @MethodSource("membershipNode")
    void membershipNodeHash(JsonNode c) {
        assertEquals(c.get("expected").asText(), Hex.encode(new MembershipHash().hash(hex(c.get("left")),
                hex(c.get("right")))));
    }
}
