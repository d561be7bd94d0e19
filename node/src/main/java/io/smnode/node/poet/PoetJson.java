package io.smnode.node.poet;

import static io.smnode.node.poet.ProtoJson.base64;
import static io.smnode.node.poet.ProtoJson.bytes;
import static io.smnode.node.poet.ProtoJson.field;
import static io.smnode.node.poet.ProtoJson.object;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smnode.actors.poet.PoetRegistration;
import io.smnode.core.types.Bytes;
import io.smnode.poet.MerkleProof;
import io.smnode.poet.OpaqueCertificate;
import io.smnode.poet.PoetInfo;
import io.smnode.poet.PoetProof;
import io.smnode.poet.PowParams;
import io.smnode.poet.RoundProof;
import io.smnode.poet.SubmitRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The PoET gateway's messages (spec 09 §8) in both directions: the server reads a submit and writes the answers,
 * the client the other way round. Unknown fields are ignored, as protojson does.
 */
public final class PoetJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PoetJson() {}

    // ---- Submit -------------------------------------------------------------------------------------------------

    public static SubmitRequest readSubmit(byte[] body) throws PoetJsonException {
        JsonNode n = parse(body);
        JsonNode pow = object(field(n, "powParams", "pow_params").orElse(MAPPER.createObjectNode()), "powParams");
        Optional<OpaqueCertificate> certificate = Optional.empty();
        Optional<JsonNode> cert = field(n, "certificate", "certificate");
        if (cert.isPresent()) {
            JsonNode c = object(cert.get(), "certificate");
            certificate = Optional.of(new OpaqueCertificate(bytes(c, "data", "data"), bytes(c, "signature", "signature")));
        }
        Optional<Bytes> hint = field(n, "certificatePubkeyHint", "certificate_pubkey_hint").isPresent()
                ? Optional.of(bytes(n, "certificatePubkeyHint", "certificate_pubkey_hint"))
                : Optional.empty();
        Optional<JsonNode> deadlineField = field(n, "deadline", "deadline");
        Optional<Instant> deadline = deadlineField.isPresent()
                ? Optional.of(ProtoJson.timestamp(deadlineField.get(), "deadline"))
                : Optional.empty();
        return new SubmitRequest(bytes(n, "prefix", "prefix"), bytes(n, "challenge", "challenge"),
                bytes(n, "pubkey", "pubkey"), bytes(n, "signature", "signature"), ProtoJson.uint64(n, "nonce", "nonce"),
                new PowParams(bytes(pow, "challenge", "challenge"), ProtoJson.uint32(pow, "difficulty", "difficulty")),
                certificate, hint, deadline);
    }

    public static byte[] writeSubmit(SubmitRequest r) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("nonce", Long.toUnsignedString(r.nonce()));
        n.set("powParams", powParamsNode(r.powParams()));
        n.put("prefix", base64(r.prefix()));
        n.put("challenge", base64(r.challenge()));
        n.put("pubkey", base64(r.pubkey()));
        n.put("signature", base64(r.signature()));
        r.deadline().ifPresent(d -> n.put("deadline", d.toString()));
        r.certificate().ifPresent(c -> n.set("certificate",
                MAPPER.createObjectNode().put("data", base64(c.data())).put("signature", base64(c.signature()))));
        r.certificatePubkeyHint().ifPresent(h -> n.put("certificatePubkeyHint", base64(h)));
        return write(n);
    }

    public static byte[] writeSubmitResponse(String roundId, Duration roundEnd) {
        return write(MAPPER.createObjectNode().put("roundId", roundId).put("roundEnd", ProtoJson.duration(roundEnd)));
    }

    public static PoetRegistration readSubmitResponse(byte[] body) throws PoetJsonException {
        JsonNode n = parse(body);
        String roundId = field(n, "roundId", "round_id").map(JsonNode::asText).orElse("");
        Optional<JsonNode> end = field(n, "roundEnd", "round_end");
        return new PoetRegistration(roundId, end.isPresent() ? ProtoJson.duration(end.get(), "roundEnd") : Duration.ZERO);
    }

    // ---- Info and PoW parameters ----------------------------------------------------------------------------------

    public static byte[] writeInfo(PoetInfo info) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("servicePubkey", base64(info.servicePubKey()));
        n.put("phaseShift", ProtoJson.duration(info.phaseShift()));
        n.put("cycleGap", ProtoJson.duration(info.cycleGap()));
        info.certifier().ifPresent(c -> n.set("certifier",
                MAPPER.createObjectNode().put("url", c.url()).put("pubkey", base64(c.pubKey()))));
        return write(n);
    }

    public static PoetInfo readInfo(byte[] body) throws PoetJsonException {
        JsonNode n = parse(body);
        Optional<PoetInfo.Certifier> certifier = Optional.empty();
        Optional<JsonNode> c = field(n, "certifier", "certifier");
        if (c.isPresent()) {
            JsonNode o = object(c.get(), "certifier");
            certifier = Optional.of(new PoetInfo.Certifier(field(o, "url", "url").map(JsonNode::asText).orElse(""),
                    bytes(o, "pubkey", "pubkey")));
        }
        return new PoetInfo(bytes(n, "servicePubkey", "service_pubkey"), durationField(n, "phaseShift", "phase_shift"),
                durationField(n, "cycleGap", "cycle_gap"), certifier);
    }

    public static byte[] writePowParams(PowParams p) {
        ObjectNode n = MAPPER.createObjectNode();
        n.set("powParams", powParamsNode(p));
        return write(n);
    }

    public static PowParams readPowParams(byte[] body) throws PoetJsonException {
        JsonNode p = object(field(parse(body), "powParams", "pow_params").orElse(MAPPER.createObjectNode()),
                "powParams");
        return new PowParams(bytes(p, "challenge", "challenge"), ProtoJson.uint32(p, "difficulty", "difficulty"));
    }

    // ---- Proof ----------------------------------------------------------------------------------------------------

    /** {@code {proof: {proof: {root, provenLeaves, proofNodes}, members, leaves}, pubkey}}. */
    public static byte[] writeProof(RoundProof p, Bytes servicePubKey) {
        MerkleProof m = p.proof().merkleProof();
        ObjectNode merkle = MAPPER.createObjectNode();
        merkle.put("root", base64(m.root()));
        merkle.set("provenLeaves", array(m.provenLeaves()));
        merkle.set("proofNodes", array(m.proofNodes()));
        ObjectNode inner = MAPPER.createObjectNode();
        inner.set("proof", merkle);
        inner.set("members", array(p.members()));
        inner.put("leaves", Long.toUnsignedString(p.proof().leafCount()));
        ObjectNode n = MAPPER.createObjectNode();
        n.set("proof", inner);
        n.put("pubkey", base64(servicePubKey));
        return write(n);
    }

    /** The answer names no round, so the caller says which one it asked for. */
    public static RoundProof readProof(long round, byte[] body) throws PoetJsonException {
        JsonNode inner = object(field(parse(body), "proof", "proof").orElse(MAPPER.createObjectNode()), "proof");
        JsonNode merkle = object(field(inner, "proof", "proof").orElse(MAPPER.createObjectNode()), "proof.proof");
        MerkleProof m = new MerkleProof(bytes(merkle, "root", "root"),
                list(merkle, "provenLeaves", "proven_leaves"), list(merkle, "proofNodes", "proof_nodes"));
        return new RoundProof(round, new PoetProof(m, ProtoJson.uint64(inner, "leaves", "leaves")),
                list(inner, "members", "members"));
    }

    // ---- Errors ---------------------------------------------------------------------------------------------------

    /** The gateway's error body: the gRPC code number and a message. */
    public static byte[] writeError(int grpcCode, String message) {
        return write(MAPPER.createObjectNode().put("code", grpcCode).put("message", message)
                .set("details", MAPPER.createArrayNode()));
    }

    /** The message of an error body, or the body itself as text when it is not one. */
    public static String readErrorMessage(byte[] body) {
        try {
            JsonNode n = parse(body);
            return field(n, "message", "message").map(JsonNode::asText).orElse("");
        } catch (PoetJsonException e) {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private static JsonNode parse(byte[] body) throws PoetJsonException {
        JsonNode n;
        try {
            n = MAPPER.readTree(body);
        } catch (IOException e) {
            throw new PoetJsonException("malformed JSON");
        }
        if (n == null || !n.isObject()) {
            throw new PoetJsonException("the body must be a JSON object");
        }
        return n;
    }

    private static Duration durationField(JsonNode n, String jsonName, String protoName) throws PoetJsonException {
        Optional<JsonNode> v = field(n, jsonName, protoName);
        return v.isPresent() ? ProtoJson.duration(v.get(), jsonName) : Duration.ZERO;
    }

    private static List<Bytes> list(JsonNode n, String jsonName, String protoName) throws PoetJsonException {
        Optional<JsonNode> v = field(n, jsonName, protoName);
        List<Bytes> out = new ArrayList<>();
        if (v.isEmpty()) {
            return out;
        }
        if (!v.get().isArray()) {
            throw new PoetJsonException(jsonName + ": must be an array");
        }
        for (JsonNode item : v.get()) {
            out.add(bytes(item, jsonName));
        }
        return out;
    }

    private static ArrayNode array(List<Bytes> items) {
        ArrayNode a = MAPPER.createArrayNode();
        items.forEach(b -> a.add(base64(b)));
        return a;
    }

    private static ObjectNode powParamsNode(PowParams p) {
        return MAPPER.createObjectNode().put("difficulty", p.difficulty()).put("challenge", base64(p.challenge()));
    }

    private static byte[] write(JsonNode n) {
        try {
            return MAPPER.writeValueAsBytes(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }
}
