package io.smnode.mesh.proposal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smnode.core.codec.Scale;
import io.smnode.core.codec.ScaleException;
import io.smnode.core.hash.Blake3;
import io.smnode.core.signing.Signature;
import io.smnode.core.types.BallotId;
import io.smnode.core.types.BlockId;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.TxId;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ProposalCodecTest {
    private final BallotFixture f = new BallotFixture();

    private Proposal proposal() {
        Ballot ballot = f.referenceBallot(f.eligibleLayer());
        Votes votes = new Votes(BallotId.ofHex("05".repeat(20)), List.of(new Vote(BlockId.ofHex("06".repeat(20)), LayerId.of(19), 3)),
                List.of(), List.of(LayerId.of(18)));
        Ballot withVotes = f.signed(ballot.inner(), votes, ballot.eligibilityProofs());
        return new Proposal(withVotes, List.of(TxId.ofHex("07".repeat(32))), Hash32.ofHex("08".repeat(32)), Signature.of(new byte[64]));
    }

    @Test
    void aProposalRoundTripsThroughItsCanonicalBytes() throws ScaleException {
        Proposal p = proposal();
        byte[] bytes = Scale.encode(Proposal.CODEC, p);
        Proposal back = Scale.decode(Proposal.CODEC, bytes);
        assertEquals(p, back);
        assertArrayEquals(bytes, Scale.encode(Proposal.CODEC, back));
    }

    @Test
    void idsFollowSpec01() {
        Proposal p = proposal();
        Ballot b = p.ballot();
        byte[] innerBallot = Scale.encode(InnerBallot.CODEC, b.inner());
        assertEquals(Blake3.hash(innerBallot).hex().substring(0, 40), b.id().hex());
        assertEquals(Blake3.hash(p.metadata().encode()).hex().substring(0, 40), p.id().hex());
        // The signature is not part of what is signed, so re-signing keeps the id.
        assertEquals(p.id(), p.withSignature(Signature.of(new byte[64])).id());
        // The layer is the first field of the metadata: compact u32 then the 32-byte hash.
        byte[] meta = b.metadata().encode();
        assertEquals(32, meta.length - Scale.encode(io.smnode.core.codec.CoreCodecs.LAYER_ID, b.inner().layer()).length);
    }

    @Test
    void truncatedMutatedOrExtendedBytesFailWithATypedError() {
        byte[] bytes = Scale.encode(Proposal.CODEC, proposal());
        Random random = new Random(20261121);
        for (int i = 0; i < 2_000; i++) {
            byte[] mutated;
            switch (i % 3) {
                case 0 -> mutated = Arrays.copyOf(bytes, random.nextInt(bytes.length));
                case 1 -> {
                    mutated = bytes.clone();
                    mutated[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
                }
                default -> mutated = Arrays.copyOf(bytes, bytes.length + 1 + random.nextInt(8));
            }
            try {
                Proposal decoded = Scale.decode(Proposal.CODEC, mutated);
                assertNotEquals(null, decoded);
            } catch (ScaleException expected) {
                // A typed rejection is the only other allowed outcome.
            }
        }
        assertThrows(ScaleException.class, () -> Scale.decode(Proposal.CODEC, Arrays.copyOf(bytes, bytes.length + 1)));
    }
}
