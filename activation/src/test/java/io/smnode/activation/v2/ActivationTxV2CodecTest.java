package io.smnode.activation.v2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.activation.PostV1;
import io.smnode.core.codec.ScaleException;
import io.smnode.core.hash.Blake3;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.signing.EdVerifier;
import io.smnode.core.signing.Signature;
import io.smnode.core.types.Address;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.NodeId;
import io.smnode.core.util.Hex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The ATX v2 wire format of spec 11 §2.2 and its id of §3: a solo ATX written out byte by byte from the spec's
 * table, its id rebuilt by a naive tree written here (literal zero padding, lists padded to 256/4/256/256), round
 * trips of every shape, and hostile bytes that end in a typed {@link ScaleException} for every limit.
 */
class ActivationTxV2CodecTest {
    static final String H11 = "11".repeat(32);
    static final String H22 = "22".repeat(32);
    static final String H44 = "44".repeat(32);
    static final String H55 = "55".repeat(32);

    static final PostV1 POST = new PostV1(7, Bytes.ofHex("aabb"), 64);
    static final ActivationTxV2 SOLO = new ActivationTxV2(EpochId.of(45), AtxId.ofHex(H22),
            Address.ofHex("33".repeat(24)), Optional.empty(), List.of(AtxId.ofHex(H11)),
            List.of(new NIPostV2(new MerkleProofV2(List.of(Hash32.ofHex(H44))), Hash32.ofHex(H55),
                    List.of(new SubPostV2(0, 0, 5, POST, 4)))),
            255, List.of(), Optional.empty(), NodeId.ofHex("66".repeat(32)),
            Signature.of(Bytes.ofHex("77".repeat(64)).toByteArray()));

    static final String POST_LAYOUT = "1c" + "08aabb" + "0101";              // nonce 7, 2 index bytes, pow 64
    static final String LAYOUT = "b4" + H22 + "33".repeat(24)              // epoch 45, positioning, coinbase
            + "00"                                                          // no initial parts
            + "04" + H11                                                    // 1 previous ATX
            + "04" + "04" + H44 + H55                                       // 1 NIPoST: 1 membership node, challenge
            + "04" + "00" + "00" + "14" + POST_LAYOUT + "10"                // 1 sub-post: 0, 0, leaf 5, post, 4 units
            + "fd03" + "00" + "00"                                          // VRF nonce 255, no marriages, no marriage ATX
            + "66".repeat(32) + "77".repeat(64);

    @Test
    void soloAtxEncodesFieldByFieldAsTheSpecSays() throws ScaleException {
        assertEquals(LAYOUT, Hex.encode(SOLO.encode()));
        assertEquals(SOLO, ActivationTxV2.decode(Hex.decode(LAYOUT)));
    }

    @Test
    void idIsTheRootOfTheFieldTreeRebuiltNaively() {
        byte[] postRoot = blake3(Hex.decode(POST_LAYOUT));
        byte[] subPost = naiveRoot(List.of(u64(0), Hex.decode(H11), u64(5), postRoot, u64(4)));
        byte[] nipost = naiveRoot(List.of(blake3(Hex.decode("04" + H44)), Hex.decode(H55), padded(List.of(subPost), 256)));
        byte[] coinbase = Arrays.copyOf(Hex.decode("33".repeat(24)), 32);
        byte[] id = naiveRoot(List.of(u64(45), Hex.decode(H22), coinbase, new byte[32],
                padded(List.of(Hex.decode(H11)), 256), padded(List.of(nipost), 4), u64(255),
                padded(List.of(), 256), new byte[32]));
        assertEquals(Hex.encode(id), SOLO.id().hex());
        assertEquals(Hex.encode(postRoot), VerifyChoices.postRoot(POST).hex());
    }

    @Test
    void anInitialAtxHasTheRootOfCommitmentAndPostAtLeaf3AndAZeroPreviousInItsSubPost() {
        InitialAtxPartsV2 parts = new InitialAtxPartsV2(AtxId.ofHex(H11), POST);
        ActivationTxV2 initial = new ActivationTxV2(SOLO.publishEpoch(), SOLO.positioningAtx(), SOLO.coinbase(),
                Optional.of(parts), List.of(), SOLO.niposts(), SOLO.vrfNonce(), List.of(), Optional.empty(),
                SOLO.smesherId(), SOLO.signature());
        byte[] partsRoot = naiveRoot(List.of(Hex.decode(H11), blake3(Hex.decode(POST_LAYOUT))));
        assertEquals(Hex.encode(partsRoot), parts.root().hex());
        assertEquals(parts.root(), initial.leaves().get(TreeIndex.Atx.INITIAL_POST_ROOT.ordinal()));
        assertEquals(AtxId.ZERO, initial.niposts().get(0).posts().get(0).previousAtx(initial.previousAtxs()));
        assertEquals("01" + H11 + POST_LAYOUT, Hex.encode(io.smnode.core.codec.Scale.encode(
                io.smnode.core.codec.ScaleCodecs.option(InitialAtxPartsV2.CODEC), Optional.of(parts))));
    }

