package io.smnode.post.init;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smnode.core.util.Hex;
import org.junit.jupiter.api.Test;

class VrfDifficultyTest {
    @Test
    void mainnetFourUnitsGivesTheSpecThreshold() {
        // spec 08 §1.4 / §4: 4 units of 2^32 labels -> 00000002 followed by zeros
        assertEquals("00000002" + "00".repeat(28), Hex.encode(VrfDifficulty.threshold(4L << 32)));
    }

    @Test
    void isEightTimesTwoTo256DividedByTheLabelCount() {
        // 2^256 div 2^10 = 2^246, << 3 = 2^249: byte 0 = 0x02
        assertEquals("02" + "00".repeat(31), Hex.encode(VrfDifficulty.threshold(1024)));
        // 2^256 div 9 << 3: 8/9 of the range, 0xe38e38... truncated then shifted
        String nine = Hex.encode(VrfDifficulty.threshold(9));
        assertEquals("e38e38e38e38", nine.substring(0, 12));
        assertEquals(64, nine.length());
    }

    @Test
    void saturatesWhereTheReferenceOverflows() {
        assertEquals("ff".repeat(32), Hex.encode(VrfDifficulty.threshold(8)));
        assertEquals("ff".repeat(32), Hex.encode(VrfDifficulty.threshold(1)));
    }
}
