package io.smnode.mesh.block;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.codec.Scale;
import io.smnode.core.codec.ScaleException;
import io.smnode.core.hash.Blake3;
import io.smnode.core.signing.Signature;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.BlockId;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.NodeId;
import io.smnode.core.types.TxId;
import io.smnode.core.util.Hex;
import io.smnode.core.vrf.VrfProof;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import io.smnode.core.verdict.Verdict;
import org.junit.jupiter.api.Test;

class BlockCodecTest {
    private static final LayerId EFFECTIVE_GENESIS = LayerId.of(7);
    private static final AtxId ATX = AtxId.ofHex("aa".repeat(32));
    private static final TxId TX = TxId.ofHex("bb".repeat(32));

    private static InnerBlock small() {
        return new InnerBlock(LayerId.of(9), 300, List.of(new AnyReward(ATX, 1, 3)), List.of(TX));
    }

    /**
     * By hand (spec 01 §4): layer 9 → compact {@code 9<<2 = 0x24}; tick 300 → 2-byte mode {@code (300<<2)|1 = 0x04b1}
     * LE {@code b1 04}; one reward → {@code 04}, its 32-byte ATX, num 1 → {@code 04}, denom 3 → {@code 0c}; one tx
     * id → {@code 04} and its 32 bytes. The id is the first 20 bytes of BLAKE3 of that.
     */
    @Test
    void anInnerBlockEncodesFieldByFieldAndItsIdIsHash20OfTheBytes() {
        String hex = "24" + "b104" + "04" + "aa".repeat(32) + "04" + "0c" + "04" + "bb".repeat(32);
        byte[] bytes = Scale.encode(InnerBlock.CODEC, small());
        assertEquals(hex, Hex.encode(bytes));
        assertEquals(Blake3.hash(Hex.decode(hex)).hex().substring(0, 40), small().id().hex());
        assertEquals(small().id(), new Block(small()).id());
        assertArrayEquals(bytes, Scale.encode(Block.CODEC, new Block(small())));
    }

    @Test
    void blocksRoundTripAndEveryFieldMovesTheId() throws ScaleException {
        Block block = new Block(small());
        Block back = Scale.decode(Block.CODEC, Scale.encode(Block.CODEC, block));
        assertEquals(block, back);
        assertEquals(block.id(), back.id());
        InnerBlock b = small();
        List<InnerBlock> variants = List.of(
                new InnerBlock(LayerId.of(10), b.tickHeight(), b.rewards(), b.txIds()),
                new InnerBlock(b.layer(), 301, b.rewards(), b.txIds()),
                new InnerBlock(b.layer(), b.tickHeight(), List.of(new AnyReward(ATX, 1, 4)), b.txIds()),
                new InnerBlock(b.layer(), b.tickHeight(), b.rewards(), List.of()));
        for (InnerBlock v : variants) {
            assertTrue(!v.id().equals(b.id()), v.toString());
        }
    }

    /** By hand: layer 9 → {@code 24}, block id (20 bytes), count 5 → {@code 14}, proof (80 bytes). */
    @Test
    void certifyMessagesEncodeTheContentInlineThenSignatureAndSmesher() throws ScaleException {
        CertifyContent content = new CertifyContent(LayerId.of(9), BlockId.ofHex("cc".repeat(20)), 5,
                VrfProof.ofHex("dd".repeat(80)));
        assertEquals("24" + "cc".repeat(20) + "14" + "dd".repeat(80), Hex.encode(content.encode()));
        CertifyMessage msg = new CertifyMessage(content, Signature.of(Hex.decode("ee".repeat(64))), NodeId.ofHex("ff".repeat(32)));
        byte[] bytes = Scale.encode(CertifyMessage.CODEC, msg);
        assertEquals(Hex.encode(content.encode()) + "ee".repeat(64) + "ff".repeat(32), Hex.encode(bytes));
        assertEquals(msg, Scale.decode(CertifyMessage.CODEC, bytes));
        Certificate cert = new Certificate(content.blockId(), List.of(msg, msg));
        byte[] certBytes = Scale.encode(Certificate.CODEC, cert);
        assertEquals("cc".repeat(20) + "08" + Hex.encode(bytes) + Hex.encode(bytes), Hex.encode(certBytes));
        assertEquals(cert, Scale.decode(Certificate.CODEC, certBytes));
    }

