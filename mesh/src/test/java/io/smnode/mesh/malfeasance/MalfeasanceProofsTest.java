package io.smnode.mesh.malfeasance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.signing.EdSigner;
import io.smnode.core.signing.EdVerifier;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.LayerId;
import io.smnode.core.util.Hex;
import io.smnode.mesh.proposal.BallotMetadata;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Proofs by type byte and their {@code mp1} envelope: a valid proof names its offender, a broken one is rejected, an
 * eligibility attached or a type not read is malformed.
 */
class MalfeasanceProofsTest {
    private static final Bytes PREFIX = Bytes.ofHex("9eebff023abb17ccb775c602daade8ed708f0a50");
    private static final EdVerifier VERIFIER = new EdVerifier(PREFIX);
    private static final EdSigner SIGNER = EdSigner.fromSeed(Hex.decode("42".repeat(32)), PREFIX);

    private static MultipleBallotsProof proof(int secondHash) {
        LayerId layer = LayerId.of(9);
        BallotMetadata a = new BallotMetadata(layer, Hash32.ofHex("01".repeat(32)));
        BallotMetadata b = new BallotMetadata(layer, Hash32.ofHex(String.format("%02x", secondHash).repeat(32)));
        return new MultipleBallotsProof(layer,
                new SignedBallotMetadata(a, SIGNER.nodeId(), SIGNER.sign(io.smnode.core.signing.Domain.BALLOT, a.encode())),
                new SignedBallotMetadata(b, SIGNER.nodeId(), SIGNER.sign(io.smnode.core.signing.Domain.BALLOT, b.encode())));
    }

    @Test
    void aDoubleBallotProofNamesItsOffenderThroughTheGossipEnvelope() {
        Bytes proof = Bytes.wrap(proof(2).encode());
        Bytes gossip = MalfeasanceProofs.gossip(proof);
        assertEquals(proof.length() + 1, gossip.length());
        assertEquals(Optional.of(proof), MalfeasanceProofs.fromGossip(gossip));
        MalfeasanceProofs.Checked checked = MalfeasanceProofs.check(proof, VERIFIER);
        assertTrue(checked.verdict().accepted());
        assertEquals(Optional.of(SIGNER.nodeId()), checked.offender());
    }

    @Test
    void brokenOrUnreadProofsAreRefused() {
        MalfeasanceProofs.Checked same = MalfeasanceProofs.check(Bytes.wrap(proof(1).encode()), VERIFIER);
        assertEquals(MalfeasanceRule.INVALID_PROOF, same.verdict().ruleOrNull(), "the same ballot twice");
        byte[] forged = proof(2).encode();
        forged[forged.length - 1] ^= 1;
        assertEquals(MalfeasanceRule.INVALID_PROOF,
                MalfeasanceProofs.check(Bytes.wrap(forged), VERIFIER).verdict().ruleOrNull(), "a broken signature");
        byte[] otherType = proof(2).encode();
        otherType[1] = 4; // layer 9 is one compact byte; then the type: 4 (invalid PoST index) is not read here
        assertTrue(MalfeasanceProofs.check(Bytes.wrap(otherType), VERIFIER).verdict().rejected());
        assertEquals(Optional.empty(), MalfeasanceProofs.fromGossip(withEligibility(proof(2).encode())),
                "an eligibility must be absent");
    }

    private static Bytes withEligibility(byte[] proof) {
        byte[] out = Arrays.copyOf(proof, proof.length + 1);
        out[proof.length] = 1;
        return Bytes.wrap(out);
    }
}
