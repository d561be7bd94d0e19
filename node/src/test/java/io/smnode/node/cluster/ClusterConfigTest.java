package io.smnode.node.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.typesafe.config.Config;
import io.smnode.actors.cluster.NodeRole;
import io.smnode.node.config.NodeConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * cluster-config/: every file is commented and parses (the HOCON files through the node's own configuration loader,
 * as {@code --cluster-config} reads them; the YAML files as YAML with what compose and Kubernetes need; the script
 * through bash); the role files give the roles, the seed, the split-brain resolver and exit-jvm they promise.
 * {@code ClusterRolesIT} starts a cluster from them.
 */
class ClusterConfigTest {
    @Test
    void everyFileIsCommentedAndParses() throws Exception {
        Path root = ClusterFixture.clusterConfig();
        List<Path> files;
        try (Stream<Path> all = Files.walk(root)) {
            files = all.filter(Files::isRegularFile).sorted().toList();
        }
        List<String> seen = new ArrayList<>();
        for (Path file : files) {
            String name = root.relativize(file).toString();
            seen.add(name);
            List<String> lines = Files.readAllLines(file);
            int first = lines.get(0).startsWith("#!") ? 1 : 0;
            assertTrue(lines.get(first).startsWith("#"), name + " starts with a comment saying what it is");
            if (name.endsWith(".conf")) {
                NodeConfig config = ClusterFixture.load(file, Optional.empty());
                assertTrue(config.cluster().enabled(), name + " makes a cluster member");
            } else if (name.endsWith(".yml") || name.endsWith(".yaml")) {
                List<JsonNode> docs = new YAMLMapper().readerFor(JsonNode.class).<JsonNode>readValues(file.toFile())
                        .readAll();
                assertFalse(docs.isEmpty(), name);
                for (JsonNode doc : docs) {
                    boolean compose = name.equals("docker-compose.yml");
                    assertTrue(compose ? doc.has("services") : doc.has("apiVersion") && doc.has("kind"),
                            name + ": " + doc);
                }
            } else if (name.endsWith(".sh")) {
                Process bash = new ProcessBuilder("bash", "-n", file.toString()).redirectErrorStream(true).start();
                assertTrue(bash.waitFor(10, TimeUnit.SECONDS));
                assertEquals(0, bash.exitValue(), name + ": " + new String(bash.getInputStream().readAllBytes()));
                assertTrue(Files.isExecutable(file), name + " is executable");
            } else {
                assertEquals("Dockerfile", name);
                assertTrue(String.join("\n", lines).contains("COPY node/target/smnode.jar"), name);
            }
        }
        assertTrue(seen.containsAll(List.of("common.conf", "roles/consensus.conf", "roles/validation.conf",
                "roles/post.conf", "local/start.sh", "docker-compose.yml", "kubernetes/kubernetes.conf",
                "kubernetes/consensus.yaml", "kubernetes/validation.yaml", "kubernetes/post.yaml",
                "kubernetes/rbac.yaml")), seen.toString());

        assertEquals(Set.of(NodeRole.CONSENSUS, NodeRole.GATEWAY), role("consensus").cluster().roles());
        assertEquals(Set.of(NodeRole.VALIDATION), role("validation").cluster().roles());
        assertEquals(Set.of(NodeRole.POST), role("post").cluster().roles());
        NodeConfig kubernetes = ClusterFixture.load(root.resolve("kubernetes/kubernetes.conf"), Optional.empty());
        assertTrue(kubernetes.cluster().bootstrap());
        Config pekko = role("validation").raw();
        assertEquals(List.of("pekko://smnode@127.0.0.1:25520"), pekko.getStringList("pekko.cluster.seed-nodes"));
        assertEquals("keep-oldest", pekko.getString("pekko.cluster.split-brain-resolver.active-strategy"));
        assertEquals("consensus", pekko.getString("pekko.cluster.split-brain-resolver.keep-oldest.role"));
        assertTrue(pekko.getBoolean("pekko.coordinated-shutdown.exit-jvm"));
        assertEquals(25520, role("consensus").raw().getInt("pekko.remote.artery.canonical.port"));
    }

    private static NodeConfig role(String name) {
        return ClusterFixture.load(ClusterFixture.role(name), Optional.empty());
    }

}
