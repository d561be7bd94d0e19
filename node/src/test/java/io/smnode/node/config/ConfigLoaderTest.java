package io.smnode.node.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    /** A stand-in preset so these tests pin the loader's rules, not any real network's numbers. */
    private static Config preset(String name) {
        return ConfigFactory.parseMap(Map.of(
                "smnode.network.genesis-extra-data", name + "-extra",
                "smnode.network.hrp", "test",
                "smnode.network.layer-duration", "6s",
                "smnode.network.layers-per-epoch", 10));
    }

    private final ConfigLoader loader = new ConfigLoader(ConfigLoaderTest::preset);

    @TempDir
    Path tmp;

    private NodeConfig load(Map<String, String> cli, Map<String, String> env, Optional<Path> file) {
        return loader.load(new ConfigSources(cli, env, file));
    }

    private Path file(String hocon) throws IOException {
        Path f = tmp.resolve("node.conf");
        Files.writeString(f, hocon);
        return f;
    }

    @Test
    void referenceAndPresetGiveTheDefaults() {
        NodeConfig c = load(Map.of(), Map.of(), Optional.empty());
        assertEquals("standalone", c.preset());
        assertEquals("standalone-extra", c.network().genesisExtraData());
        assertEquals(Duration.ofSeconds(6), c.network().layerDuration());
        assertEquals(Optional.empty(), c.network().genesisTime());
        assertEquals(9090, c.metrics().port());
        assertEquals("plain", c.log().format());
    }

    @Test
    void precedenceIsCliThenEnvThenFileThenPresetThenReference() throws IOException {
        Path f = file("smnode.metrics.port = 1001\nsmnode.metrics.host = \"file-host\"\nsmnode.network.layers-per-epoch = 3\n"
                + "smnode.log.level = debug\n");
        Map<String, String> env = Map.of("SMNODE_METRICS_PORT", "1002", "SMNODE_METRICS_HOST", "env-host",
                "PATH", "/usr/bin");
        Map<String, String> cli = Map.of("metrics.port", "1003");
        NodeConfig c = load(cli, env, Optional.of(f));
        assertEquals(1003, c.metrics().port(), "CLI beats env");
        assertEquals("env-host", c.metrics().host(), "env beats file");
        assertEquals(3, c.network().layersPerEpoch(), "file beats preset");
        assertEquals("DEBUG", c.log().level(), "file beats reference");
        assertEquals(Duration.ofSeconds(6), c.network().layerDuration(), "preset beats reference");
    }

    @Test
    void theVerifiersRandomXModeIsAutoFastOrLight() {
        assertEquals(io.smnode.post.k2pow.RandomXPolicy.AUTO, load(Map.of(), Map.of(), Optional.empty()).post().randomx());
        assertEquals(io.smnode.post.k2pow.RandomXPolicy.LIGHT,
                load(Map.of("post.randomx", "light"), Map.of(), Optional.empty()).post().randomx());
        ConfigException e = assertThrows(ConfigException.class,
                () -> load(Map.of(), Map.of("SMNODE_POST_RANDOMX", "turbo"), Optional.empty()));
        assertEquals("configuration key smnode.post.randomx must be one of auto, fast, light, got 'turbo'.", e.getMessage());
    }

    @Test
    void thePresetChosenByAnyLayerSelectsThePresetLayer() {
        NodeConfig c = load(Map.of(), Map.of("SMNODE_PRESET", "localnet"), Optional.empty());
        assertEquals("localnet", c.preset());
        assertEquals("localnet-extra", c.network().genesisExtraData());
    }

    @Test
    void anUnknownKeyInTheFileFailsNamingTheKey() throws IOException {
        Path f = file("smnode.metrics.prot = 1\n");
        ConfigException e = assertThrows(ConfigException.class, () -> load(Map.of(), Map.of(), Optional.of(f)));
        assertTrue(e.getMessage().contains("smnode.metrics.prot"), e.getMessage());
        assertTrue(e.getMessage().contains("node.conf"), "says where the key came from: " + e.getMessage());
    }

    @Test
    void anUnknownCliKeyFails() {
        ConfigException e = assertThrows(ConfigException.class, () -> load(Map.of("metrics.enable", "true"), Map.of(), Optional.empty()));
        assertTrue(e.getMessage().contains("smnode.metrics.enable"), e.getMessage());
    }

    @Test
    void anUnknownSmnodeEnvironmentVariableFailsNamingIt() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> load(Map.of(), Map.of("SMNODE_METRIC_PORT", "1"), Optional.empty()));
        assertTrue(e.getMessage().contains("SMNODE_METRIC_PORT"), e.getMessage());
    }

    @Test
    void anIllTypedValueFailsNamingTheKeyAndTheValue() {
        ConfigException e = assertThrows(ConfigException.class, () -> load(Map.of("metrics.port", "ninety"), Map.of(), Optional.empty()));
        assertTrue(e.getMessage().contains("smnode.metrics.port"), e.getMessage());
        assertTrue(e.getMessage().contains("ninety"), e.getMessage());
    }

    @Test
    void outOfRangeAndBadEnumValuesFailNamingTheKey() {
        assertTrue(assertThrows(ConfigException.class, () -> load(Map.of("metrics.port", "70000"), Map.of(), Optional.empty()))
                .getMessage().contains("smnode.metrics.port"));
        assertTrue(assertThrows(ConfigException.class, () -> load(Map.of("log.format", "xml"), Map.of(), Optional.empty()))
                .getMessage().contains("smnode.log.format"));
        assertTrue(assertThrows(ConfigException.class, () -> load(Map.of("network.layer-duration", "0s"), Map.of(), Optional.empty()))
                .getMessage().contains("smnode.network.layer-duration"));
        assertTrue(assertThrows(ConfigException.class, () -> load(Map.of("network.genesis-time", "yesterday"), Map.of(), Optional.empty()))
                .getMessage().contains("smnode.network.genesis-time"));
    }

    @Test
    void p2pKeysHaveGoSpacemeshDefaultsAndFailNamingTheKey() throws IOException {
        NodeConfig c = load(Map.of(), Map.of(), Optional.empty());
        assertEquals("/ip4/0.0.0.0/tcp/7513", c.p2p().listen().toString());
        assertEquals(20, c.p2p().minPeers());
        assertEquals(100, c.p2p().maxPeers());
        String boot = "/ip4/127.0.0.1/tcp/5000/p2p/12D3KooWPStnitMbLyWAGr32gHmPr538mT658Thp6zTUujZt3LRf";
        NodeConfig listed = load(Map.of(), Map.of("SMNODE_P2P_BOOTNODES", boot + "," + boot), Optional.empty());
        assertEquals(2, listed.p2p().bootnodes().size());
        Path f = file("smnode.p2p.bootnodes = [\"" + boot + "\"]\nsmnode.p2p.listen = \"/ip4/127.0.0.1/tcp/0\"\n");
        assertEquals(0, load(Map.of(), Map.of(), Optional.of(f)).p2p().listen().port());
        for (Map<String, String> bad : List.of(Map.of("p2p.listen", "/ip4/127.0.0.1/udp/1"), Map.of("p2p.bootnodes", "/ip4/1.2.3.4/tcp/1"),
                Map.of("p2p.max-peers", "many"), Map.of("p2p.private-network", "maybe"))) {
            String key = "smnode." + bad.keySet().iterator().next();
            ConfigException e = assertThrows(ConfigException.class, () -> load(bad, Map.of(), Optional.empty()));
            assertTrue(e.getMessage().contains(key), e.getMessage());
        }
        ConfigException order = assertThrows(ConfigException.class,
                () -> load(Map.of("p2p.min-peers", "50", "p2p.max-peers", "10"), Map.of(), Optional.empty()));
        assertTrue(order.getMessage().contains("smnode.p2p.min-peers"), order.getMessage());
        assertTrue(assertThrows(ConfigException.class, () -> load(Map.of("p2p.listn", "x"), Map.of(), Optional.empty()))
                .getMessage().contains("smnode.p2p.listn"));
    }

    @Test
    void bandwidthLimitsAreOffUnlessSetReadSizesAndFailNamingTheKey() throws IOException {
        assertEquals(io.smnode.p2p.host.BandwidthLimits.UNLIMITED, load(Map.of(), Map.of(), Optional.empty()).p2p().bandwidth());
        Path f = file("smnode.p2p.bandwidth { global-in = 10MiB, peer-out = \"200 KiB\" }\n");
        NodeConfig c = load(Map.of("p2p.bandwidth.peer-in", "65536"), Map.of("SMNODE_P2P_BANDWIDTH_GLOBAL_OUT", "1MiB"), Optional.of(f));
        assertEquals(new io.smnode.p2p.host.BandwidthLimits(10L << 20, 1L << 20, 65536, 200 * 1024), c.p2p().bandwidth());
        for (Map<String, String> bad : List.of(Map.of("p2p.bandwidth.global-in", "-1"), Map.of("p2p.bandwidth.peer-out", "fast"),
                Map.of("p2p.bandwidth.peer-in", "100"), Map.of("p2p.bandwidth.global-out", "-2MiB"))) {
            String key = "smnode." + bad.keySet().iterator().next();
            ConfigException e = assertThrows(ConfigException.class, () -> load(bad, Map.of(), Optional.empty()));
            assertTrue(e.getMessage().contains(key), e.getMessage());
            assertEquals(1, e.getMessage().split("\\. ").length, "one sentence: " + e.getMessage());
        }
    }

    @Test
    void aSectionReplacedByAValueFails() throws IOException {
        Path f = file("smnode.metrics = 5\n");
        ConfigException e = assertThrows(ConfigException.class, () -> load(Map.of(), Map.of(), Optional.of(f)));
        assertTrue(e.getMessage().contains("smnode.metrics"), e.getMessage());
    }

    @Test
    void aMissingOrBrokenFileFailsNamingTheFile() throws IOException {
        Path missing = tmp.resolve("missing.conf");
        assertTrue(assertThrows(ConfigException.class, () -> load(Map.of(), Map.of(), Optional.of(missing)))
                .getMessage().contains("missing.conf"));
        Path broken = file("smnode { metrics = \n");
        assertTrue(assertThrows(ConfigException.class, () -> load(Map.of(), Map.of(), Optional.of(broken)))
                .getMessage().contains("node.conf"));
    }

    @Test
    void genesisTimeAndSizesAreTyped() {
        NodeConfig c = load(Map.of("network.genesis-time", "2023-07-14T08:00:00Z", "storage.map-size-initial", "2MiB"),
                Map.of(), Optional.empty());
        assertEquals(Optional.of(Instant.parse("2023-07-14T08:00:00Z")), c.network().genesisTime());
        assertEquals(2L << 20, c.storage().mapSizeInitial());
    }

    @Test
    void pekkoKeysPassThroughUntouched() throws IOException {
        Path f = file("pekko.actor.default-dispatcher.throughput = 7\n");
        NodeConfig c = load(Map.of(), Map.of(), Optional.of(f));
        assertEquals(7, c.raw().getInt("pekko.actor.default-dispatcher.throughput"));
    }

    @Test
    void everyKnownKeyHasItsOwnEnvironmentVariable() {
        Map<String, String> names = EnvironmentLayer.variableNames(ConfigFactory.parseResources(ConfigLoader.class, "/reference.conf"));
        assertEquals("smnode.data-dir", names.get("SMNODE_DATA_DIR"));
        assertEquals("smnode.network.layers-per-epoch", names.get("SMNODE_NETWORK_LAYERS_PER_EPOCH"));
    }

    @Test
    void theCoinbaseIsAnAddressOfTheNetworkAndTheTestModeOnlyOnADevnet() {
        assertEquals(Optional.empty(), load(Map.of(), Map.of(), Optional.empty()).smeshing().coinbase());
        ConfigException bad = assertThrows(ConfigException.class,
                () -> load(Map.of("smeshing.coinbase", "sm1qqqqqqqmx9x30sz69yzljxxs6uhj76vfvs8mksclffzjl"), Map.of(),
                        Optional.empty()));
        assertTrue(bad.getMessage().contains("smnode.smeshing.coinbase"), bad.getMessage());
        NodeConfig test = load(Map.of("test.seed", "abc", "test.virtual-clock", "true", "test.clock-speed", "2.5"),
                Map.of(), Optional.empty());
        assertEquals(new NodeConfig.TestMode(Optional.of("abc"), true, 2.5), test.test());
        ConfigException mainnet = assertThrows(ConfigException.class,
                () -> load(Map.of("preset", "mainnet", "test.seed", "abc"), Map.of(), Optional.empty()));
        assertTrue(mainnet.getMessage().contains("smnode.test.seed") && mainnet.getMessage().contains("mainnet"),
                mainnet.getMessage());
    }

    @Test
    void severalSmeshingIdentitiesOnlyOnADevnet() {
        assertEquals(1, load(Map.of(), Map.of(), Optional.empty()).smeshing().identities());
        assertEquals(2, load(Map.of("smeshing.identities", "2"), Map.of(), Optional.empty()).smeshing().identities());
        ConfigException mainnet = assertThrows(ConfigException.class,
                () -> load(Map.of("preset", "mainnet", "smeshing.identities", "2"), Map.of(), Optional.empty()));
        assertTrue(mainnet.getMessage().contains("smnode.smeshing.identities") && mainnet.getMessage().contains("mainnet"),
                mainnet.getMessage());
        ConfigException none = assertThrows(ConfigException.class,
                () -> load(Map.of("smeshing.identities", "0"), Map.of(), Optional.empty()));
        assertTrue(none.getMessage().contains("smnode.smeshing.identities"), none.getMessage());
    }

    @Test
    void theNetworksClockShapeIsTheOneTheConsensusRunsOn() {
        NodeConfig c = load(Map.of("network.layer-duration", "4s", "network.layers-per-epoch", "8"), Map.of(),
                Optional.empty());
        assertEquals(java.time.Duration.ofSeconds(4), c.params().time().layerDuration());
        assertEquals(8, c.params().time().layersPerEpoch());
    }

    @Test
    void aDevnetsPoetScheduleCanMatchShorterEpochsAndNothingElseCanChangeIt() {
        NodeConfig c = load(Map.of("network.layer-duration", "4s", "network.layers-per-epoch", "8",
                "network.poet.phase-shift", "16s", "network.poet.cycle-gap", "8s"), Map.of(), Optional.empty());
        assertEquals(java.time.Duration.ofSeconds(16), c.params().poet().phaseShift());
        assertEquals(java.time.Duration.ofSeconds(8), c.params().poet().cycleGap());
        NodeConfig preset = load(Map.of(), Map.of(), Optional.empty());
        NodeConfig onlyGap = load(Map.of("network.poet.cycle-gap", "5s"), Map.of(), Optional.empty());
        assertEquals(preset.params().poet().phaseShift(), onlyGap.params().poet().phaseShift());
        assertEquals(java.time.Duration.ofSeconds(5), onlyGap.params().poet().cycleGap());
        ConfigException longGap = assertThrows(ConfigException.class, () -> load(Map.of("network.layer-duration",
                "4s", "network.layers-per-epoch", "8", "network.poet.cycle-gap", "32s"), Map.of(), Optional.empty()));
        assertTrue(longGap.getMessage().contains("smnode.network.poet.cycle-gap"), longGap.getMessage());
        ConfigException mainnet = assertThrows(ConfigException.class,
                () -> load(Map.of("preset", "mainnet", "network.poet.phase-shift", "1m"), Map.of(), Optional.empty()));
        assertTrue(mainnet.getMessage().contains("smnode.network.poet.phase-shift")
                && mainnet.getMessage().contains("mainnet"), mainnet.getMessage());
    }

    @Test
    void apiListenersDefaultToTheReferencesPortsOnLoopbackWithTheStatusPageOnTheNextFreePort() {
        NodeConfig.Api api = load(Map.of(), Map.of(), Optional.empty()).api();
        assertEquals(Optional.of(new NodeConfig.Listen("smnode.api.public.listen", "127.0.0.1", 9092)),
                api.publicListen());
        assertEquals(9093, api.privateListen().orElseThrow().port());
        assertEquals(9094, api.postListen().orElseThrow().port());
        assertEquals(Optional.empty(), api.jsonListen(), "the JSON gateway is off by default");
        assertEquals(new NodeConfig.Listen("smnode.api.status-page.listen", "127.0.0.1", 9095),
                api.statusListen().orElseThrow());

        NodeConfig.Api moved = load(Map.of("api.public.listen", "[::1]:7000", "api.json.listen", "0.0.0.0:7001",
                "api.private.listen", "off"), Map.of(), Optional.empty()).api();
        assertEquals("::1", moved.publicListen().orElseThrow().host());
        assertEquals(Optional.empty(), moved.privateListen());
        assertEquals(7002, moved.statusListen().orElseThrow().port(), "7001 is the JSON gateway's");
        assertEquals(Optional.empty(), load(Map.of("api.public.listen", "off"), Map.of(), Optional.empty()).api()
                .statusListen(), "no public listener, no automatic status page");
    }

    @Test
    void aBadApiListenIsOneSentenceNamingTheKey() {
        for (String bad : new String[] {"9092", "localhost:", "localhost:70000", ":9092", "host:port"}) {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> load(Map.of("api.post.listen", bad), Map.of(), Optional.empty()));
            assertEquals("configuration key smnode.api.post.listen must be HOST:PORT (port 0 to 65535) or off, got '"
                    + bad + "'.", e.getMessage());
        }
    }
}
