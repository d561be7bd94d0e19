package io.smnode.post.verify;

import io.smnode.core.hash.Blake3;
import io.smnode.core.types.Hash32;
import io.smnode.post.label.LabelGenerator;
import io.smnode.post.label.LabelGeneratorFactory;

/**
 * TEST-ONLY FAKE label function: {@code blake3(commitment || LE8(index) || LE4(n))}. It is NOT the protocol's
 * scrypt-jane labels; it only lets prove→verify round trips run fast and without the real label port.
 */
final class FakeBlake3LabelGeneratorFactory implements LabelGeneratorFactory {
    @Override
    public LabelGenerator create(Hash32 commitment, int n) {
        if (n < 2 || Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("n must be a power of two ≥ 2, got " + n);
        }
        byte[] c = commitment.toByteArray();
        return new LabelGenerator() {
            private final Blake3 hasher = new Blake3();
            private final byte[] tail = new byte[12];

            @Override
            public int n() {
                return n;
            }

            @Override
            public void output(long index, byte[] out, int offset) {
                for (int i = 0; i < 8; i++) {
                    tail[i] = (byte) (index >>> (8 * i));
                }
                for (int i = 0; i < 4; i++) {
                    tail[8 + i] = (byte) (n >>> (8 * i));
                }
                hasher.update(c).update(tail).digest32().copyTo(out, offset);
            }
        };
    }

    /** The first {@code count} stored labels (16 bytes each) of a commitment, concatenated. */
    static byte[] labels(Hash32 commitment, int n, int count) {
        LabelGenerator g = new FakeBlake3LabelGeneratorFactory().create(commitment, n);
        byte[] out = new byte[count * LabelGenerator.LABEL_SIZE];
        byte[] one = new byte[LabelGenerator.OUTPUT_SIZE];
        for (int i = 0; i < count; i++) {
            g.output(i, one, 0);
            System.arraycopy(one, 0, out, i * LabelGenerator.LABEL_SIZE, LabelGenerator.LABEL_SIZE);
        }
        return out;
    }
}
