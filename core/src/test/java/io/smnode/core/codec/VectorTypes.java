package io.smnode.core.codec;

import static io.smnode.core.codec.TreeCodecs.hex;
import static io.smnode.core.codec.TreeCodecs.intAsBig;
import static io.smnode.core.codec.TreeCodecs.list;
import static io.smnode.core.codec.TreeCodecs.longAsBig;
import static io.smnode.core.codec.TreeCodecs.nullable;
import static io.smnode.core.codec.TreeCodecs.struct;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The types named in codec-scale.json, written as struct codecs from the production combinators exactly as
 * go-scale's generator writes them (see the go-scale examples the vectors cite).
 */
final class VectorTypes {
    static final ScaleCodec<Object> U8 = intAsBig(ScaleCodecs.COMPACT_U8);
    static final ScaleCodec<Object> U16 = intAsBig(ScaleCodecs.COMPACT_U16);
    static final ScaleCodec<Object> U32 = longAsBig(ScaleCodecs.COMPACT_U32);
    static final ScaleCodec<Object> U64 = longAsBig(ScaleCodecs.COMPACT_U64);
    static final ScaleCodec<Object> LENGTH = longAsBig(ScaleCodec.of(
            (w, v) -> w.writeLength(v, ScaleReader.MAX_LENGTH), r -> r.readLength(ScaleReader.MAX_LENGTH)));
    static final ScaleCodec<Object> EX1 = ex1();
    static final ScaleCodec<Object> SPEND = struct(
            "Type", U8,
            "Body", struct(
                    "Address", hex(ScaleCodecs.fixedBytes(20)),
                    "Selector", U8,
                    "Payload", struct(
                            "Arguments", struct(
                                    "Recipient", hex(ScaleCodecs.fixedBytes(20)),
                                    "Amount", U64),
                            "Nonce", struct(
                                    "Counter", U32,
                                    "Bitfield", U64),
                            "GasPrice", U32,
                            "Signature", hex(ScaleCodecs.fixedBytes(64)))));

    /** Vector type name to codec. */
    static final Map<String, ScaleCodec<Object>> BY_NAME = byName();

    private VectorTypes() {}

    private static Map<String, ScaleCodec<Object>> byName() {
        long dflt = ScaleReader.DEFAULT_MAX_ELEMENTS;
        Map<String, ScaleCodec<Object>> m = new LinkedHashMap<>();
        m.put("U8{Value uint8} (field encoded as compact)", struct("Value", U8));
        m.put("U16{Value uint16} (field encoded as compact)", struct("Value", U16));
        m.put("U32{Value uint32} (field encoded as compact)", struct("Value", U32));
        m.put("U64{Value uint64} (field encoded as compact)", struct("Value", U64));
        m.put("compact_u8", U8);
        m.put("compact_u16", U16);
        m.put("compact_u32", U32);
        m.put("compact_u64", U64);
        m.put("length_prefix", LENGTH);
        m.put("option_compact_u8", nullable(ScaleCodecs.intOption(U8)));
        m.put("option_compact_u16", nullable(ScaleCodecs.intOption(U16)));
        m.put("option_compact_u32", nullable(ScaleCodecs.intOption(U32)));
        m.put("option_compact_u64", nullable(ScaleCodecs.intOption(U64)));
        m.put("vec_compact_u16", list(ScaleCodecs.slice(U16, dflt)));
        m.put("vec_compact_u32", list(ScaleCodecs.slice(U32, dflt)));
        m.put("vec_compact_u64", list(ScaleCodecs.slice(U64, dflt)));
        m.put("u8_fixed", intAsBig(ScaleCodecs.U8));
        m.put("u16_le", intAsBig(ScaleCodecs.U16_LE));
        m.put("u32_le", longAsBig(ScaleCodecs.U32_LE));
        m.put("u64_le", longAsBig(ScaleCodecs.U64_LE));
        m.put("bool", TreeCodecs.any(ScaleCodecs.BOOL));
        m.put("bytes", hex(ScaleCodecs.BYTES));
        m.put("string", TreeCodecs.any(ScaleCodecs.STRING));
        m.put("Ex1{Option *Ex1; Bool bool}", EX1);
        m.put("StructSliceWithLimit{Slice []Smth max=2}",
                struct("Slice", list(ScaleCodecs.structSlice(struct("Val", U64), 2))));
        m.put("Options{ArrayPtr *[29]byte; SlicePtr *[]byte}", struct(
                "ArrayPtr", nullable(ScaleCodecs.option(hex(ScaleCodecs.fixedBytes(29)))),
                "SlicePtr", nullable(ScaleCodecs.option(hex(ScaleCodecs.BYTES)))));
        m.put("Spend", SPEND);
        m.put("StructWithString{Value string max=3}", struct("Value", ScaleCodecs.string(3)));
        m.put("Bytes20{Value [20]byte}", struct("Value", hex(ScaleCodecs.fixedBytes(20))));
        m.put("Slice{Value []byte max=10}", struct("Value", hex(ScaleCodecs.bytes(10))));
        m.put("NestedStructPointer{Value *Struct{A uint64}}",
                struct("Value", nullable(ScaleCodecs.option(struct("A", U64)))));
        m.put("NestedTypeAliasWithImport{Value string max=20}", struct("Value", ScaleCodecs.string(20)));
        return m;
    }

    /** Ex1 holds an option of itself, so its codec refers to itself through a late-bound reference. */
    private static ScaleCodec<Object> ex1() {
        @SuppressWarnings("unchecked")
        ScaleCodec<Object>[] self = new ScaleCodec[1];
        ScaleCodec<Object> lateBound = ScaleCodec.of((w, v) -> self[0].encode(w, v), r -> self[0].decode(r));
        self[0] = struct("Option", nullable(ScaleCodecs.option(lateBound)), "Bool", ScaleCodecs.BOOL);
        return self[0];
    }

    static ScaleCodec<Object> codec(String typeName) {
        ScaleCodec<Object> c = BY_NAME.get(typeName);
        if (c == null) {
            throw new IllegalStateException("no test codec for vector type '" + typeName + "'");
        }
        return c;
    }
}
