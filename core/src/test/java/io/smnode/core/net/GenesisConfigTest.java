package io.smnode.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Rules the vectors do not cover (their limits and messages come from go-spacemesh config/genesis.go). */
class GenesisConfigTest {
    @Test
    void extraDataOfMoreThan255BytesIsRefused() {
        String extra = "x".repeat(256);
        InvalidGenesisException e = assertThrows(InvalidGenesisException.class,
                () -> new GenesisConfig(Instant.EPOCH, extra).validate());
        assertEquals("extra-data is longer than 255 symbols: " + extra, e.getMessage());
    }

    @Test
    void theLimitCountsBytesAsTheReferenceDoes() {
        // 128 two-byte characters: 128 characters but 256 bytes
        String extra = "é".repeat(128);
        assertThrows(InvalidGenesisException.class, () -> new GenesisConfig(Instant.EPOCH, extra).validate());
    }

    @Test
    void onlyWholeSecondsEnterTheGenesisId() {
        GenesisConfig a = new GenesisConfig(Instant.ofEpochSecond(10101), "one");
        assertEquals(a.genesisId(), new GenesisConfig(Instant.ofEpochSecond(10101, 999_999_999), "one").genesisId());
        assertNotEquals(a.genesisId(), new GenesisConfig(Instant.ofEpochSecond(10102), "one").genesisId());
    }

    @Test
    void genesisTimeTextFollowsGoRfc3339Nano() {
        // Go's RFC3339Nano layout "2006-01-02T15:04:05.999999999Z07:00" drops trailing fraction zeros.
        assertEquals("2023-03-15T18:00:00.5Z", GenesisTime.format(Instant.parse("2023-03-15T18:00:00.500Z")));
        assertEquals(Instant.parse("2023-03-15T16:00:00Z"), GenesisTime.parse("2023-03-15T18:00:00+02:00"));
        assertThrows(IllegalArgumentException.class, () -> GenesisTime.parse("15/03/2023"));
    }
}
