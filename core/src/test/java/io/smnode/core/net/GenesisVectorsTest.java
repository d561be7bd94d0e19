package io.smnode.core.net;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.smnode.core.hash.Blake3;
import io.smnode.core.testing.Vectors;
import io.smnode.core.types.Address;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every case of testdata/vectors/genesis.json; every parameter a network case lists is compared. */
class GenesisVectorsTest {
    private static final String FILE = "genesis.json";

    /**
     * Each parameter name the vectors use (JSON path inside "parameters"; a _s/_ms suffix marks a duration) and
     * where it lives in {@link NetworkParams}. A vector parameter missing here fails the test, so nothing listed
     * goes unchecked.
     */
    private static final Map<String, Function<NetworkParams, Object>> PARAMETERS = Map.ofEntries(
            entry("TickSize", p -> p.atx().tickSize()),
            entry("RegossipAtxInterval_s", p -> p.atx().regossipInterval()),
            entry("ATXGradeDelay_s", p -> p.atx().gradeDelay()),
            entry("LayerAvgSize", p -> p.ballots().layerAvgSize()),
            entry("TxsPerProposal", p -> p.txs().txsPerProposal()),
            entry("BlockGasLimit", p -> new BigInteger(Long.toUnsignedString(p.txs().blockGasLimit()))),
            entry("OptFilterThreshold", p -> p.txs().optFilterThreshold()),
            entry("Standalone", p -> p.sync().standalone()),
            entry("GenesisAccounts", p -> Map.of(
                    "count", p.genesis().accounts().size(),
                    "total_smidge", p.genesis().accounts().stream().mapToLong(NetworkParams.GenesisAccount::balance)
                            .sum())),
            entry("PoetServers", p -> p.poet().servers().stream().map(s -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("Address", s.address());
                s.pubkey().ifPresent(k -> m.put("Pubkey_base64", Base64.getEncoder().encodeToString(k.toByteArray())));
                return m;
            }).toList()),
            entry("Tortoise.Hdist", p -> p.tortoise().hdist()),
            entry("Tortoise.Zdist", p -> p.tortoise().zdist()),
            entry("Tortoise.WindowSize", p -> p.tortoise().windowSize()),
            entry("Tortoise.MaxExceptions", p -> p.tortoise().maxExceptions()),
            entry("Tortoise.BadBeaconVoteDelayLayers", p -> p.tortoise().badBeaconVoteDelayLayers()),
            // The vectors give the reference's single {Weight: w} entry (epoch 0) as w.
            entry("Tortoise.MinimalActiveSetWeight", p -> {
                List<NetworkParams.EpochMinimalActiveWeight> w = p.tortoise().minimalActiveSetWeight();
                return w.size() == 1 && w.get(0).epoch() == 0 ? w.get(0).weight() : w;
            }),
            entry("Tortoise.HistoricalWindowSize", p -> p.tortoise().historicalWindowSize().stream().map(i -> {
                Map<String, Object> m = new LinkedHashMap<>();
                if (i.start() != 0) {
                    m.put("Start", i.start()); // the vector omits a zero start, as the Go literal does
                }
                m.put("End", i.end());
                m.put("Window", i.window());
                return m;
            }).toList()),
            entry("HARE3.Enable", p -> p.hare().enabled()),
            entry("HARE3.EnableLayer", p -> p.hare().enableLayer()),
            entry("HARE3.Committee", p -> p.hare().committee()),
            entry("HARE3.CommitteeUpgrade", p -> p.hare().committeeUpgrade()
                    .map(u -> (Object) Map.of("Layer", u.layer(), "Size", u.size())).orElse("none")),
            entry("HARE3.Leaders", p -> p.hare().leaders()),
            entry("HARE3.IterationsLimit", p -> p.hare().iterationsLimit()),
            entry("HARE3.PreroundDelay_s", p -> p.hare().preroundDelay()),
            entry("HARE3.RoundDuration_s", p -> p.hare().roundDuration()),
            entry("HARE3.RoundDuration_ms", p -> p.hare().roundDuration()),
            entry("HARE3.ProtocolName", p -> p.hare().protocolName()),
            entry("HARE4.Enable", p -> p.hare().hare4Enabled()),
            entry("HareEligibility.ConfidenceParam", p -> p.hare().confidenceParam()),
            entry("Certificate.CommitteeSize", p -> p.certificate().committeeSize()),
            entry("Beacon.Kappa", p -> p.beacon().kappa()),
            entry("Beacon.Q", p -> p.beacon().q().toString()),
            entry("Beacon.Theta", p -> p.beacon().theta().toString()),
            entry("Beacon.GracePeriodDuration_s", p -> p.beacon().gracePeriod()),
            entry("Beacon.ProposalDuration_s", p -> p.beacon().proposalDuration()),
            entry("Beacon.FirstVotingRoundDuration_s", p -> p.beacon().firstVotingRoundDuration()),
            entry("Beacon.RoundsNumber", p -> p.beacon().roundsNumber()),
            entry("Beacon.VotingRoundDuration_s", p -> p.beacon().votingRoundDuration()),
            entry("Beacon.WeakCoinRoundDuration_s", p -> p.beacon().weakCoinRoundDuration()),
            entry("Beacon.VotesLimit", p -> p.beacon().votesLimit()),
            entry("Beacon.BeaconSyncWeightUnits", p -> p.beacon().syncWeightUnits()),
            entry("POET.PhaseShift_s", p -> p.poet().phaseShift()),
            entry("POET.CycleGap_s", p -> p.poet().cycleGap()),
            entry("POET.GracePeriod_s", p -> p.poet().gracePeriod()),
            entry("POET.PositioningATXSelectionTimeout_s", p -> p.poet().positioningAtxSelectionTimeout()),
            entry("POST.MinNumUnits", p -> p.post().minNumUnits()),
            entry("POST.MaxNumUnits", p -> p.post().maxNumUnits()),
            entry("POST.LabelsPerUnit", p -> p.post().labelsPerUnit()),
            entry("POST.K1", p -> p.post().k1()),
            entry("POST.K2", p -> p.post().k2()),
            entry("POST.K3", p -> p.post().k3()),
            entry("POST.PowDifficulty", p -> p.post().powDifficulty().hex()),
            entry("POST.ScryptN", p -> p.post().scryptN()),
            entry("SMESHING.NumUnits", p -> p.smeshing().numUnits()),
            entry("SMESHING.Start", p -> p.smeshing().start()),
            entry("SMESHING.ComputeBatchSize", p -> p.smeshing().computeBatchSize()),
            // Described, not given: GenerateAddress([]byte("1")) puts the byte '1' at offset 4 (spec 01 §8).
            entry("SMESHING.CoinbaseAccount", p -> p.smeshing().coinbase().map(Address::hex).orElse("none")),
            // Described, not given: checked against the case's top-level standalone_beacon (see networkCase).
            entry("standalone_beacon", p -> "described"));

    private static final Map<String, Object> DESCRIBED_EXPECTATIONS = Map.of(
            "SMESHING.CoinbaseAccount", "00000000" + "31" + "00".repeat(19),
            "standalone_beacon", "described");

    static Stream<Named<JsonNode>> cases(String kind) {
        return Vectors.casesWhere(FILE, "kind", kind).stream().map(c -> Named.of(c.get("id").asText(), c));
    }

    static Stream<Named<JsonNode>> networkCase() {
        return Stream.concat(cases("network"), cases("preset"));
    }

    static Stream<Named<JsonNode>> genesisIdCase() {
        return cases("genesis_id");
    }

    static Stream<Named<JsonNode>> validateCase() {
        return cases("validate");
    }

    static Stream<Named<JsonNode>> jsonCase() {
        return cases("json");
    }

    private static NetworkParams paramsOf(String network) {
        return switch (network) {
            case "fastnet" -> Preset.LOCALNET.params();
            case "default" -> Preset.referenceDefaults();
            default -> Preset.byName(network).params();
        };
    }

    @ParameterizedTest
    @MethodSource
    void networkCase(JsonNode c) throws InvalidGenesisException {
        NetworkParams p = paramsOf(c.get("network").asText());
        assertEquals(c.get("network_hrp").asText(), p.hrp());
        assertEquals(Duration.ofSeconds(c.get("layer_duration_s").asLong()), p.time().layerDuration());
        assertEquals(c.get("layers_per_epoch").asInt(), p.time().layersPerEpoch());
        assertEquals(c.get("first_effective_genesis_layer").asLong(), p.time().firstEffectiveGenesis().value());
        assertEquals(c.get("extra_data").asText(), p.genesis().extraData());

        if (c.get("kind").asText().equals("network")) {
            // A public network fixes its genesis time.
            Instant time = Instant.parse(c.get("genesis_time").asText());
            assertEquals(time, p.genesis().time().orElseThrow());
            assertEquals(c.get("genesis_time_unix").asLong(), time.getEpochSecond());
            assertEquals(c.get("hash_preimage_ascii").asText(), time.getEpochSecond() + p.genesis().extraData());
        } else {
            assertTrue(p.genesis().time().isEmpty(), "a local preset takes its genesis time from the caller");
        }
        if (c.has("golden_atx")) {
            Instant time = Instant.ofEpochSecond(c.get("genesis_time_unix").asLong());
            GenesisConfig g = p.genesis().config(time);
            g.validate();
            assertEquals(c.get("golden_atx").asText(), g.goldenAtx().hex());
            assertEquals(c.get("genesis_id").asText(), g.genesisId().hex());
            if (c.has("standalone_beacon")) {
                assertEquals(c.get("standalone_beacon").asText(), g.standaloneBeacon().hex());
                // beacon epoch = the effective genesis's epoch + 1
                assertEquals(c.get("standalone_beacon_epoch").asLong(),
                        p.time().firstEffectiveGenesis().epoch(p.time().layersPerEpoch()).value() + 1);
            }
        }

        List<String> compared = new ArrayList<>();
        compareParameters("", c.get("parameters"), p, compared);
        assertTrue(compared.size() >= 5, "compared " + compared);
    }

    private static void compareParameters(String prefix, JsonNode node, NetworkParams p, List<String> compared) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = prefix + field.getKey();
            Function<NetworkParams, Object> accessor = PARAMETERS.get(key);
            if (accessor == null && field.getValue().isObject()) {
                compareParameters(key + ".", field.getValue(), p, compared);
                continue;
            }
            if (accessor == null) {
                fail("vector parameter " + key + " is not mapped to NetworkParams");
            }
            Object expected = DESCRIBED_EXPECTATIONS.containsKey(key)
                    ? DESCRIBED_EXPECTATIONS.get(key)
                    : expectedValue(key, field.getValue());
            assertEquals(expected, normalize(accessor.apply(p)), key);
            compared.add(key);
        }
    }

    private static Object expectedValue(String key, JsonNode value) {
        if (key.endsWith("_s")) {
            return Duration.ofSeconds(value.asLong());
        }
        if (key.endsWith("_ms")) {
            return Duration.ofMillis(value.asLong());
        }
        return Vectors.mapper().convertValue(value, Object.class);
    }

    /** Java numbers as BigInteger (how the vector reader gives integers), inside lists and maps too. */
    private static Object normalize(Object v) {
        if (v instanceof Integer || v instanceof Long) {
            return BigInteger.valueOf(((Number) v).longValue());
        }
        if (v instanceof List<?> l) {
            return l.stream().map(GenesisVectorsTest::normalize).toList();
        }
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(k, normalize(x)));
            return out;
        }
        return v;
    }

    @ParameterizedTest
    @MethodSource
    void genesisIdCase(JsonNode c) {
        GenesisConfig g = new GenesisConfig(Instant.ofEpochSecond(c.get("genesis_time_unix").asLong()),
                c.get("extra_data").asText());
        if (c.has("genesis_time")) {
            assertEquals(Instant.parse(c.get("genesis_time").asText()), g.genesisTime());
        }
        assertEquals(c.get("golden_atx").asText(), g.goldenAtx().hex());
        assertEquals(c.get("genesis_id").asText(), g.genesisId().hex());
        // Independent of GenesisConfig: the definition hashes decimal seconds then extra data.
        byte[] preimage = (c.get("genesis_time_unix").asText() + c.get("extra_data").asText())
                .getBytes(StandardCharsets.US_ASCII);
        assertEquals(c.get("golden_atx").asText(), Blake3.hash(preimage).hex());
    }

    @ParameterizedTest
    @MethodSource
    void validateCase(JsonNode c) {
        GenesisConfig g = new GenesisConfig(Instant.EPOCH, c.get("extra_data").asText());
        if (c.get("valid").asBoolean()) {
            try {
                g.validate();
            } catch (InvalidGenesisException e) {
                fail("expected valid, got: " + e.getMessage());
            }
        } else {
            InvalidGenesisException e =
                    assertThrows(InvalidGenesisException.class, g::validate);
            assertEquals(c.get("error").asText(), e.getMessage());
        }
    }

    @ParameterizedTest
    @MethodSource
    void jsonCase(JsonNode c) {
        Instant time = Instant.parse(c.get("genesis_time").asText());
        assertEquals(c.get("json").asText(), "\"" + GenesisTime.format(time) + "\"");
        assertEquals(time, GenesisTime.parse(c.get("genesis_time").asText()));
    }
}