    @Test
    void anOutOfRangePreviousIndexStillGivesAnIdWithAZeroLeaf() {
        SubPostV2 out = new SubPostV2(0, 7, 5, POST, 4);
        assertEquals(AtxId.ZERO, out.previousAtx(List.of(AtxId.ofHex(H11))));
        assertEquals(new SubPostV2(0, 0, 5, POST, 4).root(List.of()), out.root(List.of(AtxId.ofHex(H11))));
    }

    @Test
    void certificateAndMembershipRootsHashTheirEncoding() {
        MarriageCertificate cert = new MarriageCertificate(AtxId.ofHex(H11), Signature.of(Hex.decode("77".repeat(64))));
        assertEquals(Hex.encode(blake3(Hex.decode(H11 + "77".repeat(64)))), cert.root().hex());
        assertEquals(Hex.encode(blake3(Hex.decode("00"))), new MerkleProofV2(List.of()).root().hex());
    }

    @Test
    void everyShapeRoundTripsByteIdenticalWithItsId() throws ScaleException {
        V2Samples s = new V2Samples(11);
        EdSigner alice = V2Samples.signer(1);
        List<ActivationTxV2> shapes = List.of(s.initial(alice), s.solo(alice),
                s.marriage(alice, List.of(V2Samples.signer(2), V2Samples.signer(3))),
                s.merged(alice, 2, 1), s.merged(alice, 9, 4), s.merged(alice, 256, 1));
        EdVerifier verifier = new EdVerifier(V2Samples.PREFIX);
        for (ActivationTxV2 atx : shapes) {
            byte[] bytes = atx.encode();
            ActivationTxV2 back = ActivationTxV2.decode(bytes);
            assertEquals(atx, back);
            assertArrayEquals(bytes, back.encode());
            assertEquals(atx.id(), back.id());
            assertTrue(back.signatureValid(verifier));
        }
    }

    @Test
    void theSignatureCoversTheIdInDomainAtx() {
        EdSigner alice = V2Samples.signer(1);
        ActivationTxV2 signed = SOLO.sign(alice);
        assertEquals(alice.nodeId(), signed.smesherId());
        assertEquals(alice.sign(io.smnode.core.signing.Domain.ATX, SOLO.id().toByteArray()), signed.signature());
        assertEquals(SOLO.id(), signed.id(), "signer and signature are outside the id");
    }

