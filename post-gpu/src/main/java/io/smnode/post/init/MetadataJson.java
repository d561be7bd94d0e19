package io.smnode.post.init;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.NodeId;
import io.smnode.core.util.Hex;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code postdata_metadata.json} as the Go reference writes it: PascalCase keys in its field order, ids as padded
 * standard base64, {@code Nonce}/{@code NonceValue}/{@code LastPosition} left out when unknown, {@code NonceValue}
 * as hex. Reading accepts what post-rs writes too ({@code null} for absent values) and ignores unknown keys.
 */
public final class MetadataJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private MetadataJson() {}

    public static byte[] write(PostMetadata m) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("NodeId", Base64.getEncoder().encodeToString(m.nodeId().toByteArray()));
        o.put("CommitmentAtxId", Base64.getEncoder().encodeToString(m.commitmentAtxId().toByteArray()));
        o.put("LabelsPerUnit", m.labelsPerUnit());
        o.put("NumUnits", m.numUnits());
        o.put("MaxFileSize", m.maxFileSize());
        m.nonce().ifPresent(n -> o.put("Nonce", n));
        m.nonceValue().ifPresent(v -> o.put("NonceValue", v.hex()));
        m.lastPosition().ifPresent(p -> o.put("LastPosition", p));
        try {
            return MAPPER.writeValueAsBytes(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an object node always serializes", e);
        }
    }

    public static PostMetadata read(byte[] json) throws InitException {
        JsonNode o;
        try {
            o = MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw bad("not JSON: " + e.getMessage());
        }
        if (o == null || !o.isObject()) {
            throw bad("not a JSON object");
        }
        long numUnits = u64(o, "NumUnits", true).getAsLong();
        if (numUnits > PostMetadata.MAX_NUM_UNITS) {
            throw bad("NumUnits does not fit in u32: " + numUnits);
        }
        long labelsPerUnit = u64(o, "LabelsPerUnit", true).getAsLong();
        long maxFileSize = u64(o, "MaxFileSize", true).getAsLong();
        if (numUnits < 1 || labelsPerUnit < 1 || maxFileSize < 1) {
            throw bad("NumUnits, LabelsPerUnit and MaxFileSize must be positive");
        }
        Optional<Bytes> nonceValue = Optional.empty();
        JsonNode nv = o.get("NonceValue");
        if (nv != null && !nv.isNull()) {
            if (!nv.isTextual()) {
                throw bad("NonceValue is not a hex string");
            }
            try {
                nonceValue = Optional.of(Bytes.wrap(Hex.decode(nv.asText())));
            } catch (IllegalArgumentException e) {
                throw bad("NonceValue is not hex: " + e.getMessage());
            }
        }
        return new PostMetadata(NodeId.of(id(o, "NodeId")), AtxId.of(id(o, "CommitmentAtxId")), labelsPerUnit,
                numUnits, maxFileSize, u64(o, "Nonce", false), nonceValue, u64(o, "LastPosition", false));
    }

    private static byte[] id(JsonNode o, String key) throws InitException {
        JsonNode v = o.get(key);
        if (v == null || !v.isTextual()) {
            throw bad(key + " is missing or not a base64 string");
        }
        byte[] b;
        try {
            b = Base64.getDecoder().decode(v.asText());
        } catch (IllegalArgumentException e) {
            throw bad(key + " is not base64: " + e.getMessage());
        }
        if (b.length != 32) {
            throw bad(key + " must be 32 bytes, got " + b.length);
        }
        return b;
    }

    private static OptionalLong u64(JsonNode o, String key, boolean required) throws InitException {
        JsonNode v = o.get(key);
        if (v == null || v.isNull()) {
            if (required) {
                throw bad(key + " is missing");
            }
            return OptionalLong.empty();
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 0) {
            throw bad(key + " is not an unsigned integer below 2^63: " + v);
        }
        return OptionalLong.of(v.asLong());
    }

    private static InitException bad(String why) {
        return new InitException(InitException.Reason.BAD_METADATA, why);
    }
}
