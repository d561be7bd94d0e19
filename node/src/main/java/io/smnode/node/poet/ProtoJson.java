package io.smnode.node.poet;

import com.fasterxml.jackson.databind.JsonNode;
import io.smnode.core.types.Bytes;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scalar conventions of protobuf's JSON mapping, which the PoET's HTTP gateway speaks (spec 09 §8): bytes as
 * base64 (standard or URL-safe, padding optional when read), 64-bit integers as decimal strings (numbers are
 * accepted too), Durations as {@code "864000s"} / {@code "1.500s"}, Timestamps in RFC 3339. A field may be given
 * under its lowerCamelCase JSON name or its proto name; an absent or null field is the type's default.
 */
final class ProtoJson {
    private static final Pattern DURATION = Pattern.compile("(-?)(\\d+)(?:\\.(\\d{1,9}))?s");

    private ProtoJson() {}

    /** The field under its JSON name or, failing that, its proto (snake_case) name; empty when absent or null. */
    static Optional<JsonNode> field(JsonNode object, String jsonName, String protoName) {
        JsonNode v = object.get(jsonName);
        if (v == null || v.isNull()) {
            v = object.get(protoName);
        }
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v);
    }

    static Bytes bytes(JsonNode object, String jsonName, String protoName) throws PoetJsonException {
        Optional<JsonNode> v = field(object, jsonName, protoName);
        if (v.isEmpty()) {
            return Bytes.EMPTY;
        }
        return bytes(v.get(), jsonName);
    }

    static Bytes bytes(JsonNode value, String name) throws PoetJsonException {
        if (!value.isTextual()) {
            throw new PoetJsonException(name + ": bytes must be a base64 string");
        }
        String standard = value.asText().replace('-', '+').replace('_', '/');
        try {
            return Bytes.wrap(Base64.getDecoder().decode(standard));
        } catch (IllegalArgumentException e) {
            throw new PoetJsonException(name + ": not base64");
        }
    }

    static String base64(Bytes b) {
        return Base64.getEncoder().encodeToString(b.toByteArray());
    }

    /** An unsigned 64-bit integer, as a string or a number; absent is 0. */
    static long uint64(JsonNode object, String jsonName, String protoName) throws PoetJsonException {
        Optional<JsonNode> v = field(object, jsonName, protoName);
        if (v.isEmpty()) {
            return 0;
        }
        JsonNode n = v.get();
        try {
            if (n.isTextual()) {
                return Long.parseUnsignedLong(n.asText());
            }
            if (n.isIntegralNumber() && n.canConvertToLong() && n.asLong() >= 0) {
                return n.asLong();
            }
            if (n.isIntegralNumber() && n.bigIntegerValue().bitLength() <= 64 && n.bigIntegerValue().signum() >= 0) {
                return n.bigIntegerValue().longValue();
            }
        } catch (NumberFormatException e) {
            // Reported below with the field's name.
        }
        throw new PoetJsonException(jsonName + ": not an unsigned 64-bit integer");
    }

    /** An unsigned 32-bit integer, which protojson writes as a number (a string is accepted). */
    static long uint32(JsonNode object, String jsonName, String protoName) throws PoetJsonException {
        long v = uint64(object, jsonName, protoName);
        if (v < 0 || v > 0xFFFF_FFFFL) {
            throw new PoetJsonException(jsonName + ": not an unsigned 32-bit integer");
        }
        return v;
    }

    static String duration(Duration d) {
        BigDecimal seconds = BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9));
        if (d.getNano() == 0) {
            return d.getSeconds() + "s";
        }
        // protojson prints 3, 6 or 9 fractional digits.
        int scale = d.getNano() % 1_000_000 == 0 ? 3 : d.getNano() % 1_000 == 0 ? 6 : 9;
        return seconds.setScale(scale).toPlainString() + "s";
    }

    static Duration duration(JsonNode value, String name) throws PoetJsonException {
        Matcher m = value.isTextual() ? DURATION.matcher(value.asText()) : null;
        if (m == null || !m.matches()) {
            throw new PoetJsonException(name + ": not a duration like \"30s\"");
        }
        try {
            String fraction = m.group(3) == null ? "" : m.group(3);
            long nanos = fraction.isEmpty() ? 0 : Long.parseLong((fraction + "00000000").substring(0, 9));
            Duration d = Duration.ofSeconds(Long.parseLong(m.group(2)), nanos);
            return m.group(1).isEmpty() ? d : d.negated();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new PoetJsonException(name + ": duration out of range");
        }
    }

    static Instant timestamp(JsonNode value, String name) throws PoetJsonException {
        if (!value.isTextual()) {
            throw new PoetJsonException(name + ": a timestamp must be an RFC 3339 string");
        }
        try {
            return OffsetDateTime.parse(value.asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw new PoetJsonException(name + ": not an RFC 3339 timestamp");
        }
    }

    static JsonNode object(JsonNode value, String name) throws PoetJsonException {
        if (!value.isObject()) {
            throw new PoetJsonException(name + ": must be an object");
        }
        return value;
    }
}
