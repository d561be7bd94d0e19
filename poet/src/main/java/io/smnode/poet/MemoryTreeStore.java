package io.smnode.poet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A {@link TreeStore} in RAM, for tests and devnets with small rounds (a few million leaves at most). */
public final class MemoryTreeStore implements TreeStore {
    private final List<byte[]> layers = new ArrayList<>();
    private final List<Long> widths = new ArrayList<>();

    @Override
    public void append(int height, byte[] node) {
        while (layers.size() <= height) {
            layers.add(new byte[NODE_SIZE * 16]);
            widths.add(0L);
        }
        long w = widths.get(height);
        byte[] layer = layers.get(height);
        int offset = Math.toIntExact(w * NODE_SIZE);
        if (offset + NODE_SIZE > layer.length) {
            layer = Arrays.copyOf(layer, Math.toIntExact(Math.min(Integer.MAX_VALUE - 8L, 2L * layer.length)));
            layers.set(height, layer);
        }
        System.arraycopy(node, 0, layer, offset, NODE_SIZE);
        widths.set(height, w + 1);
    }

    @Override
    public long width(int height) {
        return height < widths.size() ? widths.get(height) : 0;
    }

    @Override
    public byte[] read(int height, long index) {
        requireStored(height, index);
        int offset = Math.toIntExact(index * NODE_SIZE);
        return Arrays.copyOfRange(layers.get(height), offset, offset + NODE_SIZE);
    }

    @Override
    public void truncate(int height, long width) {
        if (height < widths.size() && widths.get(height) > width) {
            widths.set(height, width);
        }
    }

    @Override
    public void flush() {
        // Nothing to make durable.
    }

    @Override
    public void close() {
        // Nothing to release.
    }
}
