package io.smnode.core.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smnode.core.types.EpochId;
import io.smnode.core.types.LayerId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LayerClockTest {
    private static final Instant GENESIS = Instant.parse("2024-01-01T00:00:00Z");
    private static final Duration NS = Duration.ofNanos(1);
    /** The multi-node local preset's shape: 15 s layers, 4 per epoch. */
    private final LayerClock clock = new LayerClock(GENESIS, Duration.ofSeconds(15), 4);

    @Test
    void everythingUpToTheFirstBoundaryIsLayerZero() {
        assertEquals(LayerId.of(0), clock.layerAt(GENESIS.minusSeconds(3600)));
        assertEquals(LayerId.of(0), clock.layerAt(GENESIS.minus(NS)));
        assertEquals(LayerId.of(0), clock.layerAt(GENESIS));
        assertEquals(LayerId.of(0), clock.layerAt(GENESIS.plusSeconds(15).minus(NS)));
        assertEquals(LayerId.of(1), clock.layerAt(GENESIS.plusSeconds(15)));
    }

    @Test
    void aLayerStartsExactlyAtItsBoundaryAndEndsOneNanosecondBeforeTheNext() {
        LayerId l = LayerId.of(41);
        Instant start = clock.layerStart(l);
        assertEquals(GENESIS.plusSeconds(41 * 15), start);
        assertEquals(l, clock.layerAt(start));
        assertEquals(LayerId.of(40), clock.layerAt(start.minus(NS)));
        assertEquals(l, clock.layerAt(clock.layerStart(l.add(1)).minus(NS)));
    }

    @Test
    void epochsSplitAtMultiplesOfLayersPerEpoch() {
        assertEquals(EpochId.of(0), clock.epochOf(LayerId.of(3)));
        assertEquals(3, clock.ordinal(LayerId.of(3)));
        assertEquals(EpochId.of(1), clock.epochOf(LayerId.of(4)));
        assertEquals(0, clock.ordinal(LayerId.of(4)));
        assertEquals(LayerId.of(8), clock.firstLayer(EpochId.of(2)));
        // the instant an epoch starts, and 1 ns before it
        Instant epoch2 = clock.layerStart(clock.firstLayer(EpochId.of(2)));
        assertEquals(EpochId.of(2), clock.epochOf(clock.layerAt(epoch2)));
        assertEquals(EpochId.of(1), clock.epochOf(clock.layerAt(epoch2.minus(NS))));
    }

    @Test
    void effectiveGenesisIsTheLastLayerOfEpochOne() {
        assertEquals(LayerId.of(7), clock.effectiveGenesis());
        assertEquals(EpochId.of(1), clock.epochOf(clock.effectiveGenesis()));
        assertEquals(EpochId.of(2), clock.epochOf(clock.effectiveGenesis().add(1)));
    }

    @Test
    void mainnet() {
        // spec 01 §1: genesis 2023-07-14T08:00:00Z, 5 min layers, 4032 per epoch, effective genesis 8063
        LayerClock mainnet = new LayerClock(Instant.parse("2023-07-14T08:00:00Z"), Duration.ofMinutes(5), 4032);
        assertEquals(LayerId.of(8063), mainnet.effectiveGenesis());
        // 4032 layers of 5 minutes are 14 days
        Instant epoch1 = Instant.parse("2023-07-28T08:00:00Z");
        assertEquals(LayerId.of(4032), mainnet.layerAt(epoch1));
        assertEquals(EpochId.of(1), mainnet.epochOf(mainnet.layerAt(epoch1)));
        assertEquals(LayerId.of(4031), mainnet.layerAt(epoch1.minus(NS)));
    }

    @Test
    void nextLayerStartIsStrictlyLater() {
        assertEquals(GENESIS, clock.nextLayerStart(GENESIS.minus(NS)));
        assertEquals(GENESIS.plusSeconds(15), clock.nextLayerStart(GENESIS));
        assertEquals(GENESIS.plusSeconds(15), clock.nextLayerStart(GENESIS.plusSeconds(15).minus(NS)));
        assertEquals(GENESIS.plusSeconds(30), clock.nextLayerStart(GENESIS.plusSeconds(15)));
    }

    @Test
    void subSecondLayersWork() {
        LayerClock fast = new LayerClock(GENESIS, Duration.ofMillis(700), 3);
        assertEquals(LayerId.of(1), fast.layerAt(GENESIS.plusMillis(1399)));
        assertEquals(LayerId.of(2), fast.layerAt(GENESIS.plusMillis(1400)));
    }

    @Test
    void refusesANonPositiveShape() {
        assertThrows(IllegalArgumentException.class, () -> new LayerClock(GENESIS, Duration.ZERO, 4));
        assertThrows(IllegalArgumentException.class, () -> new LayerClock(GENESIS, Duration.ofSeconds(1), 0));
    }

    @Test
    void aLayerBeyondUint32IsRefused() {
        LayerClock tiny = new LayerClock(GENESIS, NS, 4);
        assertThrows(IllegalArgumentException.class, () -> tiny.layerAt(GENESIS.plusSeconds(5)));
    }
}
