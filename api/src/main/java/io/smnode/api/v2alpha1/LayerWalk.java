package io.smnode.api.v2alpha1;

import io.smnode.api.grpc.Paging;
import io.smnode.core.types.LayerId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Walks the layers {@code from..to} (inclusive) up or down and collects one window of what each holds: a list ordered
 * by layer, as the reference orders layers and rewards. It stops as soon as the window is full.
 */
final class LayerWalk {
    private LayerWalk() {}

    static <T> List<T> window(long from, long to, boolean descending, Paging paging,
                              Function<LayerId, List<T>> itemsAt) {
        List<T> out = new ArrayList<>();
        long skip = paging.offset();
        for (long i = 0; from + i <= to && out.size() < paging.limit(); i++) {
            long layer = descending ? to - i : from + i;
            for (T item : itemsAt.apply(LayerId.of(layer))) {
                if (skip > 0) {
                    skip--;
                } else if (out.size() < paging.limit()) {
                    out.add(item);
                }
            }
        }
        return out;
    }
}
