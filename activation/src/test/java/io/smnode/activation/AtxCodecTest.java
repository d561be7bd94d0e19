package io.smnode.activation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smnode.core.codec.ScaleException;
import io.smnode.core.hash.Blake3;
import io.smnode.core.signing.Signature;
import io.smnode.core.types.Address;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.NodeId;
import io.smnode.core.util.Hex;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The ATX v1 wire format of spec 02 §1 with the SCALE rules of spec 01 §4: a layout written out by hand from those
 * rules, id and signed bytes, round trips of initial and follow-up ATXs, and hostile bytes that must end in a
 * {@link ScaleException} with the right reason (never an unchecked exception).
 */
class AtxCodecTest {
    static final String H11 = "11".repeat(32);
    static final String H22 = "22".repeat(32);
    static final String H44 = "44".repeat(32);
    static final String H55 = "55".repeat(32);

    /** A follow-up ATX with every kind of field; its bytes are spelled out in {@link #LAYOUT}. */
    static final ActivationTxV1 FOLLOW_UP = new ActivationTxV1(new InnerActivationTxV1(
            new NIPostChallengeV1(EpochId.of(2), 1, AtxId.ofHex(H11), AtxId.ofHex(H22), Optional.empty(), Optional.empty()),
            Address.ofHex("33".repeat(24)), 4,
            Optional.of(new NIPostV1(new MerkleProofV1(List.of(Hash32.ofHex(H44)), 5),
                    Optional.of(new PostV1(7, Bytes.ofHex("aabb"), 64)),
                    Optional.of(new PostMetadataV1(Bytes.ofHex(H55), 1L << 32)))),
            Optional.empty(), Optional.of(255L)),
            NodeId.ofHex("66".repeat(32)), Signature.of(Bytes.ofHex("77".repeat(64)).toByteArray()));

    /** Compact integers per spec 01 §4 (2 → 08, 64 → 01 01, 255 → fd 03, 2^32 → 07 + 5 LE bytes). */
    static final String INNER_LAYOUT = "08" + "04" + H11 + H22 + "00" + "00" // challenge: epoch 2, seq 1, no commitment/post
            + "33".repeat(24) + "10"                                             // coinbase, 4 units
            + "01" + "04" + H44 + "14"                                           // NIPoST: 1 node, leaf index 5
            + "01" + "1c" + "08" + "aabb" + "0101"                               // post: nonce 7, 2 index bytes, pow 64
            + "01" + "80" + H55 + "070000000001"                                 // metadata: 32-byte challenge, 2^32
            + "00" + "01" + "fd03";                                              // no node id, VRF nonce 255
    static final String LAYOUT = INNER_LAYOUT + "66".repeat(32) + "77".repeat(64);

    @Test
    void followUpAtxEncodesFieldByFieldAsTheSpecSays() throws ScaleException {
        assertEquals(LAYOUT, Hex.encode(FOLLOW_UP.encode()));
        assertEquals(FOLLOW_UP, ActivationTxV1.decode(Hex.decode(LAYOUT)));
    }

    @Test
    void idIsTheBlake3OfTheInnerBytesAndTheSignatureCoversEpochAndId() {
        Hash32 id = Blake3.hash(Hex.decode(INNER_LAYOUT));
        assertEquals(id.hex(), FOLLOW_UP.id().hex());
        assertEquals("08" + id.hex(), Hex.encode(FOLLOW_UP.metadata().encode()));
    }

    @Test
    void challengeHashIsTheMembershipLeafOfTheChallengeBytes() {
        String challenge = "08" + "04" + H11 + H22 + "00" + "00";
        assertEquals(Blake3.hash(Hex.decode("00" + challenge)), FOLLOW_UP.challenge().hash());
    }

    @Test
    void initialAtxRoundTrips() throws ScaleException {
        ActivationTxV1 initial = new ActivationTxV1(new InnerActivationTxV1(
                new NIPostChallengeV1(EpochId.of(EpochId.MAX), 0, AtxId.ZERO, AtxId.ofHex(H22),
                        Optional.of(AtxId.ofHex(H11)), Optional.of(new PostV1(0xffff_ffffL, Bytes.wrap(new byte[800]), -1L))),
                Address.ZERO, 0xffff_ffffL,
                Optional.of(new NIPostV1(new MerkleProofV1(List.of(), -1L), Optional.empty(), Optional.empty())),
                Optional.of(NodeId.ofHex("66".repeat(32))), Optional.of(-1L)),
                NodeId.ofHex("66".repeat(32)), Signature.of(new byte[64]));
        byte[] bytes = initial.encode();
        ActivationTxV1 decoded = ActivationTxV1.decode(bytes);
        assertEquals(initial, decoded);
        assertArrayEquals(bytes, decoded.encode());
        assertEquals(initial.id(), decoded.id());
    }

    @Test
    void everyTruncationIsATypedError() {
        byte[] bytes = Hex.decode(LAYOUT);
        for (int n = 0; n < bytes.length; n++) {
            byte[] cut = Arrays.copyOf(bytes, n);
            ScaleException e = assertThrows(ScaleException.class, () -> ActivationTxV1.decode(cut), "length " + n);
            assertEquals(ScaleException.Reason.TRUNCATED, e.reason(), "length " + n);
        }
    }

    @Test
    void trailingByteIsRefused() {
        assertReason(ScaleException.Reason.TRAILING_BYTES, LAYOUT + "00");
    }

    @Test
    void moreThan32MembershipNodesAreRefused() {
        // 33 nodes: compact 33 = 0x84
        String nodes = "84" + H44.repeat(33);
        assertReason(ScaleException.Reason.TOO_LONG, LAYOUT.replace("04" + H44, nodes));
    }

    @Test
    void moreThan800IndexBytesAreRefused() {
        // 801 = compact two-byte 0x0c85
        assertReason(ScaleException.Reason.TOO_LONG, LAYOUT.replace("08aabb", "850c" + "ab".repeat(801)));
    }

    @Test
    void postChallengeLongerThan32BytesIsRefused() {
        assertReason(ScaleException.Reason.TOO_LONG, LAYOUT.replace("80" + H55, "84" + H55 + "55"));
    }

    @Test
    void nonCanonicalCompactIsRefused() {
        // 4 units written in the two-byte mode: (4 << 2) | 1 = 0x0011
        assertReason(ScaleException.Reason.NON_CANONICAL, LAYOUT.replace("33".repeat(24) + "10", "33".repeat(24) + "1100"));
    }

    @Test
    void unitsBeyondU32AreRefused() {
        // 2^32 units: big mode with 5 bytes
        assertReason(ScaleException.Reason.OUT_OF_RANGE, LAYOUT.replace("33".repeat(24) + "10", "33".repeat(24) + "070000000001"));
    }

    @Test
    void randomByteFlipsNeverEscapeAsUncheckedExceptions() {
        byte[] valid = Hex.decode(LAYOUT);
        Random random = new Random(42); // fixed seed: the same mutations every run
        for (int i = 0; i < 20_000; i++) {
            byte[] bytes = valid.clone();
            for (int k = 1 + random.nextInt(3); k > 0; k--) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            try {
                ActivationTxV1.decode(bytes);
            } catch (ScaleException expected) {
                // a typed refusal is fine
            }
        }
    }

    static void assertReason(ScaleException.Reason reason, String hex) {
        ScaleException e = assertThrows(ScaleException.class, () -> ActivationTxV1.decode(Hex.decode(hex)));
        assertEquals(reason, e.reason(), e.getMessage());
    }
}
