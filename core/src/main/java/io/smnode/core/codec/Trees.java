package io.smnode.core.codec;

import io.smnode.core.types.Bytes;
import io.smnode.core.types.FixedBytes;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Builders of the JSON-ready trees {@link ScaleTypes} returns: only LinkedHashMap (field order kept), List, String
 * (hex for bytes), Long or BigInteger (unsigned values at or above 2^63), Boolean and null.
 */
public final class Trees {
    private Trees() {}

    /** An unsigned integer given as the bits of a long. */
    public static Object unsigned(long bits) {
        return bits >= 0 ? (Object) bits : new BigInteger(Long.toUnsignedString(bits));
    }

    public static String hex(FixedBytes bytes) {
        return bytes.hex();
    }

    public static String hex(Bytes bytes) {
        return bytes.hex();
    }

    /** The inner tree, or null when absent. */
    public static <T> Object option(Optional<T> value, Function<? super T, Object> inner) {
        return value.isPresent() ? inner.apply(value.get()) : null;
    }

    public static <T> List<Object> list(List<T> values, Function<? super T, Object> element) {
        List<Object> out = new ArrayList<>(values.size());
        for (T v : values) {
            out.add(element.apply(v));
        }
        return Collections.unmodifiableList(out);
    }

    /** A struct from alternating field names and value trees, in declaration order. */
    public static Map<String, Object> struct(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("struct needs name/value pairs, got " + namesAndValues.length
                    + " items");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            out.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(out);
    }
}
