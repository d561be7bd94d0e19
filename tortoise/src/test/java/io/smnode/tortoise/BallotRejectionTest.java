package io.smnode.tortoise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.hash.Blake3;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.BallotId;
import io.smnode.core.types.BlockId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.NodeId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Hostile or inconsistent ballots are refused with a typed reason, never an unchecked exception. */
class BallotRejectionTest {
    private static final TortoiseConfig CONFIG = new TortoiseConfig(10, 8, 30, 5000, 10, 50, 10, 19);
    private static final Hash32 GENESIS_OPINION = Blake3.hash(new byte[0]);
    private static final NodeId NODE = NodeId.of(Blake3.hash("0".getBytes()).toByteArray());
    private static final AtxId ATX = AtxId.of(Blake3.hash("atx".getBytes()).toByteArray());
    private static final Bytes BEACON = Bytes.ofHex("61000000");
    private static final BallotId REF = id("ref");
    private static final BlockHeader BLOCK = new BlockHeader(BlockId.of(new byte[] {
        (byte) 0xaa, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}), LayerId.of(20), 0);

    private Tortoise tortoise;

    @BeforeEach
    void referenceBallotAtLayer20() {
        tortoise = new Tortoise(CONFIG);
        tortoise.onAtx(EpochId.of(2), ATX, new AtxInfo(NODE, 400, 100, false));
        tortoise.onBeacon(EpochId.of(2), BEACON);
        assertEquals(Optional.empty(), tortoise.onBallot(reference(REF, 20, GENESIS_OPINION, votes(BallotId.ZERO))));
    }

    @Test
    void opinionHashThatDoesNotMatchTheVotesIsRefused() {
        assertReason(Rejection.Reason.OPINION_MISMATCH, reference(id("x"), 21, GENESIS_OPINION, votes(BallotId.ZERO)));
    }

    @Test
    void unknownBaseIsDangling() {
        assertReason(Rejection.Reason.DANGLING_BASE, reference(id("x"), 21, GENESIS_OPINION, votes(id("nobody"))));
    }

    @Test
    void baseFromTheSameLayerIsRefused() {
        assertReason(Rejection.Reason.BASE_NOT_EARLIER, reference(id("x"), 20, GENESIS_OPINION, votes(REF)));
    }

    @Test
    void unknownAtxIsRefused() {
        BallotInput b = new BallotInput(id("x"), LayerId.of(21), NODE, AtxId.ZERO, 1,
                new Opinion(GENESIS_OPINION, votes(BallotId.ZERO)), Optional.of(new EpochData(BEACON, 10)),
                Optional.empty(), false);
        assertReason(Rejection.Reason.ATX_UNKNOWN, b);
    }

    @Test
    void zeroDeclaredEligibilitiesAreRefused() {
        BallotInput b = new BallotInput(id("x"), LayerId.of(21), NODE, ATX, 1,
                new Opinion(GENESIS_OPINION, votes(BallotId.ZERO)), Optional.of(new EpochData(BEACON, 0)),
                Optional.empty(), false);
        assertReason(Rejection.Reason.ZERO_ELIGIBILITIES, b);
    }

    @Test
    void ballotWithoutEpochDataOrReferenceIsRefused() {
        BallotInput b = new BallotInput(id("x"), LayerId.of(21), NODE, ATX, 1,
                new Opinion(GENESIS_OPINION, votes(BallotId.ZERO)), Optional.empty(), Optional.empty(), false);
        assertReason(Rejection.Reason.NO_EPOCH_DATA, b);
    }

    @Test
    void referenceToANonReferenceBallotInheritsItsReferenceLikeTheReference() {
        BallotId secondary = id("secondary");
        Hash32 twoAgainst = Blake3.hash(GENESIS_OPINION.toByteArray());
        assertEquals(Optional.empty(), tortoise.onBallot(pointing(secondary, 21, REF, twoAgainst, votes(BallotId.ZERO))));
        Hash32 threeAgainst = Blake3.hash(twoAgainst.toByteArray());
        // The reference shares the reference data with every ballot pointing at it, so this is accepted there too.
        assertEquals(Optional.empty(), tortoise.onBallot(pointing(id("x"), 22, secondary, threeAgainst,
                votes(BallotId.ZERO))));
    }

    @Test
    void unknownReferenceBallotCannotBeDecoded() {
        assertReason(Rejection.Reason.CANNOT_DECODE,
                pointing(id("x"), 21, id("nobody"), GENESIS_OPINION, votes(BallotId.ZERO)));
    }

