package io.smnode.core.testing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reads the reference vectors from {@code testdata/vectors/} at the repository root (copied there unchanged from
 * the shared vectors). Integers are read as BigInteger-capable nodes: cases go up to 2^64-1.
 */
public final class Vectors {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private Vectors() {}

    /** The repository's testdata/vectors folder, found by walking up from the module's working directory. */
    public static Path dir() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null) {
            Path candidate = p.resolve("testdata").resolve("vectors");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            p = p.getParent();
        }
        throw new IllegalStateException("testdata/vectors not found above " + Path.of("").toAbsolutePath());
    }

    public static JsonNode file(String name) {
        try {
            return MAPPER.readTree(dir().resolve(name).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read vector file " + name, e);
        }
    }

    /** All cases of a vector file. */
    public static List<JsonNode> cases(String name) {
        return cases(name, c -> true);
    }

    public static List<JsonNode> cases(String name, Predicate<JsonNode> filter) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode c : file(name).get("cases")) {
            if (filter.test(c)) {
                out.add(c);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no cases selected from " + name + ": a vector test must test something");
        }
        return out;
    }

    /** Cases whose field {@code field} equals {@code value}. */
    public static List<JsonNode> casesWhere(String name, String field, String value) {
        return cases(name, c -> c.has(field) && value.equals(c.get(field).asText()));
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
