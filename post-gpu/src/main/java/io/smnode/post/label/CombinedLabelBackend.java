package io.smnode.post.label;

import io.smnode.core.types.Hash32;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Several backends used as one (every GPU of the machine): batchers are opened on the part with the most free
 * capacity, so that the initializer's {@link #concurrency()} batchers are spread as each part asks
 * ({@link LabelBackend#concurrency()} of them each). Thread-safe.
 */
public final class CombinedLabelBackend implements LabelBackend {
    private final List<LabelBackend> parts;
    private final int[] open;

    public CombinedLabelBackend(List<? extends LabelBackend> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a combined backend needs at least one part");
        }
        this.parts = List.copyOf(parts);
        this.open = new int[parts.size()];
    }

    public List<LabelBackend> parts() {
        return parts;
    }

    @Override
    public String name() {
        return parts.stream().map(LabelBackend::name).collect(Collectors.joining(" + "));
    }

    @Override
    public int concurrency() {
        return parts.stream().mapToInt(LabelBackend::concurrency).sum();
    }

    /** The smallest part's choice: every batch is written in order, so the slowest part must not hold a big one. */
    @Override
    public int preferredBatchLabels(int n) {
        return parts.stream().mapToInt(p -> p.preferredBatchLabels(n)).min().orElseThrow();
    }

    @Override
    public LabelBatcher open(Hash32 commitment, int n) {
        int part = reserve();
        LabelBatcher inner;
        try {
            inner = parts.get(part).open(commitment, n);
        } catch (RuntimeException | Error e) {
            release(part);
            throw e;
        }
        return LabelBatcher.closing(inner, () -> release(part));
    }

    /** The part with the most unused capacity (the first on ties), counted as opened. */
    private synchronized int reserve() {
        int best = 0;
        for (int i = 1; i < parts.size(); i++) {
            if (free(i) > free(best)) {
                best = i;
            }
        }
        open[best]++;
        return best;
    }

    private int free(int part) {
        return parts.get(part).concurrency() - open[part];
    }

    private synchronized void release(int part) {
        open[part]--;
    }
}
