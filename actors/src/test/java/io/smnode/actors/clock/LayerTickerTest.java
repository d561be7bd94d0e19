package io.smnode.actors.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.time.LayerClock;
import io.smnode.core.types.LayerId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LayerTickerTest {
    private static final Instant GENESIS = Instant.parse("2026-01-01T00:00:00Z");
    private final LayerTicker ticker = new LayerTicker(new LayerClock(GENESIS, Duration.ofSeconds(6), 10));

    @Test
    void beforeGenesisItWaitsForGenesisAndEmitsNothing() {
        LayerTicker.Decision d = ticker.onTime(GENESIS.minusSeconds(5));
        assertTrue(d.tick().isEmpty());
        assertEquals(Duration.ofSeconds(5), d.untilNext());
    }

    @Test
    void atGenesisLayerZeroStartsAnEpoch() {
        LayerTicker.Decision d = ticker.onTime(GENESIS);
        LayerTick tick = d.tick().orElseThrow();
        assertEquals(LayerId.of(0), tick.layer());
        assertTrue(tick.firstInEpoch());
        assertEquals(Duration.ofSeconds(6), d.untilNext());
    }

    @Test
    void anEarlyWakeUpEmitsNothingAndWaitsTheRest() {
        ticker.onTime(GENESIS.plusSeconds(7));
        LayerTicker.Decision early = ticker.onTime(GENESIS.plusMillis(11_990));
        assertTrue(early.tick().isEmpty());
        assertEquals(Duration.ofMillis(10), early.untilNext());
    }

    @Test
    void eachLayerIsEmittedOnceAndEpochStartsAreMarked() {
        ticker.onTime(GENESIS.plusSeconds(6 * 9));
        LayerTick nine = ticker.onTime(GENESIS.plusSeconds(6 * 9 + 1)).tick().orElse(null);
        assertEquals(null, nine, "layer 9 was already emitted");
        LayerTick ten = ticker.onTime(GENESIS.plusSeconds(60)).tick().orElseThrow();
        assertEquals(LayerId.of(10), ten.layer());
        assertEquals(1, ten.epoch().value());
        assertTrue(ten.firstInEpoch());
        LayerTick eleven = ticker.onTime(GENESIS.plusSeconds(66)).tick().orElseThrow();
        assertFalse(eleven.firstInEpoch());
        assertEquals(0, eleven.missed());
    }

    @Test
    void aLateWakeUpEmitsTheCurrentLayerOnceAndCountsTheSkipped() {
        ticker.onTime(GENESIS);
        LayerTick tick = ticker.onTime(GENESIS.plusSeconds(6 * 5 + 2)).tick().orElseThrow();
        assertEquals(LayerId.of(5), tick.layer());
        assertEquals(4, tick.missed());
    }
}
