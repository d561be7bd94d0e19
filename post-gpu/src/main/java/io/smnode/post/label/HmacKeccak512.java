package io.smnode.post.label;

import java.util.Arrays;

/**
 * scrypt-jane's PBKDF2 block function with one iteration, HMAC-Keccak-512 (spec 08 §1.2 steps 1, 2 and 7):
 * {@code F(i) = HMAC(key, salt || BE4(i))}. A key of at most 72 bytes is zero-padded to the 72-byte block, a longer
 * one is hashed first. The ipad and opad blocks are absorbed once in {@link #init} and restored for every call, so a
 * call costs only the message and the outer hash; nothing is allocated after construction.
 */
final class HmacKeccak512 {
    static final int MAC_SIZE = KeccakSponge.DIGEST;

    private final KeccakSponge keyedInner = new KeccakSponge();
    private final KeccakSponge keyedOuter = new KeccakSponge();
    private final KeccakSponge work = new KeccakSponge();
    private final byte[] block = new byte[KeccakSponge.RATE];
    private final byte[] innerHash = new byte[MAC_SIZE];
    private final byte[] counter = new byte[4];

    /** Sets the key: {@code key[off..off+len)}. */
    void init(byte[] key, int off, int len) {
        Arrays.fill(block, (byte) 0);
        if (len > KeccakSponge.RATE) {
            work.reset();
            work.update(key, off, len);
            work.doFinal(block, 0);
        } else {
            System.arraycopy(key, off, block, 0, len);
        }
        absorbPadded(keyedInner, (byte) 0x36);
        absorbPadded(keyedOuter, (byte) 0x5c);
        Arrays.fill(block, (byte) 0);
    }

    private void absorbPadded(KeccakSponge sponge, byte pad) {
        for (int i = 0; i < block.length; i++) {
            block[i] ^= pad;
        }
        sponge.reset();
        sponge.update(block, 0, block.length);
        for (int i = 0; i < block.length; i++) {
            block[i] ^= pad;
        }
    }

    /** Writes {@code HMAC(key, salt[off..off+len) || BE4(blockIndex))} (64 bytes) to {@code out[outOff..]}. */
    void pbkdf2Block(byte[] salt, int off, int len, int blockIndex, byte[] out, int outOff) {
        counter[0] = (byte) (blockIndex >>> 24);
        counter[1] = (byte) (blockIndex >>> 16);
        counter[2] = (byte) (blockIndex >>> 8);
        counter[3] = (byte) blockIndex;
        work.restoreFrom(keyedInner);
        work.update(salt, off, len);
        work.update(counter, 0, 4);
        work.doFinal(innerHash, 0);
        work.restoreFrom(keyedOuter);
        work.update(innerHash, 0, MAC_SIZE);
        work.doFinal(out, outOff);
    }
}
