package io.smnode.post.prove;

import io.smnode.core.types.Bytes;

/** Label data held in memory, read as one file (tests, small networks, benchmarks). Immutable. */
public final class InMemoryLabels implements LabelData {
    private final byte[] data;

    /** @param labels concatenated 16-byte labels, label 0 first */
    public InMemoryLabels(Bytes labels) {
        this.data = labels.toByteArray();
    }

    @Override
    public LabelSource open() {
        return new LabelSource() {
            private int next;
            private long first;

            @Override
            public int read(byte[] buffer) {
                Batching.checkBuffer(buffer);
                if (next >= data.length) {
                    return -1;
                }
                int n = Math.min(buffer.length, data.length - next);
                System.arraycopy(data, next, buffer, 0, n);
                first = next / Batching.LABEL;
                next += n;
                return n;
            }

            @Override
            public long batchFirstLabel() {
                return first;
            }

            @Override
            public void close() {}
        };
    }
}
