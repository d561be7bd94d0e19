package io.smnode.hare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.smnode.core.signing.Signature;
import io.smnode.core.testing.Vectors;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.NodeId;
import io.smnode.core.types.ProposalId;
import io.smnode.core.util.Hex;
import io.smnode.core.vrf.VrfProof;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays every go-spacemesh {@code TestProtocol} table (hare3-protocol.json) step for step on one
 * {@link HareProtocol}, as the file's {@code format} describes: setup, inputs with their expected gossip and
 * equivocation flags, and round executions whose output must equal the expected one where {@code check} is set.
 */
class HareProtocolVectorsTest {
    private static final String FILE = "hare3-protocol.json";

    static Stream<Named<JsonNode>> cases() {
        return Vectors.cases(FILE).stream().map(c -> Named.of(c.get("id").asText(), c));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void replay(JsonNode c) {
        HareProtocol protocol = null;
        for (int i = 0; i < c.get("steps").size(); i++) {
            JsonNode step = c.get("steps").get(i);
            String where = c.get("id").asText() + " step " + i;
            switch (step.get("step").asText()) {
                case "setup" -> {
                    protocol = new HareProtocol(step.get("threshold").asInt());
                    protocol.onInitial(step.get("initial").isNull() ? List.of() : names(step.get("initial")));
                }
                case "input" -> {
                    Received received = protocol.onInput(input(step));
                    JsonNode expect = step.get("expect");
                    if (expect != null && !expect.isNull()) {
                        assertEquals(expect.get("gossip").asBoolean(), received.gossip(), where + " gossip");
                        if (expect.get("equivocation").asBoolean()) {
                            assertTrue(received.equivocation().isPresent(), where + " equivocation");
                        }
                    }
                }
                case "next" -> {
                    ProtocolOutput out = protocol.next();
                    if (step.get("check").asBoolean()) {
                        assertOutput(step.get("expect"), out, where);
                    } else if (step.hasNonNull("unchecked_annotation")) {
                        assertAnnotation(step.get("unchecked_annotation"), out, where);
                    }
                }
                default -> fail("unknown step " + step);
            }
        }
    }

    /**
     * What the Go table wrote next to a step it did not assert. Only the fields its author set are compared:
     * result, termination, and a coin where one was written (the generator records coin(false) as null).
     */
    private static void assertAnnotation(JsonNode note, ProtocolOutput out, String where) {
        assertEquals(note.get("terminated").asBoolean(), out.terminated(), where + " terminated (annotation)");
        assertEquals(resultOf(note), out.result(), where + " result (annotation)");
        if (!note.get("coin").isNull()) {
            assertEquals(Optional.of(note.get("coin").asBoolean()), out.coin(), where + " coin (annotation)");
        }
    }

    private static void assertOutput(JsonNode expect, ProtocolOutput out, String where) {
        Optional<Boolean> coin = expect.get("coin").isNull() ? Optional.empty()
                : Optional.of(expect.get("coin").asBoolean());
        assertEquals(coin, out.coin(), where + " coin");
        assertEquals(resultOf(expect), out.result(), where + " result");
        assertEquals(expect.get("terminated").asBoolean(), out.terminated(), where + " terminated");
        JsonNode m = expect.get("message");
        if (m.isNull()) {
            assertFalse(out.message().isPresent(), where + " no message expected, got " + out.message());
            return;
        }
        RoundMessage actual = out.message().orElseThrow(() -> new AssertionError(where + " message expected"));
        IterRound ir = IterRound.of(m.get("iter").asInt(), round(m.get("round").asText()));
        // A nil and an empty proposal list encode alike, so both are the empty list here.
        List<ProposalId> proposals = m.get("proposals").isNull() ? List.of() : ids(m.get("proposal_ids_hex"));
        Optional<Hash32> reference = referenceOf(m);
        assertEquals(new RoundMessage(ir, new Value(proposals, reference)), actual, where + " message");
    }

    private static Optional<List<ProposalId>> resultOf(JsonNode expect) {
        return expect.get("result").isNull() ? Optional.empty() : Optional.of(ids(expect.get("result_hex")));
    }

    /** A vector input as the Go table builds it: zero layer and signature, proof = prefix then zeros. */
    static ProtocolInput input(JsonNode step) {
        JsonNode m = step.get("message");
        List<ProposalId> proposals = m.get("proposals").isNull() ? List.of() : ids(m.get("proposal_ids_hex"));
        Optional<Hash32> reference = referenceOf(m);
        byte[] proof = Arrays.copyOf(Hex.decode(m.get("vrf_prefix_hex").asText()), VrfProof.LENGTH);
        Body body = new Body(LayerId.of(0), IterRound.of(m.get("iter").asInt(), round(m.get("round").asText())),
                new Value(proposals, reference), new Eligibility(VrfProof.of(proof), m.get("eligibility_count").asInt()));
        HareMessage message = new HareMessage(body, NodeId.ofHex(m.get("sender_id_hex").asText()),
                Signature.of(new byte[Signature.LENGTH]));
        return new ProtocolInput(message, step.get("atx_grade").asInt(), step.get("malicious").asBoolean(),
                Hash32.ofHex(step.get("msg_hash_hex").asText()));
    }

    /**
     * The reference a step names, hashed as the Go table does it (its {@code ref()} helper calls
     * {@code CalcProposalHash32Presorted}, the function the protocol uses). The file's {@code reference_hex} is not
     * used: its generator hashed the 20-byte ids, while the reference widens each id to 32 bytes
     * ({@code ProposalID.Bytes()} is {@code AsHash32().Bytes()}), so those hashes match no real reference.
     */
    private static Optional<Hash32> referenceOf(JsonNode message) {
        return message.get("reference").isNull() ? Optional.empty()
                : Optional.of(ProposalSets.hash(names(message.get("reference"))));
    }

    private static Round round(String name) {
        return Round.fromReferenceName(name).orElseThrow(() -> new AssertionError("round " + name));
    }

    private static List<ProposalId> ids(JsonNode hexes) {
        List<ProposalId> out = new ArrayList<>();
        hexes.forEach(h -> out.add(ProposalId.ofHex(h.asText())));
        return out;
    }

    /** Proposal names of a setup step, as the vectors' "ids" rule makes them: ASCII, zero padded to 20 bytes. */
    private static List<ProposalId> names(JsonNode names) {
        List<ProposalId> out = new ArrayList<>();
        names.forEach(n -> out.add(ProposalId.of(Arrays.copyOf(n.asText().getBytes(
                java.nio.charset.StandardCharsets.US_ASCII), ProposalId.LENGTH))));
        return out;
    }
}
