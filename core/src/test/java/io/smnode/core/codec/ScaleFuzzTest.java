package io.smnode.core.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.smnode.core.testing.Vectors;
import io.smnode.core.util.Hex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile bytes into every decoder: random strings and mutations of the valid vector encodings (bit flips,
 * truncations, extensions, lengths inflated to 2^30 and beyond). Each decode must either give a value whose
 * re-encoding is no longer than the input and decodes to the same value, or fail with a ScaleException; any
 * other exception fails the test with the input that caused it.
 */
class ScaleFuzzTest {
    private static final int ITERATIONS_PER_SEED = 50_000;
    private static final int NESTED = ScaleReader.GO_SCALE_MAX_NESTED;
    /** Length prefixes a forger would write: 2^30, 2^32-1, 2^20+1, and a big-mode header with 8 bytes. */
    private static final byte[][] INFLATED = {
        Hex.decode("0300000040"), Hex.decode("03ffffffff"), Hex.decode("06004000"), Hex.decode("13ffffffffffffffff")
    };

    private record Target(String name, ScaleCodec<Object> codec, List<byte[]> seeds) {}

    private static List<Target> targets() {
        List<JsonNode> valid = Vectors.cases("codec-scale.json",
                c -> !c.get("op").asText().endsWith("error"));
        List<Target> out = new ArrayList<>();
        for (Map.Entry<String, ScaleCodec<Object>> e : VectorTypes.BY_NAME.entrySet()) {
            List<byte[]> seeds = new ArrayList<>();
            for (JsonNode c : valid) {
                if (c.get("type").asText().equals(e.getKey())) {
                    seeds.add(Hex.decode(c.get("hex").asText()));
                }
            }
            out.add(new Target(e.getKey(), e.getValue(), seeds));
        }
        return out;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void everyDecoderGivesAConsistentValueOrAScaleException(long seed) {
        Random random = new Random(seed);
        List<Target> targets = targets();
        int decoded = 0;
        for (int i = 0; i < ITERATIONS_PER_SEED; i++) {
            Target t = targets.get(random.nextInt(targets.size()));
            byte[] input = t.seeds().isEmpty() || random.nextInt(5) == 0
                    ? randomBytes(random, random.nextInt(48))
                    : mutate(random, t.seeds().get(random.nextInt(t.seeds().size())));
            if (check(t, input)) {
                decoded++;
            }
        }
        // The mutations must leave some inputs valid, or the value branch above would go untested.
        assertTrue(decoded > ITERATIONS_PER_SEED / 100, "only " + decoded + " inputs decoded");
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {5})
    void registryDecodersGiveATreeOrAScaleException(long seed) {
        Random random = new Random(seed);
        ScaleTypes types = ScaleTypes.withCoreTypes();
        List<String> names = new ArrayList<>(types.names());
        for (int i = 0; i < ITERATIONS_PER_SEED; i++) {
            String name = names.get(random.nextInt(names.size()));
            byte[] input = randomBytes(random, random.nextInt(40));
            try {
                types.decodeToTree(name, input);
            } catch (ScaleException e) {
                assertNotNull(e.reason());
            } catch (RuntimeException e) {
                fail(name + " threw " + e + " on " + Hex.encode(input), e);
            }
        }
    }

    /** @return whether the input decoded */
    private static boolean check(Target t, byte[] input) {
        Object value;
        try {
            value = Scale.decode(t.codec(), input, NESTED);
        } catch (ScaleException e) {
            assertNotNull(e.reason());
            return false;
        } catch (RuntimeException e) {
            throw new AssertionError(t.name() + " threw " + e + " on " + Hex.encode(input), e);
        }
        try {
            byte[] again = Scale.encode(t.codec(), value, NESTED);
            // Go's accepted non-canonical forms (bool/option tags != 1, non-minimal big mode) only ever shrink.
            assertTrue(again.length <= input.length, t.name() + ": re-encoding of " + Hex.encode(input) + " grew");
            assertEquals(value, Scale.decode(t.codec(), again, NESTED), t.name() + " on " + Hex.encode(input));
        } catch (ScaleException e) {
            throw new AssertionError(t.name() + ": re-encoding of " + Hex.encode(input) + " does not decode", e);
        }
        return true;
    }

    private static byte[] mutate(Random random, byte[] valid) {
        byte[] b = valid.clone();
        switch (random.nextInt(6)) {
            case 0: // a few bit flips
                for (int n = 1 + random.nextInt(3); n > 0 && b.length > 0; n--) {
                    b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
                }
                return b;
            case 1: // truncation
                return Arrays.copyOf(b, b.length == 0 ? 0 : random.nextInt(b.length));
            case 2: // extension
                return concat(b, randomBytes(random, 1 + random.nextInt(8)));
            case 3: // a forged length spliced in at a random position
                return splice(random, b, INFLATED[random.nextInt(INFLATED.length)]);
            case 4: // a random byte overwritten
                if (b.length > 0) {
                    b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                }
                return b;
            default: // unchanged: the valid input itself must pass the consistency check
                return b;
        }
    }

    private static byte[] splice(Random random, byte[] b, byte[] insert) {
        int at = random.nextInt(b.length + 1);
        byte[] out = new byte[b.length + insert.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(b, at, out, at + insert.length, b.length - at);
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] b = new byte[length];
        random.nextBytes(b);
        return b;
    }
}
