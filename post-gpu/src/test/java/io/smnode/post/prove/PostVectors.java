package io.smnode.post.prove;

import com.fasterxml.jackson.databind.JsonNode;
import io.smnode.core.testing.Vectors;
import java.math.BigInteger;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** post.json cases of one kind as (id, case) arguments, and the vectors' unsigned 64-bit numbers. */
public final class PostVectors {
    private PostVectors() {}

    public static Stream<Arguments> ofKind(String kind) {
        return Vectors.casesWhere("post.json", "kind", kind).stream().map(c -> Arguments.of(c.get("id").asText(), c));
    }

    /** A JSON integer up to 2^64 − 1 as the long with the same 64 bits. */
    public static long u64(JsonNode n) {
        BigInteger v = n.bigIntegerValue();
        if (v.signum() < 0 || v.bitLength() > 64) {
            throw new IllegalArgumentException("not a u64: " + v);
        }
        return v.longValue();
    }

    public static long[] u64s(JsonNode array) {
        long[] out = new long[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = u64(array.get(i));
        }
        return out;
    }
}
