package io.smnode.node.localnet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.smnode.node.tools.ToolException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A localnet's directory: {@code localnet.json} (what {@code up} started: genesis, the PoET's address and process,
 * each node's data dir, p2p address and process), the PoET's data dir {@code poet/} and one data dir
 * {@code node-<i>/} per node, each with its {@code node.conf} and {@code node.log}.
 */
record LocalnetLayout(String genesis, String layerDuration, int layersPerEpoch, Process poet, List<Node> nodes) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final String FILE = "localnet.json";

    record Process(long pid, String address, String dir) {}

    /** @param api the node's public API listener (HOST:PORT) */
    record Node(int index, long pid, String dir, String p2p, String api) {}

    /** The same localnet with {@code changed} as its nodes (one added, or one started again under a new pid). */
    LocalnetLayout withNodes(List<Node> changed) {
        return new LocalnetLayout(genesis, layerDuration, layersPerEpoch, poet, List.copyOf(changed));
    }

    void write(Path dir) {
        try {
            Files.writeString(dir.resolve(FILE), JSON.writeValueAsString(this));
        } catch (IOException e) {
            throw new ToolException("cannot write " + dir.resolve(FILE) + ": " + e.getMessage());
        }
    }

    static LocalnetLayout read(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new ToolException(dir + " holds no localnet (no " + FILE + "); start one with smnode localnet up");
        }
        try {
            return JSON.readValue(file.toFile(), LocalnetLayout.class);
        } catch (IOException e) {
            throw new ToolException("cannot read " + file + ": " + e.getMessage());
        }
    }
}
