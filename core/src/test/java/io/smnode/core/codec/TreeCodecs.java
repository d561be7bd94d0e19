package io.smnode.core.codec;

import com.fasterxml.jackson.databind.JsonNode;
import io.smnode.core.types.Bytes;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Test-side codecs over the vector files' value trees (BigInteger for integers, lowercase hex for bytes, Map for
 * structs, List for slices, null for absent options), built only from the production combinators, so a vector's
 * {@code value} can be encoded and compared directly.
 */
final class TreeCodecs {
    private TreeCodecs() {}

    /** The vector value as a plain tree: objects keep their keys, numbers become BigInteger. */
    static Object fromJson(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> out = new LinkedHashMap<>();
            node.fields().forEachRemaining(e -> out.put(e.getKey(), fromJson(e.getValue())));
            return out;
        }
        if (node.isArray()) {
            List<Object> out = new ArrayList<>();
            node.forEach(n -> out.add(fromJson(n)));
            return out;
        }
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        throw new IllegalArgumentException("unexpected vector value " + node);
    }

    /** A ScaleTypes tree with Long/BigInteger normalised to BigInteger, to compare with {@link #fromJson}. */
    static Object normalise(Object tree) {
        if (tree instanceof Long l) {
            return BigInteger.valueOf(l);
        }
        if (tree instanceof Integer i) {
            return BigInteger.valueOf(i);
        }
        if (tree instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(e -> out.add(normalise(e)));
            return out;
        }
        if (tree instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put((String) k, normalise(v)));
            return out;
        }
        return tree;
    }

    static ScaleCodec<Object> intAsBig(ScaleCodec<Integer> c) {
        return ScaleCodec.of((w, v) -> c.encode(w, ((BigInteger) v).intValueExact()),
                r -> BigInteger.valueOf(c.decode(r)));
    }

    static ScaleCodec<Object> longAsBig(ScaleCodec<Long> c) {
        return ScaleCodec.of((w, v) -> c.encode(w, ((BigInteger) v).longValue()),
                r -> new BigInteger(Long.toUnsignedString(c.decode(r))));
    }

    static ScaleCodec<Object> hex(ScaleCodec<Bytes> c) {
        return ScaleCodec.of((w, v) -> c.encode(w, Bytes.ofHex((String) v)), r -> c.decode(r).hex());
    }

    @SuppressWarnings("unchecked")
    static ScaleCodec<Object> any(ScaleCodec<?> c) {
        return (ScaleCodec<Object>) c;
    }

    /** An option as null-or-value. */
    static ScaleCodec<Object> nullable(ScaleCodec<Optional<Object>> c) {
        return ScaleCodec.of((w, v) -> c.encode(w, Optional.ofNullable(v)), r -> c.decode(r).orElse(null));
    }

    static ScaleCodec<Object> list(ScaleCodec<List<Object>> c) {
        return ScaleCodec.of((w, v) -> c.encode(w, castList(v)), r -> c.decode(r));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> castList(Object v) {
        return (List<Object>) v;
    }

    /** A struct over a Map, fields in the given (declaration) order: name, codec, name, codec, ... */
    static ScaleCodec<Object> struct(Object... namesAndCodecs) {
        return new ScaleCodec<>() {
            @Override
            public void encode(ScaleWriter w, Object value) {
                Map<?, ?> map = (Map<?, ?>) value;
                for (int i = 0; i < namesAndCodecs.length; i += 2) {
                    String name = (String) namesAndCodecs[i];
                    w.field(name, any((ScaleCodec<?>) namesAndCodecs[i + 1]), map.get(name));
                }
            }

            @Override
            public Object decode(ScaleReader r) throws ScaleException {
                Map<String, Object> out = new LinkedHashMap<>();
                for (int i = 0; i < namesAndCodecs.length; i += 2) {
                    String name = (String) namesAndCodecs[i];
                    out.put(name, r.field(name, any((ScaleCodec<?>) namesAndCodecs[i + 1])));
                }
                return out;
            }
        };
    }
}
