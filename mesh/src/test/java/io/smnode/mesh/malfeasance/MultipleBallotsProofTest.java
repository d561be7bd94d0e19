package io.smnode.mesh.malfeasance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.codec.Scale;
import io.smnode.core.codec.ScaleException;
import io.smnode.core.signing.Domain;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.signing.EdVerifier;
import io.smnode.core.signing.Signature;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.BallotId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.LayerId;
import io.smnode.core.util.Hex;
import io.smnode.mesh.proposal.Ballot;
import io.smnode.mesh.proposal.InnerBallot;
import io.smnode.mesh.proposal.Votes;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MultipleBallotsProofTest {
    private static final Bytes PREFIX = Bytes.ofHex("9eebff023abb17ccb775c602daade8ed708f0a50");
    private final EdSigner signer = EdSigner.fromSeed(Hex.decode("22".repeat(32)), PREFIX);
    private final EdVerifier verifier = new EdVerifier(PREFIX);

    private Ballot ballot(LayerId layer, Hash32 opinion, EdSigner by) {
        InnerBallot inner = new InnerBallot(layer, AtxId.ofHex("cc".repeat(32)), opinion, BallotId.ofHex("01".repeat(20)), Optional.empty());
        Votes votes = new Votes(BallotId.ZERO, List.of(), List.of(), List.of());
        Ballot unsigned = new Ballot(inner, Signature.of(new byte[64]), by.nodeId(), votes, List.of(), List.of());
        return new Ballot(inner, by.sign(Domain.BALLOT, unsigned.metadata().encode()), by.nodeId(), votes, List.of(), List.of());
    }

    @Test
    void twoBallotsOfOneSmesherInOneLayerProveMalfeasanceAndTheProofRoundTrips() throws ScaleException {
        Ballot a = ballot(LayerId.of(25), Hash32.ofHex("0a".repeat(32)), signer);
        Ballot b = ballot(LayerId.of(25), Hash32.ofHex("0b".repeat(32)), signer);
        MultipleBallotsProof proof = MultipleBallotsProof.of(a, b).orElseThrow();
        assertEquals(Optional.empty(), proof.check(verifier));
        MultipleBallotsProof back = Scale.decode(MultipleBallotsProof.CODEC, proof.encode());
        assertEquals(proof, back);
        assertEquals(2, proof.encode()[1], "layer 25 is one compact byte, then the type byte 2");
    }

    @Test
    void notADoubleBallotGivesNoProof() {
        Ballot a = ballot(LayerId.of(25), Hash32.ofHex("0a".repeat(32)), signer);
        assertTrue(MultipleBallotsProof.of(a, a).isEmpty());
        assertTrue(MultipleBallotsProof.of(a, ballot(LayerId.of(26), Hash32.ofHex("0b".repeat(32)), signer)).isEmpty());
        EdSigner other = EdSigner.fromSeed(Hex.decode("33".repeat(32)), PREFIX);
        assertTrue(MultipleBallotsProof.of(a, ballot(LayerId.of(25), Hash32.ofHex("0b".repeat(32)), other)).isEmpty());
    }

    @Test
    void aForgedProofIsFlawed() throws ScaleException {
        Ballot a = ballot(LayerId.of(25), Hash32.ofHex("0a".repeat(32)), signer);
        Ballot b = ballot(LayerId.of(25), Hash32.ofHex("0b".repeat(32)), signer);
        MultipleBallotsProof proof = MultipleBallotsProof.of(a, b).orElseThrow();
        byte[] sig = b.signature().toByteArray();
        sig[3] ^= 4;
        MultipleBallotsProof forged = new MultipleBallotsProof(proof.layer(), proof.first(),
                new SignedBallotMetadata(proof.second().metadata(), proof.second().smesherId(), Signature.of(sig)));
        assertEquals(Optional.of(MultipleBallotsProof.Flaw.BAD_SIGNATURE), forged.check(verifier));
        assertEquals(Optional.of(MultipleBallotsProof.Flaw.SAME_BALLOT),
                new MultipleBallotsProof(proof.layer(), proof.first(), proof.first()).check(verifier));
        byte[] wrongType = proof.encode();
        wrongType[1] = 1;
        assertThrows(ScaleException.class, () -> Scale.decode(MultipleBallotsProof.CODEC, wrongType));
    }
}