    @Test
    void aCertificateWithMoreThan1000SignaturesDoesNotDecode() {
        // compact 1001 = (1001<<2)|1 = 0x0fa5 → a5 0f
        byte[] bytes = Hex.decode("cc".repeat(20) + "a50f");
        assertThrows(ScaleException.class, () -> Scale.decode(Certificate.CODEC, bytes));
    }

    @Test
    void hostileBytesFailWithATypedErrorOnly() {
        byte[] block = Scale.encode(Block.CODEC, new Block(small()));
        byte[] msg = Scale.encode(CertifyMessage.CODEC, new CertifyMessage(new CertifyContent(LayerId.of(9),
                BlockId.ofHex("cc".repeat(20)), 5, VrfProof.ofHex("dd".repeat(80))), Signature.of(new byte[64]), NodeId.ZERO));
        Random random = new Random(20261121);
        int refused = 0;
        for (int i = 0; i < 3_000; i++) {
            byte[] input = i % 2 == 0 ? block : msg;
            byte[] bad = Arrays.copyOf(input, i % 3 == 0 ? random.nextInt(input.length) : input.length + (i % 3 == 1 ? 0 : 1));
            if (bad.length > 0) {
                bad[random.nextInt(bad.length)] ^= (byte) (1 + random.nextInt(255));
            }
            try {
                if (i % 2 == 0) {
                    Scale.decode(Block.CODEC, bad);
                } else {
                    Scale.decode(CertifyMessage.CODEC, bad);
                }
            } catch (ScaleException e) {
                refused++;
            }
        }
        assertTrue(refused > 1_000, "refused " + refused);
    }

    @Test
    void fetchedBlocksAreCheckedRuleByRule() {
        Block good = new Block(small());
        assertEquals(Verdict.ACCEPT, BlockChecks.check(good, EFFECTIVE_GENESIS));
        byte[] bytes = Scale.encode(Block.CODEC, good);
        assertEquals(good, BlockChecks.decode(bytes, good.id(), EFFECTIVE_GENESIS).block().orElseThrow());
        assertEquals(BlockRule.MALFORMED, BlockChecks.decode(Arrays.copyOf(bytes, 10), good.id(), EFFECTIVE_GENESIS)
                .verdict().ruleOrNull());
        assertEquals(BlockRule.WRONG_ID, BlockChecks.decode(bytes, BlockId.ZERO, EFFECTIVE_GENESIS)
                .verdict().ruleOrNull());
        InnerBlock b = small();
        assertEquals(BlockRule.BEFORE_EFFECTIVE_GENESIS, rule(new InnerBlock(EFFECTIVE_GENESIS, 0, b.rewards(), b.txIds())));
        assertEquals(BlockRule.NO_REWARDS, rule(new InnerBlock(b.layer(), 0, List.of(), b.txIds())));
        assertEquals(BlockRule.ZERO_REWARD_WEIGHT, rule(new InnerBlock(b.layer(), 0, List.of(new AnyReward(ATX, 0, 1)), b.txIds())));
        assertEquals(BlockRule.ZERO_REWARD_WEIGHT, rule(new InnerBlock(b.layer(), 0, List.of(new AnyReward(ATX, 1, 0)), b.txIds())));
        assertEquals(BlockRule.DUPLICATE_REWARD_ATX, rule(new InnerBlock(b.layer(), 0,
                List.of(new AnyReward(ATX, 1, 3), new AnyReward(ATX, 2, 3)), b.txIds())));
        assertEquals(BlockRule.DUPLICATE_TX, rule(new InnerBlock(b.layer(), 0, b.rewards(), List.of(TX, TX))));
    }

    private static BlockRule rule(InnerBlock inner) {
        Verdict v = BlockChecks.check(new Block(inner), EFFECTIVE_GENESIS);
        assertTrue(v.rejected(), v.toString());
        return (BlockRule) v.ruleOrNull();
    }

    @Test
    void rewardWeightsAreReducedFractions() {
        assertEquals(new AnyReward(ATX, 100, 3), BlockRewards.reward(ATX, 100, 3, 1));
        assertEquals(new AnyReward(ATX, 150, 1), BlockRewards.reward(ATX, 300, 2, 1));
        assertEquals(new AnyReward(ATX, 4, 3), BlockRewards.reward(ATX, 6, 9, 2)); // 12/9 = 4/3
    }
}
