package io.smnode.post.init;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.smnode.core.testing.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FileLayoutTest {
    static Stream<Arguments> numFiles() {
        return cases("num_files");
    }

    static Stream<Arguments> fileLayouts() {
        return cases("file_layout");
    }

    static Stream<Arguments> cases(String kind) {
        return Vectors.casesWhere("post.json", "kind", kind).stream()
                .map(c -> Arguments.of(Named.of(c.get("id").asText(), c)));
    }

    @ParameterizedTest
    @MethodSource("numFiles")
    void numberOfFilesAndLabelsPerFile(JsonNode c) {
        FileLayout layout = new FileLayout(c.get("labels_per_unit").asLong() * c.get("num_units").asLong(),
                c.get("max_file_size").asLong());
        assertEquals(c.get("expected").asInt(), layout.numFiles());
        if (c.has("labels_in_file")) {
            for (int k = 0; k < c.get("labels_in_file").size(); k++) {
                assertEquals(c.get("labels_in_file").get(k).asLong(), layout.labelsInFile(k), "file " + k);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("fileLayouts")
    void namesAndSizes(JsonNode c) {
        FileLayout layout = new FileLayout(c.get("labels_per_unit").asLong() * c.get("num_units").asLong(),
                c.get("labels_per_file").asLong() * 16);
        List<String> names = new ArrayList<>();
        long total = 0;
        for (int k = 0; k < layout.numFiles(); k++) {
            names.add(FileLayout.fileName(k));
            total += layout.fileSize(k);
            assertEquals(expectedSize(c, FileLayout.fileName(k)), layout.fileSize(k), FileLayout.fileName(k));
        }
        List<String> expected = new ArrayList<>();
        c.get("expected_files").forEach(n -> expected.add(n.asText()));
        assertEquals(expected, names);
        assertEquals(c.get("expected_total").asLong(), total);
        assertEquals(c.get("expected_total").asLong(), layout.totalBytes());
    }

    /** The vector's per-file size, when it gives one; else the file size the total implies. */
    static long expectedSize(JsonNode c, String name) {
        JsonNode sizes = c.get("expected_sizes");
        if (sizes == null) {
            return c.get("expected_total").asLong() / c.get("expected_files").size();
        }
        return sizes.has(name) ? sizes.get(name).asLong() : sizes.get("others").asLong();
    }
}
