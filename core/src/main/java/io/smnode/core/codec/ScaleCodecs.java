package io.smnode.core.codec;

import io.smnode.core.codec.ScaleException.Reason;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.FixedBytes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Codecs of the primitive SCALE types and the combinators that build collection and option codecs from them.
 *
 * <p>Nesting: go-scale counts a nesting level only in {@code EncodeOption/DecodeOption} (a pointer to anything that
 * has its own codec: structs, id arrays, named byte slices), {@code EncodeStructSlice} and
 * {@code EncodeStructArray}; pointers to integers ({@code EncodeCompact64Ptr}) and slices of integers or byte
 * slices do not count. A codec must pick the combinator matching the Go field's generated call, hence the pairs
 * {@link #option}/{@link #intOption} and {@link #structSlice}/{@link #slice}.
 */
public final class ScaleCodecs {
    public static final ScaleCodec<Integer> COMPACT_U8 = ScaleCodec.of(ScaleWriter::writeCompactU8,
            ScaleReader::readCompactU8);
    public static final ScaleCodec<Integer> COMPACT_U16 = ScaleCodec.of(ScaleWriter::writeCompactU16,
            ScaleReader::readCompactU16);
    public static final ScaleCodec<Long> COMPACT_U32 = ScaleCodec.of(ScaleWriter::writeCompactU32,
            ScaleReader::readCompactU32);
    /** uint64 as the bits of a long (use Long.toUnsignedString / compareUnsigned). */
    public static final ScaleCodec<Long> COMPACT_U64 = ScaleCodec.of(ScaleWriter::writeCompactU64,
            ScaleReader::readCompactU64);
    /** A single raw byte (go-scale {@code EncodeByte}). */
    public static final ScaleCodec<Integer> U8 = ScaleCodec.of(ScaleWriter::writeByte, ScaleReader::readByte);
    public static final ScaleCodec<Integer> U16_LE = ScaleCodec.of(ScaleWriter::writeU16Le, ScaleReader::readU16Le);
    public static final ScaleCodec<Long> U32_LE = ScaleCodec.of(ScaleWriter::writeU32Le, ScaleReader::readU32Le);
    public static final ScaleCodec<Long> U64_LE = ScaleCodec.of(ScaleWriter::writeU64Le, ScaleReader::readU64Le);
    public static final ScaleCodec<Boolean> BOOL = ScaleCodec.of(ScaleWriter::writeBool, ScaleReader::readBool);
    /** A {@code []byte} with no declared maximum (default cap 2^20). */
    public static final ScaleCodec<Bytes> BYTES = bytes(ScaleReader.DEFAULT_MAX_ELEMENTS);
    /** A {@code string} with no declared maximum (default cap 2^20 bytes). */
    public static final ScaleCodec<String> STRING = string(ScaleReader.DEFAULT_MAX_ELEMENTS);

    private ScaleCodecs() {}

    /** A {@code []byte} field tagged {@code scale:"max=N"}. */
    public static ScaleCodec<Bytes> bytes(long max) {
        ScaleReader.checkMax(max);
        return ScaleCodec.of((w, v) -> w.writeByteSlice(v, max), r -> Bytes.wrap(r.readByteSlice(max)));
    }

    /** A {@code string} field tagged {@code scale:"max=N"} (N counts bytes). */
    public static ScaleCodec<String> string(long max) {
        ScaleReader.checkMax(max);
        return ScaleCodec.of((w, v) -> w.writeString(v, max), r -> r.readString(max));
    }

    /** A {@code [N]byte} as an immutable byte string. */
    public static ScaleCodec<Bytes> fixedBytes(int length) {
        return ScaleCodec.of((w, v) -> {
            if (v.length() != length) {
                throw w.error(Reason.INVALID_VALUE, "needs " + length + " bytes, got " + v.length());
            }
            w.writeFixed(v.toByteArray());
        }, r -> Bytes.wrap(r.readFixed(length)));
    }

    /** A {@code [N]byte} identifier type: {@code fixed(Hash32.LENGTH, Hash32::of)}. */
    public static <T extends FixedBytes> ScaleCodec<T> fixed(int length, Function<byte[], T> fromBytes) {
        return ScaleCodec.of(ScaleWriter::writeFixed, r -> fromBytes.apply(r.readFixed(length)));
    }

    /**
     * The same wire form under another Java type, e.g. a LayerId over a compact uint32. {@code to} must accept
     * every value the inner codec can decode (it is not a validation hook).
     */
    public static <A, B> ScaleCodec<B> map(ScaleCodec<A> inner, Function<A, B> to, Function<B, A> from) {
        return ScaleCodec.of((w, v) -> inner.encode(w, from.apply(v)), r -> to.apply(inner.decode(r)));
    }

    /** A pointer to a type with its own codec ({@code EncodeOption}): counts one nesting level. */
    public static <T> ScaleCodec<Optional<T>> option(ScaleCodec<T> inner) {
        return optional(inner, true);
    }

    /** A pointer to an integer ({@code EncodeCompact64Ptr} and kin): tag byte then value, no nesting level. */
    public static <T> ScaleCodec<Optional<T>> intOption(ScaleCodec<T> inner) {
        return optional(inner, false);
    }

    /** A slice of integers or byte slices ({@code EncodeUint64SliceWithLimit} and kin): no nesting level. */
    public static <T> ScaleCodec<List<T>> slice(ScaleCodec<T> element, long max) {
        return list(element, max, false);
    }

    /** A slice of a type with its own codec ({@code EncodeStructSliceWithLimit}): counts one nesting level. */
    public static <T> ScaleCodec<List<T>> structSlice(ScaleCodec<T> element, long max) {
        return list(element, max, true);
    }

    /** A {@code [N]T} of a type with its own codec ({@code EncodeStructArray}): N elements, no length, nests. */
    public static <T> ScaleCodec<List<T>> array(ScaleCodec<T> element, int length) {
        return new ScaleCodec<>() {
            @Override
            public void encode(ScaleWriter w, List<T> value) {
                if (value.size() != length) {
                    throw w.error(Reason.INVALID_VALUE, "array needs " + length + " elements, got "
                            + value.size());
                }
                w.enterNested();
                writeElements(w, element, value);
                w.leaveNested();
            }

            @Override
            public List<T> decode(ScaleReader r) throws ScaleException {
                r.enterNested();
                List<T> out = readElements(r, element, length);
                r.leaveNested();
                return out;
            }
        };
    }

    private static <T> ScaleCodec<Optional<T>> optional(ScaleCodec<T> inner, boolean nests) {
        return new ScaleCodec<>() {
            @Override
            public void encode(ScaleWriter w, Optional<T> value) {
                if (nests) {
                    w.enterNested();
                }
                w.writeBool(value.isPresent());
                if (value.isPresent()) {
                    inner.encode(w, value.get());
                }
                if (nests) {
                    w.leaveNested();
                }
            }

            @Override
            public Optional<T> decode(ScaleReader r) throws ScaleException {
                if (nests) {
                    r.enterNested();
                }
                // go-scale's tag is a bool: only 0x01 means present, every other byte means absent.
                Optional<T> out = r.readBool() ? Optional.of(inner.decode(r)) : Optional.empty();
                if (nests) {
                    r.leaveNested();
                }
                return out;
            }
        };
    }

    private static <T> ScaleCodec<List<T>> list(ScaleCodec<T> element, long max, boolean nests) {
        ScaleReader.checkMax(max);
        return new ScaleCodec<>() {
            @Override
            public void encode(ScaleWriter w, List<T> value) {
                if (nests) {
                    w.enterNested();
                }
                w.writeLength(value.size(), max);
                writeElements(w, element, value);
                if (nests) {
                    w.leaveNested();
                }
            }

            @Override
            public List<T> decode(ScaleReader r) throws ScaleException {
                if (nests) {
                    r.enterNested();
                }
                long length = r.readLength(max);
                List<T> out = readElements(r, element, length);
                if (nests) {
                    r.leaveNested();
                }
                return out;
            }
        };
    }

    private static <T> void writeElements(ScaleWriter w, ScaleCodec<T> element, List<T> value) {
        for (int i = 0; i < value.size(); i++) {
            w.element(i, element, value.get(i));
        }
    }

    private static <T> List<T> readElements(ScaleReader r, ScaleCodec<T> element, long length)
            throws ScaleException {
        if (length > Integer.MAX_VALUE) {
            // Only reachable with elements that encode to zero bytes; a Java list cannot hold that many.
            throw r.error(Reason.TOO_LONG, r.position(), length + " elements do not fit a list");
        }
        // Capacity never exceeds what the input could still hold: a forged length cannot reserve memory.
        List<T> out = new ArrayList<>((int) Math.min(length, r.remaining()));
        for (int i = 0; i < length; i++) {
            out.add(r.element(i, element));
        }
        return Collections.unmodifiableList(out);
    }
}
