package io.smnode.node.smeshing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.signing.EdSigner;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.NodeId;
import io.smnode.node.config.ConfigLoader;
import io.smnode.node.config.ConfigSources;
import io.smnode.node.config.NodeConfig;
import io.smnode.node.config.PresetLayers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node's several identities: the first where a one-identity node keeps it, the others under identities/. */
class NodeKeysTest {
    private static final Bytes PREFIX = Bytes.ofHex("59c8b158d35d8df0d32455056eec931ce8691a98");

    @TempDir
    Path tmp;

    private NodeConfig config(Path dataDir) {
        return new ConfigLoader(PresetLayers::of).load(new ConfigSources(Map.of("preset", "standalone", "data-dir",
                dataDir.toString(), "test.seed", "keys", "smeshing.identities", "3"), Map.of(), Optional.empty()));
    }

    @Test
    void distinctIdentitiesInTheirFilesTheSameOnEveryStart() {
        NodeConfig config = config(tmp.resolve("a"));
        List<EdSigner> signers = NodeKeys.identities(config, PREFIX, 3);

        assertEquals(3, signers.stream().map(EdSigner::nodeId).collect(Collectors.toSet()).size());
        assertEquals(NodeKeys.identity(config, PREFIX).nodeId(), signers.get(0).nodeId(),
                "the first is the one-identity node's identity");
        assertTrue(Files.isRegularFile(tmp.resolve("a/identities/identity-1.key")));
        assertTrue(Files.isRegularFile(tmp.resolve("a/identities/identity-2.key")));
        assertEquals(signers.stream().map(EdSigner::nodeId).toList(),
                NodeKeys.identities(config, PREFIX, 3).stream().map(EdSigner::nodeId).toList(), "loaded again");
        Set<NodeId> sameSeed = NodeKeys.identities(config(tmp.resolve("b")), PREFIX, 3).stream()
                .map(EdSigner::nodeId).collect(Collectors.toSet());
        assertEquals(signers.stream().map(EdSigner::nodeId).collect(Collectors.toSet()), sameSeed,
                "a test seed makes the same identities in another data dir");
    }
}
