package io.smnode.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.types.LayerId;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PresetTest {
    @Test
    void namesResolveIgnoringCase() {
        assertSame(Preset.MAINNET, Preset.byName("mainnet"));
        assertSame(Preset.LOCALNET, Preset.byName("LocalNet"));
        assertSame(Preset.STANDALONE, Preset.byName("STANDALONE"));
        assertEquals("testnet", Preset.TESTNET.presetName());
    }

    @Test
    void anUnknownNameListsTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Preset.byName("devnet"));
        assertEquals("unknown network preset 'devnet'; valid: mainnet, testnet, standalone, localnet", e.getMessage());
    }

    @Test
    void mainnetHasAFixedGenesisWithTheKnownId() {
        GenesisConfig g = Preset.MAINNET.params().genesis().fixedConfig().orElseThrow();
        // spec 01 §2 (also the p2p prologue 9eebff02…0a50-8063 in go-spacemesh node/relay_test.go)
        assertEquals("9eebff023abb17ccb775c602daade8ed708f0a50", g.genesisId().hex());
        assertEquals(8063, Preset.MAINNET.params().time().firstEffectiveGenesis().value());
    }

    @Test
    void localPresetsTakeTheirGenesisTimeFromTheCaller() {
        for (Preset p : new Preset[] {Preset.STANDALONE, Preset.LOCALNET}) {
            assertTrue(p.params().genesis().fixedConfig().isEmpty(), p.name());
            Instant t = Instant.parse("2024-10-24T18:15:10Z");
            assertEquals(t, p.params().genesis().config(t).genesisTime());
        }
    }

    @Test
    void mainnetHareCommitteeShrinksAtTheUpgradeLayer() {
        NetworkParams.Hare hare = Preset.MAINNET.params().hare();
        assertEquals(400, hare.committeeAt(LayerId.of(105_719)));
        assertEquals(50, hare.committeeAt(LayerId.of(105_720)));
        assertEquals(800, Preset.TESTNET.params().hare().committeeAt(LayerId.of(1_000_000)));
    }

    @Test
    void mainnetAtxsAreVersion2FromPublishEpoch45() {
        NetworkParams.Atx atx = Preset.MAINNET.params().atx();
        assertFalse(atx.isV2(44));
        assertTrue(atx.isV2(45));
        assertTrue(atx.isV2(0xffff_ffffL));
        assertFalse(Preset.referenceDefaults().atx().isV2(0xffff_ffffL), "the reference default is v1 forever");
    }

    @Test
    void aDevnetRunsV2FromEpoch2AndTheSwitchIsOverridable() {
        NetworkParams standalone = Preset.STANDALONE.params();
        assertFalse(standalone.atx().isV2(1));
        assertTrue(standalone.atx().isV2(2));
        NetworkParams early = standalone.withAtx(standalone.atx().withAtxV2FromEpoch(OptionalLong.of(0)));
        assertTrue(early.atx().isV2(0));
        assertEquals(standalone.post(), early.post(), "only the ATX section changes");
        NetworkParams never = standalone.withAtx(standalone.atx().withAtxV2FromEpoch(OptionalLong.empty()));
        assertFalse(never.atx().isV2(1000));
        assertThrows(IllegalArgumentException.class,
                () -> standalone.atx().withAtxV2FromEpoch(OptionalLong.of(1L << 32)));
    }

    @Test
    void aPresetGivesItsLayerClockOnceGenesisIsKnown() {
        NetworkParams.Time t = Preset.STANDALONE.params().time();
        Instant genesis = Instant.parse("2024-10-24T18:15:10Z");
        // 6 s layers, 10 per epoch (spec README devnet table): 60 s in is layer 10, epoch 1
        assertEquals(LayerId.of(10), t.clock(genesis).layerAt(genesis.plusSeconds(60)));
        assertEquals(t.firstEffectiveGenesis(), t.clock(genesis).effectiveGenesis());
    }

    @Test
    void certificateThresholdIsAStrictMajority() {
        assertEquals(101, Preset.MAINNET.params().certificate().certifyThreshold());
        assertEquals(401, Preset.STANDALONE.params().certificate().certifyThreshold());
    }
}
