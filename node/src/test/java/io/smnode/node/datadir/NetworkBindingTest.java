package io.smnode.node.datadir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.net.GenesisConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkBindingTest {
    @TempDir
    Path tmp;

    private Path file() {
        return tmp.resolve("network.conf");
    }

    @Test
    void aDevnetGetsTheFirstStartsTimeRoundedUpAndKeepsItAcrossRestarts() {
        Instant firstStart = Instant.parse("2026-01-01T10:00:00.250Z");
        GenesisConfig first = NetworkBinding.bind(file(), Optional.empty(), "standalone", firstStart);
        assertEquals(Instant.parse("2026-01-01T10:00:01Z"), first.genesisTime());
        GenesisConfig later = NetworkBinding.bind(file(), Optional.empty(), "standalone", firstStart.plusSeconds(3600));
        assertEquals(first, later);
    }

    @Test
    void mainnetGenesisIsWrittenAndItsIdMatchesTheReference() throws IOException {
        GenesisConfig g = NetworkBinding.bind(file(), Optional.of(Instant.parse("2023-07-14T08:00:00Z")),
                "00000000000000000001a6bc150307b5c1998045752b3c87eccf3c013036f3cc", Instant.parse("2026-01-01T00:00:00Z"));
        assertEquals("9eebff023abb17ccb775c602daade8ed708f0a50", g.genesisId().hex());
        assertTrue(Files.readString(file()).contains("genesis-id=9eebff023abb17ccb775c602daade8ed708f0a50"));
    }

    @Test
    void aDataDirOfAnotherNetworkIsRefusedWithOneSentence() {
        NetworkBinding.bind(file(), Optional.empty(), "standalone", Instant.parse("2026-01-01T00:00:00Z"));
        DataDirException otherExtra = assertThrows(DataDirException.class,
                () -> NetworkBinding.bind(file(), Optional.empty(), "fastnet", Instant.parse("2026-01-01T00:00:00Z")));
        assertTrue(otherExtra.getMessage().contains("belongs to the network with genesis id"), otherExtra.getMessage());
        assertThrows(DataDirException.class, () -> NetworkBinding.bind(file(), Optional.of(Instant.parse("2025-01-01T00:00:00Z")),
                "standalone", Instant.parse("2026-01-01T00:00:00Z")));
    }

    @Test
    void aDamagedNetworkFileIsReportedNotOverwritten() throws IOException {
        Files.writeString(file(), "genesis-time=not-a-time\ngenesis-extra-data=standalone\n");
        DataDirException e = assertThrows(DataDirException.class,
                () -> NetworkBinding.bind(file(), Optional.empty(), "standalone", Instant.EPOCH));
        assertTrue(e.getMessage().contains("damaged"), e.getMessage());
        assertEquals("genesis-time=not-a-time\ngenesis-extra-data=standalone\n", Files.readString(file()));
    }
}
