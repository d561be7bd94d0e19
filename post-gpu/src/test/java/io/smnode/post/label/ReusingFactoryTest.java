package io.smnode.post.label;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.smnode.core.hash.Blake3;
import io.smnode.core.types.Hash32;
import org.junit.jupiter.api.Test;

/** The verifier's scratch-reusing factory gives every commitment and N the labels a fresh generator gives. */
class ReusingFactoryTest {
    @Test
    void reusedScratchGivesTheSameLabels() {
        LabelGeneratorFactory reusing = ScryptJane.reusingFactory();
        byte[] a = new byte[32];
        byte[] b = new byte[32];
        for (int n : new int[] {16, 16, 512, 2, 512}) {
            for (int i = 0; i < 3; i++) {
                Hash32 commitment = Blake3.hash(("c" + n + i).getBytes());
                reusing.create(commitment, n).output(1000L * i + n, a, 0);
                ScryptJane.FACTORY.create(commitment, n).output(1000L * i + n, b, 0);
                assertArrayEquals(b, a, "N=" + n + " commitment " + i);
            }
        }
    }
}
