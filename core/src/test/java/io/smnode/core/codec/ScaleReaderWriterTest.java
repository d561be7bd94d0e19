package io.smnode.core.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.codec.ScaleException.Reason;
import io.smnode.core.testing.Vectors;
import io.smnode.core.types.Bytes;
import io.smnode.core.util.Hex;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Behaviour beyond the Go vectors: full consumption, error paths, nesting limits, caps and memory bounds. */
class ScaleReaderWriterTest {

    /** compact(2^30): a length prefix claiming a billion elements. */
    private static final String BILLION = "0300000040";

    private static ScaleException decodeFails(ScaleCodec<?> codec, String hex) {
        return assertThrows(ScaleException.class, () -> Scale.decode(codec, Hex.decode(hex)));
    }

    @Test
    void trailingBytesAreRefusedAtTheEndOfTheValue() {
        ScaleException e = decodeFails(ScaleCodecs.COMPACT_U64, "0400");
        assertEquals(Reason.TRAILING_BYTES, e.reason());
        assertEquals(1, e.offset());
    }

    @Test
    void errorsNameTheFieldPathFromTheRootType() {
        String spend = Vectors.casesWhere("codec-scale.json", "id", "struct/Spend").get(0).get("hex").asText();
        // Type(1) Address(20) Selector(1) Recipient(20), then the first byte of the 2-byte Amount.
        byte[] cut = Arrays.copyOf(Hex.decode(spend), 43);
        ScaleException e = assertThrows(ScaleException.class, () -> Scale.decode("Spend", VectorTypes.SPEND, cut));
        assertEquals(Reason.TRUNCATED, e.reason());
        assertEquals("Spend.Body.Payload.Arguments.Amount", e.path());
        assertEquals(42, e.offset());
    }

    @Test
    void errorsNameTheElementIndex() {
        ScaleCodec<List<Long>> codec = ScaleCodecs.slice(ScaleCodecs.COMPACT_U64, 10);
        // two elements: 1, then 0 written in the 2-byte mode
        ScaleException e = assertThrows(ScaleException.class,
                () -> Scale.decode("Values", codec, Hex.decode("08040100")));
        assertEquals(Reason.NON_CANONICAL, e.reason());
        assertEquals("Values[1]", e.path());
    }

    @Test
    void goSpacemeshNestingLimitOfSixAdmitsWhatGoScaleDefaultRefuses() throws ScaleException {
        // Four present options: too deep for go-scale's default of 4 (a vector), fine under go-spacemesh's 6.
        byte[] fourDeep = Hex.decode("01010101000000000000");
        Object value = Scale.decode(VectorTypes.EX1, fourDeep);
        assertArrayEquals(fourDeep, Scale.encode(VectorTypes.EX1, value));
        // Six present options: the seventh option field (the innermost, absent one) is one level too many.
        ScaleException e = decodeFails(VectorTypes.EX1, "01010101010100" + "00000000000000");
        assertEquals(Reason.NESTED_TOO_DEEP, e.reason());
        assertEquals("Option.Option.Option.Option.Option.Option.Option", e.path());
    }

    @Test
    void defaultCapRefusesLengthsAboveTwoToTheTwentyBeforeReading() {
        // compact(2^20 + 1) with no data behind it: the cap is checked before the input length.
        assertEquals(Reason.TOO_LONG, decodeFails(ScaleCodecs.BYTES, "06004000").reason());
        // compact(2^20): within the cap, so the missing bytes are what fails.
        assertEquals(Reason.TRUNCATED, decodeFails(ScaleCodecs.BYTES, "02004000").reason());
    }

    @Test
    void forgedLengthsFailFastWithoutAllocatingTheClaimedSize() {
        long max = ScaleReader.MAX_LENGTH;
        List<ScaleCodec<?>> claimsTruncated = List.of(
                ScaleCodecs.bytes(max),
                ScaleCodecs.string(max),
                ScaleCodecs.slice(ScaleCodecs.COMPACT_U64, max),
                ScaleCodecs.structSlice(CoreCodecs.HASH32, max),
                ScaleCodecs.array(CoreCodecs.ATX_ID, 1 << 30));
        for (ScaleCodec<?> codec : claimsTruncated) {
            String hex = codec == claimsTruncated.get(4) ? "0000000000" : BILLION + "0000000000";
            long allocated = allocatedBy(() -> assertEquals(Reason.TRUNCATED, decodeFails(codec, hex).reason()));
            assertTrue(allocated < 1 << 20, "allocated " + allocated + " bytes decoding a forged length");
        }
        long allocated = allocatedBy(() ->
                assertEquals(Reason.TOO_LONG, decodeFails(ScaleCodecs.BYTES, BILLION + "0000000000").reason()));
        assertTrue(allocated < 1 << 20, "allocated " + allocated + " bytes decoding a forged length");
    }

    @Test
    void invalidUtf8IsRefusedRatherThanAltered() {
        assertEquals(Reason.INVALID_VALUE, decodeFails(ScaleCodecs.STRING, "08c328").reason());
    }

    @Test
    void encoderRefusesValuesOutsideTheFieldType() {
        ScaleWriter w = new ScaleWriter();
        assertEquals(Reason.OUT_OF_RANGE,
                assertThrows(ScaleEncodingException.class, () -> w.writeCompactU8(256)).reason());
        assertEquals(Reason.OUT_OF_RANGE,
                assertThrows(ScaleEncodingException.class, () -> w.writeCompactU16(65536)).reason());
        assertEquals(Reason.OUT_OF_RANGE,
                assertThrows(ScaleEncodingException.class, () -> w.writeCompactU32(1L << 32)).reason());
        assertEquals(0, w.size());
    }

    @Test
    void encoderErrorsNameTheFieldPath() {
        ScaleCodec<Object> codec = VectorTypes.codec("StructWithString{Value string max=3}");
        ScaleEncodingException e = assertThrows(ScaleEncodingException.class,
                () -> Scale.encode(codec, Map.of("Value", "abcd")));
        assertEquals(Reason.TOO_LONG, e.reason());
        assertEquals("Value", e.path());
    }

    @Test
    void writerGrowsPastItsInitialBuffer() throws ScaleException {
        Bytes big = Bytes.wrap(new byte[100_000]);
        byte[] encoded = Scale.encode(ScaleCodecs.BYTES, big);
        assertEquals(100_000 + 4, encoded.length);
        assertEquals(big, Scale.decode(ScaleCodecs.BYTES, encoded));
    }

    /** Bytes allocated by this thread while running {@code body} (HotSpot's per-thread counter). */
    static long allocatedBy(Executable body) {
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = bean.getCurrentThreadAllocatedBytes();
        try {
            body.execute();
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
        return bean.getCurrentThreadAllocatedBytes() - before;
    }
}