    @Test
    void twoVotesOnOneBlockConflict() {
        Votes v = new Votes(BallotId.ZERO, List.of(BLOCK), List.of(BLOCK), List.of());
        assertReason(Rejection.Reason.CONFLICTING_VOTES, reference(id("x"), 21, GENESIS_OPINION, v));
    }

    @Test
    void abstainOnALayerWithVotesConflicts() {
        Votes v = new Votes(BallotId.ZERO, List.of(BLOCK), List.of(), List.of(LayerId.of(20)));
        assertReason(Rejection.Reason.CONFLICTING_VOTES, reference(id("x"), 21, GENESIS_OPINION, v));
    }

    @Test
    void againstABlockTheBaseSupportsAtAnotherHeightIsRefused() {
        OpinionHasher h = new OpinionHasher();
        Hash32 supportsBlock = h.writePrevious(GENESIS_OPINION).writeSupport(BLOCK.id(), BLOCK.height()).sum();
        BallotId base = id("base");
        assertEquals(Optional.empty(), tortoise.onBallot(pointing(base, 21, REF, supportsBlock,
                new Votes(BallotId.ZERO, List.of(BLOCK), List.of(), List.of()))));
        BlockHeader otherHeight = new BlockHeader(BLOCK.id(), BLOCK.layer(), 7);
        Votes v = new Votes(base, List.of(), List.of(otherHeight), List.of());
        assertReason(Rejection.Reason.WRONG_AGAINST_TARGET, pointing(id("x"), 22, REF, GENESIS_OPINION, v));
    }

    @Test
    void storingTwiceIsRefusedButDecodingAgainIsHarmless() {
        DecodeResult again = tortoise.decodeBallot(reference(REF, 20, GENESIS_OPINION, votes(BallotId.ZERO)));
        DecodedBallot decoded = assertInstanceOf(DecodeResult.Decoded.class, again).ballot();
        Optional<Rejection> stored = tortoise.storeBallot(decoded);
        assertEquals(Rejection.Reason.BALLOT_EXISTS, stored.orElseThrow().reason());
        assertTrue(stored.get().detail().startsWith("tortoise: ballot exists"));
    }

    @Test
    void ballotsWaitForTheirBeaconAndEncodingWaitsForThem() {
        Tortoise t = new Tortoise(CONFIG);
        t.onAtx(EpochId.of(2), ATX, new AtxInfo(NODE, 400, 100, false));
        t.tallyVotes(LayerId.of(20));
        assertEquals(Optional.empty(), t.onBallot(reference(REF, 20, GENESIS_OPINION, votes(BallotId.ZERO))));
        EncodeResult blocked = t.encodeVotes(LayerId.of(21));
        assertEquals(Rejection.Reason.NOT_DRAINED,
                assertInstanceOf(EncodeResult.Failed.class, blocked).rejection().reason());
        t.onBeacon(EpochId.of(2), BEACON);
        t.tallyVotes(LayerId.of(21));
        assertInstanceOf(EncodeResult.Encoded.class, t.encodeVotes(LayerId.of(22)));
    }

    private void assertReason(Rejection.Reason reason, BallotInput ballot) {
        DecodeResult r = tortoise.decodeBallot(ballot);
        assertEquals(reason, assertInstanceOf(DecodeResult.Rejected.class, r, r.toString()).rejection().reason());
        assertEquals(Optional.of(reason), tortoise.onBallot(ballot).map(Rejection::reason));
    }

    private static BallotInput reference(BallotId id, long layer, Hash32 hash, Votes votes) {
        return new BallotInput(id, LayerId.of(layer), NODE, ATX, 5, new Opinion(hash, votes),
                Optional.of(new EpochData(BEACON, 50)), Optional.empty(), false);
    }

    private static BallotInput pointing(BallotId id, long layer, BallotId ref, Hash32 hash, Votes votes) {
        return new BallotInput(id, LayerId.of(layer), NODE, ATX, 5, new Opinion(hash, votes), Optional.empty(),
                Optional.of(ref), false);
    }

    private static Votes votes(BallotId base) {
        return new Votes(base, List.of(), List.of(), List.of());
    }

    private static BallotId id(String name) {
        byte[] b = new byte[20];
        System.arraycopy(Blake3.hash(name.getBytes()).toByteArray(), 0, b, 0, 20);
        return BallotId.of(b);
    }
}
