package io.smnode.hare;

import io.smnode.core.codec.CoreCodecs;
import io.smnode.core.codec.Scale;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.codec.ScaleCodecs;
import io.smnode.core.codec.ScaleException;
import io.smnode.core.signing.Signature;
import io.smnode.core.types.Beacon;
import io.smnode.core.vrf.VrfProof;
import java.util.List;

/**
 * SCALE codecs of the hare wire types, field for field as go-spacemesh's generated code writes them: layer and
 * absolute round as compact uint32, iteration and round as compact uint8, the eligibility count as compact uint16.
 */
public final class HareCodecs {
    static final ScaleCodec<VrfProof> VRF_PROOF = ScaleCodecs.fixed(VrfProof.LENGTH, VrfProof::of);
    static final ScaleCodec<Signature> SIGNATURE = ScaleCodecs.fixed(Signature.LENGTH, Signature::of);
    static final ScaleCodec<Beacon> BEACON = ScaleCodecs.fixed(Beacon.LENGTH, Beacon::of);

    public static final ScaleCodec<Value> VALUE = ScaleCodec.of((w, v) -> {
        w.field("Proposals", ScaleCodecs.structSlice(CoreCodecs.PROPOSAL_ID, Value.MAX_PROPOSALS), v.proposals());
        w.field("Reference", ScaleCodecs.option(CoreCodecs.HASH32), v.reference());
    }, r -> new Value(
            r.field("Proposals", ScaleCodecs.structSlice(CoreCodecs.PROPOSAL_ID, Value.MAX_PROPOSALS)),
            r.field("Reference", ScaleCodecs.option(CoreCodecs.HASH32))));

    public static final ScaleCodec<Eligibility> ELIGIBILITY = ScaleCodec.of((w, e) -> {
        w.field("Proof", VRF_PROOF, e.proof());
        w.field("Count", ScaleCodecs.COMPACT_U16, e.count());
    }, r -> new Eligibility(r.field("Proof", VRF_PROOF), r.field("Count", ScaleCodecs.COMPACT_U16)));

    /** IterRound is embedded in Body, so its two fields appear inline. */
    public static final ScaleCodec<Body> BODY = ScaleCodec.of((w, b) -> {
        w.field("Layer", CoreCodecs.LAYER_ID, b.layer());
        w.field("Iter", ScaleCodecs.COMPACT_U8, b.iterRound().iter());
        w.field("Round", ScaleCodecs.COMPACT_U8, b.iterRound().round());
        w.field("Value", VALUE, b.value());
        w.field("Eligibility", ELIGIBILITY, b.eligibility());
    }, r -> new Body(
            r.field("Layer", CoreCodecs.LAYER_ID),
            new IterRound(r.field("Iter", ScaleCodecs.COMPACT_U8), r.field("Round", ScaleCodecs.COMPACT_U8)),
            r.field("Value", VALUE),
            r.field("Eligibility", ELIGIBILITY)));

    public static final ScaleCodec<HareMessage> MESSAGE = ScaleCodec.of((w, m) -> {
        w.field("Body", BODY, m.body());
        w.field("Sender", CoreCodecs.NODE_ID, m.sender());
        w.field("Signature", SIGNATURE, m.signature());
    }, r -> new HareMessage(
            r.field("Body", BODY),
            r.field("Sender", CoreCodecs.NODE_ID),
            r.field("Signature", SIGNATURE)));

    public static final ScaleCodec<HareMetadata> METADATA = ScaleCodec.of((w, m) -> {
        w.field("Layer", CoreCodecs.LAYER_ID, m.layer());
        w.field("Round", ScaleCodecs.COMPACT_U32, m.round());
        w.field("MsgHash", CoreCodecs.HASH32, m.msgHash());
    }, r -> new HareMetadata(
            r.field("Layer", CoreCodecs.LAYER_ID),
            r.field("Round", ScaleCodecs.COMPACT_U32),
            r.field("MsgHash", CoreCodecs.HASH32)));

    public static final ScaleCodec<HareProofMessage> PROOF_MESSAGE = ScaleCodec.of((w, m) -> {
        w.field("InnerMsg", METADATA, m.metadata());
        w.field("SmesherID", CoreCodecs.NODE_ID, m.smesher());
        w.field("Signature", SIGNATURE, m.signature());
    }, r -> new HareProofMessage(
            r.field("InnerMsg", METADATA),
            r.field("SmesherID", CoreCodecs.NODE_ID),
            r.field("Signature", SIGNATURE)));

    private static final ScaleCodec<List<HareProofMessage>> TWO_PROOF_MESSAGES = ScaleCodecs.array(PROOF_MESSAGE, 2);

    /**
     * {@code MalfeasanceProof{Layer = first message's layer, Proof{Type byte = 3, Data = HareProof}}}. Decoding
     * accepts only the hare type: other proof types belong to their own modules.
     */
    public static final ScaleCodec<HareEquivocation> MALFEASANCE_PROOF = ScaleCodec.of((w, e) -> {
        w.field("Layer", CoreCodecs.LAYER_ID, e.first().metadata().layer());
        w.field("Type", ScaleCodecs.U8, HareEquivocation.MALFEASANCE_TYPE);
        w.field("Messages", TWO_PROOF_MESSAGES, List.of(e.first(), e.second()));
    }, r -> {
        r.field("Layer", CoreCodecs.LAYER_ID);
        int offset = r.position();
        int type = r.field("Type", ScaleCodecs.U8);
        if (type != HareEquivocation.MALFEASANCE_TYPE) {
            throw r.error(ScaleException.Reason.INVALID_VALUE, offset, "proof type " + type + " is not hare");
        }
        List<HareProofMessage> messages = r.field("Messages", TWO_PROOF_MESSAGES);
        return new HareEquivocation(messages.get(0), messages.get(1));
    });

    private HareCodecs() {}

    /**
     * Decodes gossip bytes into a message whose shape fits its round.
     *
     * @throws InvalidHareMessageException for any bytes that are not such a message; never an unchecked exception
     */
    public static HareMessage decodeMessage(byte[] bytes) throws InvalidHareMessageException {
        HareMessage message;
        try {
            message = Scale.decode("Message", MESSAGE, bytes);
        } catch (ScaleException e) {
            throw new InvalidHareMessageException(InvalidHareMessageException.Reason.MALFORMED, e.getMessage(), e);
        }
        message.checkShape();
        return message;
    }

    public static byte[] encodeMessage(HareMessage message) {
        return Scale.encode(MESSAGE, message);
    }
}
