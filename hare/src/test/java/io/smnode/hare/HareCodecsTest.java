package io.smnode.hare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.codec.CoreCodecs;
import io.smnode.core.codec.Scale;
import io.smnode.core.codec.ScaleCodecs;
import io.smnode.core.codec.ScaleException;
import io.smnode.core.hash.Blake3;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.signing.EdVerifier;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.ProposalId;
import io.smnode.core.vrf.VrfProof;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HareCodecsTest {
    private static final Bytes PREFIX = Bytes.ofHex("0102030405060708090a0b0c0d0e0f1011121314");
    private static final EdSigner SIGNER = EdSigner.fromSeed(HareOracleTest.seed(3), PREFIX);
    private static final EdVerifier VERIFIER = new EdVerifier(PREFIX);

    static ProposalId id(int n) {
        byte[] b = new byte[ProposalId.LENGTH];
        b[0] = (byte) n;
        b[19] = (byte) (n >> 8);
        return ProposalId.of(b);
    }

    static Body body(IterRound round, Value value) {
        byte[] proof = new byte[VrfProof.LENGTH];
        Arrays.fill(proof, (byte) 0x5a);
        return new Body(LayerId.of(70_000), round, value, new Eligibility(VrfProof.of(proof), 300));
    }

    static HareMessage preround(List<ProposalId> proposals) {
        return HareMessage.sign(body(IterRound.of(0, Round.PREROUND), Value.ofProposals(proposals)), SIGNER);
    }

    @Test
    void bodyIsLayerIterRoundValueEligibilityInReferenceFieldOrder() {
        Hash32 ref = Blake3.hash(new byte[] {1});
        Body body = body(IterRound.of(2, Round.COMMIT), new Value(List.of(id(1)), Optional.of(ref)));
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(Scale.encode(CoreCodecs.LAYER_ID, body.layer()));
        expected.writeBytes(Scale.encode(ScaleCodecs.COMPACT_U8, 2));
        expected.writeBytes(Scale.encode(ScaleCodecs.COMPACT_U8, Round.COMMIT.code()));
        expected.writeBytes(Scale.encode(ScaleCodecs.structSlice(CoreCodecs.PROPOSAL_ID, 2350), List.of(id(1))));
        expected.writeBytes(Scale.encode(ScaleCodecs.option(CoreCodecs.HASH32), Optional.of(ref)));
        expected.writeBytes(body.eligibility().proof().toByteArray());
        expected.writeBytes(Scale.encode(ScaleCodecs.COMPACT_U16, 300));
        assertArrayEquals(expected.toByteArray(), Scale.encode(HareCodecs.BODY, body));
        assertEquals(Blake3.hash(expected.toByteArray()), body.hash());
    }

    @Test
    void messageRoundTripsAndItsSignatureCoversTheMetadata() throws Exception {
        HareMessage m = preround(List.of(id(1), id(2)));
        byte[] wire = HareCodecs.encodeMessage(m);
        HareMessage decoded = HareCodecs.decodeMessage(wire);
        assertEquals(m, decoded);
        assertTrue(decoded.signatureValid(VERIFIER));
        assertEquals(new HareMetadata(m.body().layer(), 0, m.body().hash()), m.body().metadata());
        // Any change to the body changes the signed hash.
        HareMessage moved = new HareMessage(new Body(LayerId.of(70_001), m.iterRound(), m.body().value(),
                m.body().eligibility()), m.sender(), m.signature());
        assertEquals(false, moved.signatureValid(VERIFIER));
        assertEquals(false, m.signatureValid(new EdVerifier(Bytes.EMPTY)));
    }

    @Test
    void everyTruncationAndTrailingByteIsMalformed() {
        byte[] wire = HareCodecs.encodeMessage(preround(List.of(id(1), id(2), id(3))));
        for (int len = 0; len < wire.length; len++) {
            assertReason(InvalidHareMessageException.Reason.MALFORMED, Arrays.copyOf(wire, len));
        }
        assertReason(InvalidHareMessageException.Reason.MALFORMED, Arrays.copyOf(wire, wire.length + 1));
    }

    @Test
    void moreThan2350ProposalsIsMalformed() {
        List<ProposalId> many = new ArrayList<>();
        for (int i = 0; i < Value.MAX_PROPOSALS + 1; i++) {
            many.add(id(i));
        }
        // Write the over-long list by hand: the encoder refuses it too.
        byte[] wire = HareCodecs.encodeMessage(preround(List.of(id(1))));
        byte[] head = Scale.encode(CoreCodecs.LAYER_ID, LayerId.of(70_000));
        ByteArrayOutputStream hostile = new ByteArrayOutputStream();
        hostile.writeBytes(head);
        hostile.writeBytes(new byte[] {0, 0});
        hostile.writeBytes(Scale.encode(ScaleCodecs.structSlice(CoreCodecs.PROPOSAL_ID, 1 << 20), many));
        hostile.writeBytes(Arrays.copyOfRange(wire, head.length + 2 + 1 + ProposalId.LENGTH, wire.length));
        InvalidHareMessageException e = assertReason(InvalidHareMessageException.Reason.MALFORMED,
                hostile.toByteArray());
        assertEquals(ScaleException.Reason.TOO_LONG, ((ScaleException) e.getCause()).reason());
        assertThrows(RuntimeException.class, () -> HareCodecs.encodeMessage(preround(many)));
    }

    @Test
    void referenceMustMatchTheRound() {
        Hash32 ref = Blake3.hash(new byte[] {9});
        assertReason(InvalidHareMessageException.Reason.MISSING_REFERENCE, HareCodecs.encodeMessage(
                HareMessage.sign(body(IterRound.of(0, Round.COMMIT), Value.ofProposals(List.of())), SIGNER)));
        assertReason(InvalidHareMessageException.Reason.MISSING_REFERENCE, HareCodecs.encodeMessage(
                HareMessage.sign(body(IterRound.of(1, Round.NOTIFY), Value.ofProposals(List.of())), SIGNER)));
        assertReason(InvalidHareMessageException.Reason.UNEXPECTED_REFERENCE, HareCodecs.encodeMessage(
                HareMessage.sign(body(IterRound.of(0, Round.PREROUND), Value.ofReference(ref)), SIGNER)));
        assertReason(InvalidHareMessageException.Reason.UNEXPECTED_REFERENCE, HareCodecs.encodeMessage(
                HareMessage.sign(body(IterRound.of(0, Round.PROPOSE), Value.ofReference(ref)), SIGNER)));
    }

    @Test
    void randomAndMutatedBytesOnlyEverGiveTypedErrors() {
        SplittableRandom random = new SplittableRandom(42);
        byte[] wire = HareCodecs.encodeMessage(preround(List.of(id(1), id(2))));
        for (int i = 0; i < 20_000; i++) {
            byte[] input;
            if (i % 2 == 0) {
                input = new byte[random.nextInt(300)];
                random.nextBytes(input);
            } else {
                input = wire.clone();
                input[random.nextInt(input.length)] = (byte) random.nextInt(256);
            }
            try {
                HareCodecs.decodeMessage(input);
            } catch (InvalidHareMessageException expected) {
                // a typed error is the only acceptable failure
            }
        }
    }

    @Test
    void equivocationProofRoundTripsAsAMalfeasanceProofOfType3() throws Exception {
        HareMessage a = preround(List.of(id(1)));
        HareMessage b = preround(List.of(id(2)));
        HareEquivocation proof = new HareEquivocation(a.toProofMessage(), b.toProofMessage());
        byte[] bytes = proof.malfeasanceProofBytes();
        byte[] layer = Scale.encode(CoreCodecs.LAYER_ID, a.body().layer());
        assertArrayEquals(layer, Arrays.copyOf(bytes, layer.length));
        assertEquals(HareEquivocation.MALFEASANCE_TYPE, bytes[layer.length]);
        assertEquals(proof, Scale.decode(HareCodecs.MALFEASANCE_PROOF, bytes));
        assertEquals(Optional.of(a.sender()), proof.offender(VERIFIER));
        // Two copies of one message prove nothing; neither does a proof with a forged signature.
        assertEquals(Optional.empty(), new HareEquivocation(a.toProofMessage(), a.toProofMessage())
                .offender(VERIFIER));
        HareProofMessage forged = new HareProofMessage(b.toProofMessage().metadata(), a.sender(), a.signature());
        assertEquals(Optional.empty(), new HareEquivocation(a.toProofMessage(), forged).offender(VERIFIER));
        byte[] otherType = bytes.clone();
        otherType[layer.length] = 2;
        assertThrows(ScaleException.class, () -> Scale.decode(HareCodecs.MALFEASANCE_PROOF, otherType));
    }

    private static InvalidHareMessageException assertReason(InvalidHareMessageException.Reason reason,
            byte[] bytes) {
        InvalidHareMessageException e = assertThrows(InvalidHareMessageException.class,
                () -> HareCodecs.decodeMessage(bytes));
        assertEquals(reason, e.reason(), e.getMessage());
        return e;
    }
}
