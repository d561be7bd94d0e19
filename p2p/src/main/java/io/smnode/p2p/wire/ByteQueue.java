package io.smnode.p2p.wire;

import java.util.Arrays;

/**
 * Bytes received but not yet consumed by a decoder: appended at the end, read from the front, compacted as it goes.
 * It never grows past its capacity: a peer that sends more than a layer may buffer is a protocol error, not memory.
 */
public final class ByteQueue {
    private final int capacity;
    private byte[] buf = new byte[256];
    private int start;
    private int end;

    public ByteQueue(int capacity) {
        this.capacity = capacity;
    }

    public int size() {
        return end - start;
    }

    public boolean isEmpty() {
        return start == end;
    }

    public void append(byte[] src) {
        append(src, 0, src.length);
    }

    public void append(byte[] src, int offset, int length) {
        if (size() + length > capacity) {
            throw new WireException("more than " + capacity + " bytes buffered");
        }
        if (end + length > buf.length) {
            int need = size() + length;
            if (need <= buf.length / 2 || (start > 0 && need <= buf.length)) {
                System.arraycopy(buf, start, buf, 0, size());
            } else {
                buf = Arrays.copyOfRange(buf, start, start + Math.max(need, Math.min(capacity, buf.length * 2)));
                end -= start;
                start = 0;
                System.arraycopy(src, offset, buf, end, length);
                end += length;
                return;
            }
            end -= start;
            start = 0;
        }
        System.arraycopy(src, offset, buf, end, length);
        end += length;
    }

    /** The backing array: valid bytes are [{@link #readIndex()}, {@link #writeIndex()}). */
    public byte[] array() {
        return buf;
    }

    public int readIndex() {
        return start;
    }

    public int writeIndex() {
        return end;
    }

    public int peek(int index) {
        return buf[start + index] & 0xFF;
    }

    public void skip(int n) {
        if (n > size()) {
            throw new IllegalArgumentException("skip past the end");
        }
        start += n;
        if (start == end) {
            start = 0;
            end = 0;
        }
    }

    public byte[] take(int n) {
        byte[] out = Arrays.copyOfRange(buf, start, start + n);
        skip(n);
        return out;
    }

    public byte[] takeAll() {
        return take(size());
    }

    /**
     * Takes one {@code uvarint(len) ‖ bytes} frame if complete.
     *
     * @return the frame's body, or null when more bytes are needed
     * @throws WireException when the length exceeds {@code maxLength}
     */
    public byte[] takeLengthPrefixed(int maxLength) {
        long len = Uvarint.decode(buf, start, end);
        if (len == Uvarint.INCOMPLETE) {
            return null;
        }
        if (len > maxLength) {
            throw new WireException("frame of " + len + " bytes exceeds the limit of " + maxLength);
        }
        int header = Uvarint.size(len);
        if (size() < header + len) {
            return null;
        }
        skip(header);
        return take((int) len);
    }
}
