package io.smnode.core.fixed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.smnode.core.testing.Vectors;
import io.smnode.core.types.Bytes;
import java.math.BigInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every case of testdata/vectors/fixed-point.json, bit-exact against spacemeshos/fixed v0.1.2. */
class FixedPointVectorsTest {
    private static final String FILE = "fixed-point.json";

    static Stream<Named<JsonNode>> cases(String op) {
        return Vectors.casesWhere(FILE, "op", op).stream().map(c -> Named.of(c.get("id").asText(), c));
    }

    static Stream<Named<JsonNode>> fromFloat() {
        return cases("from_float");
    }

    static Stream<Named<JsonNode>> mul() {
        return cases("mul");
    }

    static Stream<Named<JsonNode>> div() {
        return cases("div");
    }

    static Stream<Named<JsonNode>> divUint64() {
        return cases("div_uint64");
    }

    static Stream<Named<JsonNode>> fracFromBytes() {
        return cases("frac_from_bytes");
    }

    static Stream<Named<JsonNode>> binCdf() {
        return cases("bincdf");
    }

    static Stream<Named<JsonNode>> binCdfInt() {
        return cases("bincdf_int");
    }

    static Stream<Named<JsonNode>> hareEligibility() {
        return cases("hare_eligibility_count");
    }

    /** A vector's fixed value object: exact scaled value, the reference's String() and its Float(). */
    static void assertFixed(JsonNode expected, Fixed actual) {
        assertEquals(new BigInteger(expected.get("raw").asText()), actual.scaled(), "raw");
        assertEquals(expected.get("str").asText(), actual.toString(), "str");
        // Go prints the shortest string that reads back as the same float64, so parsing it recovers the bits.
        assertEquals(Double.parseDouble(expected.get("float").asText()), actual.toDouble(), 0.0, "float");
    }

    static Fixed fixedOf(JsonNode fixedObject) {
        return Fixed.ofScaled(new BigInteger(fixedObject.get("raw").asText()));
    }

    @ParameterizedTest
    @MethodSource
    void fromFloat(JsonNode c) {
        Fixed f = Fixed.from(Double.parseDouble(c.get("x").asText()));
        assertFixed(c.get("expected"), f);
        assertEquals(c.get("floor").asLong(), f.floor(), "floor");
        assertEquals(c.get("round").asLong(), f.round(), "round");
        assertEquals(c.get("ceil").asLong(), f.ceil(), "ceil");
    }

    @ParameterizedTest
    @MethodSource
    void mul(JsonNode c) {
        Fixed x = Fixed.from(Double.parseDouble(c.get("x").asText()));
        Fixed y = Fixed.from(Double.parseDouble(c.get("y").asText()));
        assertFixed(c.get("x_fixed"), x);
        assertFixed(c.get("y_fixed"), y);
        assertFixed(c.get("expected"), x.mul(y));
    }

    @ParameterizedTest
    @MethodSource
    void div(JsonNode c) {
        Fixed x = Fixed.from(c.get("x").asDouble());
        Fixed y = Fixed.from(c.get("y").asDouble());
        assertFixed(c.get("expected"), x.div(y));
    }

    @ParameterizedTest
    @MethodSource
    void divUint64(JsonNode c) {
        long p = c.get("p").bigIntegerValue().longValue(); // uint64: the bits, read as unsigned by divUint64
        long q = c.get("q").bigIntegerValue().longValue();
        assertFixed(c.get("expected"), Fixed.divUint64(p, q));
    }

    @ParameterizedTest
    @MethodSource
    void fracFromBytes(JsonNode c) {
        assertFixed(c.get("expected"), Fixed.fracFromBytes(Bytes.ofHex(c.get("bytes").asText())));
    }

    @ParameterizedTest
    @MethodSource
    void binCdf(JsonNode c) {
        Fixed p = Fixed.from(Double.parseDouble(c.get("p").asText()));
        assertFixed(c.get("p_fixed"), p);
        assertFixed(c.get("expected"), Binomial.cdf(c.get("n").asLong(), p, c.get("x").asLong()));
    }

    @ParameterizedTest
    @MethodSource
    void binCdfInt(JsonNode c) {
        Fixed p = fixedOf(c.get("p"));
        // The origin says p = DivUint64(800, n*100) with n = 2^30, the hare's largest supported n.
        assertEquals(Fixed.divUint64(800, (1L << 30) * 100), p);
        long n = c.get("n").asLong();
        long x = c.get("x").asLong();
        if (c.has("expected_error")) {
            assertThrows(FixedOverflowException.class, () -> Binomial.cdf(n, p, x));
        } else {
            assertFixed(c.get("expected"), Binomial.cdf(n, p, x));
        }
    }

    @ParameterizedTest
    @MethodSource
    void hareEligibility(JsonNode c) throws EligibilityException {
        HareEligibility.Draw draw = HareEligibility.draw(c.get("committee").asInt(),
                c.get("miner_weight").asLong(), c.get("total_weight").asLong());
        assertEquals(c.get("n").asLong(), draw.n(), "n");
        assertFixed(c.get("p"), draw.p());

        Fixed vrf = HareEligibility.vrfFraction(Bytes.ofHex(c.get("vrf_first8").asText()));
        assertFixed(c.get("vrf_frac"), vrf);

        int count = HareEligibility.count(draw, vrf);
        assertEquals(c.get("expected_count").asInt(), count, "count");
        assertFixed(c.get("cdf_at_count_minus_1"), Binomial.cdf(draw.n(), draw.p(), count - 1L));
        assertFixed(c.get("cdf_at_count"), Binomial.cdf(draw.n(), draw.p(), count));

        assertTrue(HareEligibility.isValid(draw, vrf, count), "the computed count validates");
        assertFalse(HareEligibility.isValid(draw, vrf, count + 1), "one seat more does not");
        if (count > 0) {
            assertFalse(HareEligibility.isValid(draw, vrf, count - 1), "one seat fewer does not");
        }
    }
}
