package io.smnode.mesh.malfeasance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smnode.core.codec.Scale;
import io.smnode.core.codec.ScaleException;
import io.smnode.core.hash.Blake3;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.signing.EdVerifier;
import io.smnode.core.types.Address;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.LayerId;
import io.smnode.core.util.Hex;
import io.smnode.activation.ActivationTxV1;
import io.smnode.activation.AtxMetadata;
import io.smnode.activation.InnerActivationTxV1;
import io.smnode.activation.MerkleProofV1;
import io.smnode.activation.NIPostChallengeV1;
import io.smnode.activation.NIPostV1;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Malfeasance type 1 (spec 07 §5): two different ATXs signed by one identity for one publish epoch. */
class MultipleAtxsProofTest {
    private static final Bytes PREFIX = Bytes.ofHex("9eebff023abb17ccb775c602daade8ed708f0a50");
    private static final int LAYERS_PER_EPOCH = 4032;
    private final EdSigner signer = EdSigner.fromSeed(Hex.decode("22".repeat(32)), PREFIX);
    private final EdSigner other = EdSigner.fromSeed(Hex.decode("23".repeat(32)), PREFIX);
    private final EdVerifier verifier = new EdVerifier(PREFIX);

    private ActivationTxV1 atx(long epoch, long units, EdSigner by) {
        InnerActivationTxV1 inner = new InnerActivationTxV1(
                new NIPostChallengeV1(EpochId.of(epoch), 1, AtxId.ofHex("11".repeat(32)), AtxId.ofHex("22".repeat(32)),
                        Optional.empty(), Optional.empty()),
                Address.ZERO, units,
                Optional.of(new NIPostV1(new MerkleProofV1(List.of(), 0), Optional.empty(), Optional.empty())),
                Optional.empty(), Optional.empty());
        return ActivationTxV1.sign(inner, by);
    }

    @Test
    void twoAtxsOfOneSmesherInOneEpochProveMalfeasanceAndTheProofRoundTrips() throws ScaleException {
        ActivationTxV1 a = atx(5, 4, signer);
        ActivationTxV1 b = atx(5, 8, signer);
        MultipleAtxsProof proof = MultipleAtxsProof.of(a, b, LAYERS_PER_EPOCH).orElseThrow();
        assertEquals(Optional.empty(), proof.check(verifier));
        assertEquals(LayerId.of(5L * LAYERS_PER_EPOCH), proof.layer());
        assertEquals(a.id().hex(), proof.first().metadata().msgHash().hex());
        assertEquals(b.id().hex(), proof.second().metadata().msgHash().hex());
        assertEquals(proof, Scale.decode(MultipleAtxsProof.CODEC, proof.encode()));
    }

    @Test
    void wireLayoutIsLayerTypeThenTwoSignedMetadata() {
        ActivationTxV1 a = atx(5, 4, signer);
        ActivationTxV1 b = atx(5, 8, signer);
        MultipleAtxsProof proof = MultipleAtxsProof.of(a, b, LAYERS_PER_EPOCH).orElseThrow();
        // layer 20160 = compact four-byte mode: (20160 << 2) | 2 = 0x00013b02; type byte 1; epoch 5 = 0x14
        String half = "14" + "%s" + signer.nodeId().hex() + "%s";
        String expected = "023b0100" + "01"
                + String.format(half, a.id().hex(), a.signature().hex())
                + String.format(half, b.id().hex(), b.signature().hex());
        assertEquals(expected, Hex.encode(proof.encode()));
    }

    @Test
    void notADoublePublicationGivesNoProof() {
        ActivationTxV1 a = atx(5, 4, signer);
        assertEquals(Optional.empty(), MultipleAtxsProof.of(a, a, LAYERS_PER_EPOCH), "the same ATX");
        assertEquals(Optional.empty(), MultipleAtxsProof.of(a, atx(6, 4, signer), LAYERS_PER_EPOCH), "another epoch");
        assertEquals(Optional.empty(), MultipleAtxsProof.of(a, atx(5, 8, other), LAYERS_PER_EPOCH), "another smesher");
    }

    @Test
    void eachFlawOfAForgedProofIsNamed() {
        SignedAtxMetadata a = SignedAtxMetadata.of(atx(5, 4, signer));
        SignedAtxMetadata b = SignedAtxMetadata.of(atx(5, 8, signer));
        LayerId layer = LayerId.of(5L * LAYERS_PER_EPOCH);
        SignedAtxMetadata badSig = new SignedAtxMetadata(new AtxMetadata(EpochId.of(5),
                Blake3.hash(new byte[] {1})), b.smesherId(), b.signature());
        assertEquals(Optional.of(MultipleAtxsProof.Flaw.BAD_SIGNATURE), new MultipleAtxsProof(layer, a, badSig).check(verifier));
        SignedAtxMetadata ofOther = SignedAtxMetadata.of(atx(5, 8, other));
        assertEquals(Optional.of(MultipleAtxsProof.Flaw.DIFFERENT_SMESHERS),
                new MultipleAtxsProof(layer, a, ofOther).check(verifier));
        SignedAtxMetadata laterEpoch = SignedAtxMetadata.of(atx(6, 8, signer));
        assertEquals(Optional.of(MultipleAtxsProof.Flaw.DIFFERENT_EPOCHS),
                new MultipleAtxsProof(layer, a, laterEpoch).check(verifier));
        assertEquals(Optional.of(MultipleAtxsProof.Flaw.SAME_ATX), new MultipleAtxsProof(layer, a, a).check(verifier));
    }

    @Test
    void proofOfAnotherTypeIsRefused() {
        byte[] bytes = MultipleAtxsProof.of(atx(5, 4, signer), atx(5, 8, signer), LAYERS_PER_EPOCH).orElseThrow().encode();
        bytes[4] = 2; // the type byte after the 4-byte compact layer
        ScaleException e = assertThrows(ScaleException.class, () -> Scale.decode(MultipleAtxsProof.CODEC, bytes));
        assertEquals(ScaleException.Reason.INVALID_VALUE, e.reason());
    }
}
