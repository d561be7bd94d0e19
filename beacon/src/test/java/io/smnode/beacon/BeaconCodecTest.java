package io.smnode.beacon;

import io.smnode.core.verdict.Verdict;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smnode.core.codec.ScaleException;
import io.smnode.core.codec.ScaleException.Reason;
import io.smnode.core.signing.Signature;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.NodeId;
import io.smnode.core.util.Hex;
import io.smnode.core.vrf.VrfProof;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Wire layouts derived by hand from the reference's generated codecs (beacon/message_scale.go,
 * weakcoin/weak_coin_scale.go): compact integers (a value below 64 is one byte, value·4), fixed arrays raw,
 * slices with a compact length. Hostile bytes must give a typed ScaleException and a REJECT verdict.
 */
class BeaconCodecTest {
    private static final NodeId NODE = NodeId.of(Hex.decode("11".repeat(32)));
    private static final VrfProof PROOF = VrfProof.of(Hex.decode("22".repeat(80)));
    private static final Signature SIG = Signature.of(Hex.decode("33".repeat(64)));

    @Test
    void proposalMessageLayout() throws ScaleException {
        ProposalMessage m = new ProposalMessage(EpochId.of(5), NODE, PROOF);
        byte[] expected = Hex.decode("14" + "11".repeat(32) + "22".repeat(80)); // compact(5) = 0x14
        assertArrayEquals(expected, m.encode());
        assertEquals(m, ProposalMessage.decode(expected));
        assertEquals(BeaconProposal.ofHex("22222222"), m.proposal());
    }

    @Test
    void firstVotingLayout() throws ScaleException {
        FirstVotingBody body = new FirstVotingBody(EpochId.of(1),
                List.of(BeaconProposal.ofHex("01020304"), BeaconProposal.ofHex("0a0b0c0d")), List.of());
        // epoch 1 → 04; two entries → 08 then 2 × 4 bytes; empty list → 00
        assertEquals("040801020304" + "0a0b0c0d" + "00", Hex.encode(body.encode()));
        FirstVotingMessage m = new FirstVotingMessage(body, NODE, SIG);
        byte[] bytes = m.encode();
        assertEquals(Hex.encode(body.encode()) + "11".repeat(32) + "33".repeat(64), Hex.encode(bytes));
        assertEquals(m, FirstVotingMessage.decode(bytes));
    }

    @Test
    void followingVotingLayout() throws ScaleException {
        FollowingVotingBody body = new FollowingVotingBody(EpochId.of(3), 2, Bytes.ofHex("05"));
        assertEquals("0c080405", Hex.encode(body.encode())); // epoch 3, round 2, one byte 05
        FollowingVotingMessage m = new FollowingVotingMessage(body, NODE, SIG);
        assertEquals(m, FollowingVotingMessage.decode(m.encode()));
    }

    @Test
    void weakCoinLayout() throws ScaleException {
        WeakCoinMessage m = new WeakCoinMessage(EpochId.of(3), 1, 2, NODE, PROOF);
        byte[] expected = Hex.decode("0c0408" + "11".repeat(32) + "22".repeat(80));
        assertArrayEquals(expected, m.encode());
        assertEquals(m, WeakCoinMessage.decode(expected));
    }

    @Test
    void vrfMessages() {
        // {type compact16 = 1, nonce compact64 = 7, epoch compact32 = 3}
        assertEquals("041c0c", Hex.encode(BeaconVrf.proposalMessage(7, EpochId.of(3))));
        // {type 4, nonce 7, epoch 3, round 1, unit 0}
        assertEquals("101c0c0400", Hex.encode(BeaconVrf.weakCoinMessage(7, EpochId.of(3), 1, 0)));
    }

    @Test
    void bitVectorIsTheMinimalBigEndianNumber() {
        List<BeaconProposal> list = Stream.of(0, 1, 2, 3, 4, 5, 6, 7, 8)
                .map(i -> BeaconProposal.of(new byte[] {0, 0, 0, i.byteValue()})).toList();
        // entries 0 and 8 supported: 2^0 + 2^8 = 0x0101
        assertEquals("0101", VoteBits.encode(list, Set.of(list.get(0), list.get(8))).hex());
        // entry 7 only: 0x80, no sign byte
        assertEquals("80", VoteBits.encode(list, Set.of(list.get(7))).hex());
        assertEquals(Bytes.EMPTY, VoteBits.encode(list, Set.of()));
    }

    static Stream<Arguments> hostile() {
        String proposal = "14" + "11".repeat(32) + "22".repeat(80);
        return Stream.of(
                Arguments.of(Named.of("proposal truncated", BeaconTopic.PROPOSAL), proposal.substring(2), Reason.TRUNCATED),
                Arguments.of(Named.of("proposal trailing byte", BeaconTopic.PROPOSAL), proposal + "00", Reason.TRAILING_BYTES),
                Arguments.of(Named.of("proposal non-canonical epoch", BeaconTopic.PROPOSAL), "0100" + proposal.substring(2),
                        Reason.NON_CANONICAL),
                // compact(1001) = 1001·4 + 1 = 4005 = a5 0f: one more proposal than allowed
                Arguments.of(Named.of("first votes 1001 proposals", BeaconTopic.FIRST_VOTES), "04a50f", Reason.TOO_LONG),
                Arguments.of(Named.of("first votes empty", BeaconTopic.FIRST_VOTES), "", Reason.TRUNCATED),
                // compact(129) = 129·4 + 1 = 517 = 05 02: one byte over the 128-byte bit vector limit
                Arguments.of(Named.of("bit vector 129 bytes", BeaconTopic.FOLLOWING_VOTES), "0c080502", Reason.TOO_LONG),
                Arguments.of(Named.of("weak coin truncated", BeaconTopic.WEAK_COIN), "0c0408" + "11".repeat(32),
                        Reason.TRUNCATED));
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void hostileBytesAreRejectedWithAReason(BeaconTopic topic, String hex, Reason reason) {
        byte[] bytes = Hex.decode(hex);
        ScaleException e = assertThrows(ScaleException.class, () -> decode(topic, bytes));
        assertEquals(reason, e.reason(), e.getMessage());

        BeaconNetwork net = new BeaconNetwork();
        net.addNode(net.addMiner(0, 10, 1, BeaconNetwork.EARLY_ATX, false));
        BeaconProtocol node = net.build().nodes.values().iterator().next();
        node.start(BeaconNetwork.EPOCH_START);
        Instant at = BeaconNetwork.EPOCH_START;
        Verdict v = switch (topic) {
            case PROPOSAL -> node.onProposal(bytes, at);
            case FIRST_VOTES -> node.onFirstVotes(bytes, at);
            case FOLLOWING_VOTES -> node.onFollowingVotes(bytes, at);
            case WEAK_COIN -> node.onWeakCoin(bytes, at);
        };
        assertEquals(BeaconRule.MALFORMED, assertInstanceOf(Verdict.Reject.class, v).rule());
    }

    private static Object decode(BeaconTopic topic, byte[] bytes) throws ScaleException {
        return switch (topic) {
            case PROPOSAL -> ProposalMessage.decode(bytes);
            case FIRST_VOTES -> FirstVotingMessage.decode(bytes);
            case FOLLOWING_VOTES -> FollowingVotingMessage.decode(bytes);
            case WEAK_COIN -> WeakCoinMessage.decode(bytes);
        };
    }
}