    @Test
    void theMaximalAtxRoundTrips() throws ScaleException {
        V2Samples s = new V2Samples(3);
        List<AtxId> previous = new ArrayList<>();
        List<MarriageCertificate> marriages = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            previous.add(s.atxId());
            marriages.add(new MarriageCertificate(s.atxId(), Signature.of(s.bytes(64))));
        }
        List<Hash32> nodes = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            nodes.add(s.hash());
        }
        List<NIPostV2> niposts = new ArrayList<>();
        for (int n = 0; n < 4; n++) {
            List<SubPostV2> posts = new ArrayList<>();
            for (int p = 0; p < 256; p++) {
                posts.add(new SubPostV2(p, p, -1L, new PostV1(0xffff_ffffL, Bytes.wrap(new byte[800]), -1L),
                        0xffff_ffffL));
            }
            niposts.add(new NIPostV2(new MerkleProofV2(nodes), s.hash(), posts));
        }
        ActivationTxV2 max = new ActivationTxV2(EpochId.of(EpochId.MAX), s.atxId(), Address.ZERO,
                Optional.of(new InitialAtxPartsV2(s.atxId(), s.post())), previous, niposts, -1L, marriages,
                Optional.of(s.atxId()), NodeId.ZERO, Signature.of(new byte[64]));
        byte[] bytes = max.encode();
        assertTrue(bytes.length < 1 << 20, "under the 1 MB the spec gives: " + bytes.length);
        assertEquals(max, ActivationTxV2.decode(bytes));
        assertEquals(4L * 256 * 0xffff_ffffL & 0xffff_ffffL, max.totalNumUnits(), "declared units wrap as uint32");
    }

    @Test
    void everyLimitIsEnforcedWhileDecoding() {
        // 257 previous ATXs: compact 257 = 0x0405
        assertReason(ScaleException.Reason.TOO_LONG, LAYOUT.replace("04" + H11, "0504" + H11.repeat(257)));
        // 5 NIPoSTs
        assertReason(ScaleException.Reason.TOO_LONG, LAYOUT.replace(H11 + "04" + "04" + H44, H11 + "14" + "04" + H44));
        // 33 membership nodes
        assertReason(ScaleException.Reason.TOO_LONG, LAYOUT.replace("04" + H44, "84" + H44.repeat(33)));
        // 257 sub-posts
        assertReason(ScaleException.Reason.TOO_LONG, LAYOUT.replace(H55 + "04", H55 + "0504"));
        // 801 index bytes
        assertReason(ScaleException.Reason.TOO_LONG, LAYOUT.replace("08aabb", "850c" + "ab".repeat(801)));
        // 257 marriages
        assertReason(ScaleException.Reason.TOO_LONG, LAYOUT.replace("fd03" + "00", "fd03" + "0504"));
    }

    @Test
    void nonCanonicalAndOutOfRangeCompactsAreRefused() {
        // 4 units in the two-byte mode
        assertReason(ScaleException.Reason.NON_CANONICAL, LAYOUT.replace(POST_LAYOUT + "10", POST_LAYOUT + "1100"));
        // 2^32 units
        assertReason(ScaleException.Reason.OUT_OF_RANGE, LAYOUT.replace(POST_LAYOUT + "10", POST_LAYOUT + "070000000001"));
        // epoch 45 in the two-byte mode
        assertReason(ScaleException.Reason.NON_CANONICAL, "b500" + LAYOUT.substring(2));
    }

    @Test
    void trailingAndTruncatedBytesAreRefused() {
        assertReason(ScaleException.Reason.TRAILING_BYTES, LAYOUT + "00");
        byte[] bytes = Hex.decode(LAYOUT);
        for (int n = 0; n < bytes.length; n++) {
            byte[] cut = Arrays.copyOf(bytes, n);
            assertEquals(ScaleException.Reason.TRUNCATED,
                    assertThrows(ScaleException.class, () -> ActivationTxV2.decode(cut)).reason(), "length " + n);
        }
    }

    @Test
    void anOptionTagOtherThanOneMeansAbsentAsInGoScale() throws ScaleException {
        // The reference's decoder reads the tag as a bool: 0x02 is "absent"; the id, built from fields, is the same.
        ActivationTxV2 decoded = ActivationTxV2.decode(Hex.decode(LAYOUT.replace("fd03" + "00" + "00", "fd03" + "00" + "02")));
        assertEquals(SOLO, decoded);
        assertEquals(SOLO.id(), decoded.id());
    }

    @Test
    void randomByteFlipsNeverEscapeAsUncheckedExceptions() {
        byte[] valid = new V2Samples(5).merged(V2Samples.signer(1), 3, 2).encode();
        Random random = new Random(42);
        for (int i = 0; i < 3_000; i++) {
            byte[] bytes = valid.clone();
            for (int k = 1 + random.nextInt(3); k > 0; k--) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            try {
                ActivationTxV2.decode(bytes).id();
            } catch (ScaleException expected) {
                // a typed refusal is fine
            }
        }
    }

    @Test
    void challengeHashIsTheLeafOfItsBytes() {
        NIPostChallengeV2 c = new NIPostChallengeV2(EpochId.of(45), AtxId.ofHex(H11), AtxId.ofHex(H22), Optional.empty());
        assertEquals(Blake3.hash(Hex.decode("00" + "b4" + H11 + H22 + "00")), c.hash());
        NIPostChallengeV2 initial = new NIPostChallengeV2(EpochId.of(45), AtxId.ZERO, AtxId.ofHex(H22), Optional.of(POST));
        assertEquals(Blake3.hash(Hex.decode("00" + "b4" + "00".repeat(32) + H22 + "01" + POST_LAYOUT)), initial.hash());
        assertTrue(initial.isInitial());
        assertFalse(c.isInitial());
    }

    @Test
    void u32FieldsOutsideTheirRangeAreRefusedAtConstruction() {
        assertThrows(IllegalArgumentException.class, () -> new SubPostV2(-1, 0, 0, POST, 1));
        assertThrows(IllegalArgumentException.class, () -> new SubPostV2(0, 1L << 32, 0, POST, 1));
        assertNotEquals(new SubPostV2(0, 0, 0, POST, 1), new SubPostV2(0, 0, 0, POST, 2));
    }

    static void assertReason(ScaleException.Reason reason, String hex) {
        ScaleException e = assertThrows(ScaleException.class, () -> ActivationTxV2.decode(Hex.decode(hex)));
        assertEquals(reason, e.reason(), e.getMessage());
    }

    // ---- an independent tree: literal zero padding, level by level

    static byte[] blake3(byte[] data) {
        return Blake3.hash(data).toByteArray();
    }

    static byte[] naiveRoot(List<byte[]> leaves) {
        List<byte[]> level = new ArrayList<>(leaves);
        while (level.size() > 1) {
            List<byte[]> up = new ArrayList<>();
            for (int i = 0; i < level.size(); i += 2) {
                byte[] right = i + 1 < level.size() ? level.get(i + 1) : new byte[32];
                up.add(Blake3.hash(new byte[] {1}, level.get(i), right).toByteArray());
            }
            level = up;
        }
        return level.get(0);
    }

    static byte[] padded(List<byte[]> leaves, int capacity) {
        List<byte[]> all = new ArrayList<>(leaves);
        while (all.size() < capacity) {
            all.add(new byte[32]);
        }
        return naiveRoot(all);
    }

    static byte[] u64(long v) {
        byte[] b = new byte[32];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (v >>> (8 * i));
        }
        return b;
    }
}
