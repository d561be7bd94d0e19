package io.smnode.core.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smnode.core.util.Hex;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Blake3Test {
    @Test
    void emptyInputMatchesTheBlake3Reference() {
        // From the BLAKE3 reference test vectors (input length 0).
        assertEquals("af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262", Blake3.hash().hex());
    }

    @Test
    void hash20IsThePrefixOfTheFullHashAndOfTheXof() {
        byte[] in = "smnode".getBytes(StandardCharsets.US_ASCII);
        String full = Blake3.hash(in).hex();
        assertEquals(full.substring(0, 40), Blake3.hash20(in).hex());
        assertEquals(full, Hex.encode(Blake3.xof(64, in)).substring(0, 64));
    }

    @Test
    void incrementalHasherResetsAfterDigest() {
        Blake3 h = new Blake3();
        String first = h.update(new byte[] {1, 2, 3}).digest32().hex();
        String second = h.update(new byte[] {1, 2, 3}).digest32().hex();
        assertEquals(first, second);
    }
}
