package io.smnode.vm.rewards;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.smnode.core.testing.Vectors;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every case of rewards.json. */
class RewardsVectorTest {
    private static final String FILE = "rewards.json";
    /** sim.go prints a row every epoch of 4032 layers; issuance starts two epochs after genesis. */
    private static final long TICK = 4032;
    private static final long SIM_EFFECTIVE_GENESIS = 2 * TICK;

    static Stream<Arguments> kind(String kind) {
        return Vectors.casesWhere(FILE, "kind", kind).stream()
                .map(c -> Arguments.of(Named.of(c.get("id").asText(), c)));
    }

    static Stream<Arguments> subsidy() {
        return kind("subsidy");
    }

    static Stream<Arguments> vesting() {
        return kind("vesting");
    }

    static Stream<Arguments> tenyears() {
        return kind("tenyears_row");
    }

    static Stream<Arguments> split() {
        return kind("reward_split");
    }

    static Stream<Arguments> constants() {
        return kind("constants");
    }

    static Stream<Arguments> derived() {
        return kind("derived_constants");
    }

    private static long u64(JsonNode n) {
        return new BigInteger(n.asText()).longValue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subsidy")
    void subsidyCurve(JsonNode c) {
        long n = c.get("layers_after_effective_genesis").asLong();
        if (c.has("subsidy_at_layer")) {
            assertEquals(u64(c.get("subsidy_at_layer")), Issuance.subsidyAtLayer(n));
        }
        if (c.has("accumulated_subsidy")) {
            assertEquals(u64(c.get("accumulated_subsidy")), Issuance.accumulatedSubsidy(n));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vesting")
    void vestingSchedule(JsonNode c) {
        long l = c.get("layers_after_genesis").asLong();
        assertEquals(u64(c.get("accumulated_vest")), Vesting.accumulatedVest(l));
        assertEquals(u64(c.get("vest_at_layer")), Vesting.vestAtLayer(l));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("constants")
    void constantsMatch(JsonNode c) {
        JsonNode v = c.get("values");
        assertEquals(v.get("OneSmesh").asLong(), Issuance.ONE_SMESH);
        assertEquals(v.get("TotalVaulted").asLong(), Issuance.TOTAL_VAULTED);
        assertEquals(v.get("OneYear").asLong(), Issuance.ONE_YEAR_LAYERS);
        assertEquals(v.get("VestStart").asLong(), Vesting.VEST_START);
        assertEquals(v.get("VestEnd").asLong(), Vesting.VEST_END);
        assertEquals(v.get("VestPerLayer").asLong(), Vesting.VEST_PER_LAYER);
        assertEquals(v.get("TenYearTarget").asLong(), Issuance.TEN_YEAR_TARGET);
        assertEquals(v.get("TotalIssuance").asLong(), Issuance.TOTAL_ISSUANCE);
        assertEquals(v.get("TotalSubsidy").asLong(), Issuance.TOTAL_SUBSIDY);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("derived")
    void derivedConstantsMatch(JsonNode c) {
        JsonNode v = c.get("values");
        // Go's "10e39" is 10^40.
        assertEquals(new BigDecimal(v.get("Lambda_times_10e39").asText()),
                Issuance.LAMBDA.scaleByPowerOfTen(40).stripTrailingZeros());
        assertEquals(new BigDecimal(v.get("HalfLife").asText()), Issuance.HALF_LIFE);
        assertEquals(v.get("FinalLayer_integer_part").asLong(),
                Issuance.FINAL_LAYER.setScale(0, RoundingMode.DOWN).longValueExact());
    }

    /**
     * A sim.go row. Its per-layer loop telescopes: the subsidy added since the previous row is the difference of the
     * accumulated totals at the two rows, and likewise for vesting.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("tenyears")
    void tenYearTableRow(JsonNode c) {
        long layer = c.get("layer").asLong();
        long previousRow = layer % TICK == 0 ? layer - TICK : layer - layer % TICK;
        long subsidyTotal = accumulatedAtSimLayer(layer);
        long subsidyThisLayer = subsidyTotal - accumulatedAtSimLayer(layer - 1);
        long vested = Vesting.accumulatedVest(layer);
        assertEquals(layer / TICK, c.get("epoch").asLong());
        assertEquals(c.get("vault_new_vest_smesh").asLong(),
                (vested - Vesting.accumulatedVest(previousRow)) / Issuance.ONE_SMESH);
        assertEquals(c.get("vault_total_vest_smesh").asLong(), vested / Issuance.ONE_SMESH);
        assertEquals(c.get("vault_total_smesh").asLong(), Issuance.TOTAL_VAULTED / Issuance.ONE_SMESH);
        assertEquals(c.get("subsidy_per_layer_smesh").asLong(), subsidyThisLayer / Issuance.ONE_SMESH);
        assertEquals(c.get("subsidy_new_smesh").asLong(),
                (subsidyTotal - accumulatedAtSimLayer(previousRow)) / Issuance.ONE_SMESH);
        assertEquals(c.get("subsidy_total_smesh").asLong(), subsidyTotal / Issuance.ONE_SMESH);
        assertEquals(c.get("circulating_total_smesh").asLong(), (vested + subsidyTotal) / Issuance.ONE_SMESH);
        assertEquals(c.get("issuance_total_smesh").asLong(),
                (Issuance.TOTAL_VAULTED + subsidyTotal) / Issuance.ONE_SMESH);
    }

    private static long accumulatedAtSimLayer(long layer) {
        return layer < SIM_EFFECTIVE_GENESIS ? 0 : Issuance.accumulatedSubsidy(layer - SIM_EFFECTIVE_GENESIS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("split")
    void rewardSplit(JsonNode c) {
        long subsidy = Issuance.subsidyAtLayer(c.get("layers_after_effective_genesis").asLong());
        assertEquals(u64(c.get("subsidy")), subsidy);
        List<Weight> weights = new ArrayList<>();
        c.get("coinbase_weights").forEach(w -> weights.add(new Weight(u64(w.get("num")), u64(w.get("denom")))));
        List<RewardSplit.Share> shares = RewardSplit.split(subsidy, u64(c.get("fees")), weights);
        for (int i = 0; i < weights.size(); i++) {
            assertEquals(u64(c.get("expected_total_reward").get(i)), shares.get(i).totalReward(), "total " + i);
            assertEquals(u64(c.get("expected_layer_reward").get(i)), shares.get(i).layerReward(), "layer " + i);
        }
    }
}
