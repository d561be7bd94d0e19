package io.smnode.post.init;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smnode.core.types.Bytes;
import io.smnode.core.util.Hex;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How far an interrupted initialization got, kept in {@value #FILE_NAME} next to the data (readers of a PoST
 * directory ignore it: it is not a data file name). Labels {@code [0, labelsDone)} are durable on disk; the nonce
 * fields hold the best nonce among everything searched so far (its full 32-byte output, which the reference's
 * metadata does not keep but a resumed search must compare against). Removed once initialization completes.
 */
record Checkpoint(long labelsDone, OptionalLong nonce, Optional<Bytes> nonceOutput, OptionalLong lastPosition) {
    static final String FILE_NAME = "postdata_init_progress.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    Checkpoint {
        if (labelsDone < 0 || nonce.isPresent() != nonceOutput.isPresent()
                || nonceOutput.isPresent() && nonceOutput.get().length() != 32) {
            throw new IllegalArgumentException("inconsistent checkpoint");
        }
    }

    static final Checkpoint START = new Checkpoint(0, OptionalLong.empty(), Optional.empty(), OptionalLong.empty());

    byte[] toJson() {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("LabelsDone", labelsDone);
        nonce.ifPresent(n -> o.put("Nonce", n));
        nonceOutput.ifPresent(b -> o.put("NonceOutput", b.hex()));
        lastPosition.ifPresent(p -> o.put("LastPosition", p));
        try {
            return MAPPER.writeValueAsBytes(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an object node always serializes", e);
        }
    }

    static Checkpoint fromJson(byte[] json) throws InitException {
        try {
            JsonNode o = MAPPER.readTree(json);
            if (o == null || !o.isObject()) {
                throw bad("not a JSON object");
            }
            long done = number(o, "LabelsDone").orElseThrow(() -> bad("LabelsDone is missing"));
            JsonNode out = o.get("NonceOutput");
            Optional<Bytes> output = out == null || out.isNull()
                    ? Optional.empty() : Optional.of(Bytes.wrap(Hex.decode(out.asText())));
            return new Checkpoint(done, number(o, "Nonce"), output, number(o, "LastPosition"));
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
    }

    private static OptionalLong number(JsonNode o, String key) throws InitException {
        JsonNode v = o.get(key);
        if (v == null || v.isNull()) {
            return OptionalLong.empty();
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 0) {
            throw bad(key + " is not an unsigned integer");
        }
        return OptionalLong.of(v.asLong());
    }

    private static InitException bad(String why) {
        return new InitException(InitException.Reason.BAD_METADATA, FILE_NAME + ": " + why);
    }
}
