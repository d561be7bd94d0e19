package io.smnode.beacon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.smnode.core.net.GenesisConfig;
import io.smnode.core.testing.Vectors;
import io.smnode.core.types.Beacon;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class StandaloneBeaconTest {
    static Stream<Named<JsonNode>> cases() {
        List<JsonNode> cases = Vectors.cases("genesis.json", c -> c.has("standalone_beacon"));
        assertFalse(cases.isEmpty(), "genesis.json has standalone beacon cases");
        return cases.stream().map(c -> Named.of(c.get("id").asText(), c));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void genesisIdPrefix(JsonNode c) {
        GenesisConfig genesis = new GenesisConfig(Instant.ofEpochSecond(c.get("genesis_time_unix").asLong()),
                c.get("extra_data").asText());
        assertEquals(Beacon.ofHex(c.get("standalone_beacon").asText()), StandaloneBeacon.of(genesis));
        assertEquals(c.get("standalone_beacon_epoch").asLong(), StandaloneBeacon.EPOCH.value());
    }
}
