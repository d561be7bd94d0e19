package io.smnode.post.k2pow;

import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import io.xdag.crypto.randomx.NativeSize;
import io.xdag.crypto.randomx.RandomXFlag;
import io.xdag.crypto.randomx.RandomXJNA;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The key-derived state of the reference RandomX C library (tevador RandomX v1, bundled with
 * {@code io.xdag:xdagj-native-randomx}): a cache, plus a dataset in {@link RandomXMode#FAST}. It is built once per
 * key and shared by any number of {@link RandomXVm}s (one per thread). Native memory is freed by {@link #close()},
 * which also destroys the VMs made from it: no VM may be hashing then.
 */
public final class RandomX implements AutoCloseable {
    /** The key every Spacemesh k2pow hash uses (ASCII, 27 bytes, no terminator). */
    private static final byte[] SPACEMESH_KEY = "spacemesh-randomx-cache-key".getBytes(StandardCharsets.US_ASCII);

    private static final RandomXJNA LIB = RandomXJNA.INSTANCE;

    private final RandomXMode mode;
    private final int flags;
    private Pointer cache;
    private Pointer dataset;
    private final List<RandomXVm> vms = new ArrayList<>();

    private RandomX(RandomXMode mode, int flags, Pointer cache, Pointer dataset) {
        this.mode = mode;
        this.flags = flags;
        this.cache = cache;
        this.dataset = dataset;
    }

    /** The state for the Spacemesh k2pow key {@code spacemesh-randomx-cache-key}. */
    public static RandomX forSpacemesh(RandomXMode mode, int initThreads) {
        return create(SPACEMESH_KEY, mode, initThreads);
    }

    /**
     * Builds the state for {@code key}. In fast mode the dataset is expanded on {@code initThreads} threads (its
     * build dominates start-up: tens of seconds single-threaded); light mode ignores it.
     *
     * @throws IllegalStateException when the native library cannot allocate (e.g. not enough memory)
     */
    public static RandomX create(byte[] key, RandomXMode mode, int initThreads) {
        if (initThreads < 1) {
            throw new IllegalArgumentException("initThreads must be at least 1, got " + initThreads);
        }
        // The library's recommended flags pick hardware AES, the JIT and the best Argon2 for this CPU; none of them
        // change the hash, only its speed.
        int flags = LIB.randomx_get_flags();
        if (mode == RandomXMode.FAST) {
            flags |= RandomXFlag.FULL_MEM.getValue();
        }
        Pointer cache = LIB.randomx_alloc_cache(flags);
        if (cache == null) {
            throw new IllegalStateException("RandomX: cannot allocate the cache (flags " + flags + ")");
        }
        Memory keyMemory = new Memory(Math.max(1, key.length));
        keyMemory.write(0, key, 0, key.length);
        LIB.randomx_init_cache(cache, keyMemory, new NativeSize(key.length));
        if (mode == RandomXMode.LIGHT) {
            return new RandomX(mode, flags, cache, null);
        }
        Pointer dataset = LIB.randomx_alloc_dataset(flags);
        if (dataset == null) {
            LIB.randomx_release_cache(cache);
            throw new IllegalStateException("RandomX: cannot allocate the fast-mode dataset (≈ 2 GiB)");
        }
        initDataset(dataset, cache, initThreads);
        // The dataset is self-contained once built; the cache is only needed by light-mode VMs.
        LIB.randomx_release_cache(cache);
        return new RandomX(mode, flags, null, dataset);
    }

    private static void initDataset(Pointer dataset, Pointer cache, int threads) {
        long items = LIB.randomx_dataset_item_count().longValue();
        long perThread = (items + threads - 1) / threads;
        Workers.runAll(threads, "randomx-dataset", t -> {
            long start = t * perThread;
            long count = Math.min(perThread, items - start);
            if (count > 0) {
                LIB.randomx_init_dataset(dataset, cache, new NativeLong(start), new NativeLong(count));
            }
        });
    }

    public RandomXMode mode() {
        return mode;
    }

    /** A new VM over this state; a VM is single-threaded, make one per hashing thread. */
    public synchronized RandomXVm newVm() {
        if (cache == null && dataset == null) {
            throw new IllegalStateException("RandomX state is closed");
        }
        Pointer vm = LIB.randomx_create_vm(flags, cache, dataset);
        if (vm == null) {
            throw new IllegalStateException("RandomX: cannot create a VM (flags " + flags + ")");
        }
        RandomXVm created = new RandomXVm(vm);
        vms.add(created);
        return created;
    }

    @Override
    public synchronized void close() {
        vms.forEach(RandomXVm::close);
        vms.clear();
        if (dataset != null) {
            LIB.randomx_release_dataset(dataset);
            dataset = null;
        }
        if (cache != null) {
            LIB.randomx_release_cache(cache);
            cache = null;
        }
    }
}
