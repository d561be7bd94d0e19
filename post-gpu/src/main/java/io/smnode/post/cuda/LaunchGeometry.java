package io.smnode.post.cuda;

/**
 * How one batcher launches the label kernel on a device: the grid is what the device holds resident at once (its
 * multiprocessors × the blocks of the kernel that fit on one, as the occupancy calculator says) unless the scratch
 * budget allows fewer threads; each thread then computes several labels of a launch one after another in its own
 * scratch, so scratch is sized by residency rather than by labels per launch.
 *
 * @param block threads per block (the kernel's compiled maximum)
 * @param blocks blocks per launch
 * @param labelsPerLaunch labels one launch computes (the output buffer's size)
 * @param scratchBytes device memory for the threads' V arrays
 */
public record LaunchGeometry(int block, int blocks, int labelsPerLaunch, long scratchBytes) {
    /** Upper bound on labels per launch, which bounds the output buffers (32 bytes a label, two of them). */
    static final int MAX_LABELS_PER_LAUNCH = 1 << 20;
    /** At N = 8192 a thread computes 4 labels a launch (a quarter second on an H200); more for cheaper labels. */
    private static final int WORK_PER_THREAD = 4 * 8192;
    /** Labels a thread computes side by side, each in its own V array: the kernel's SCRYPT_CHAINS. */
    static final int CHAINS = 1;

    /**
     * @param multiprocessors the device's streaming multiprocessors
     * @param blocksPerMultiprocessor resident blocks of the kernel per multiprocessor (occupancy calculator)
     * @param block threads per block
     * @param scratchBudget device memory this batcher may use for scratch
     * @param n scrypt N
     * @throws IllegalStateException when the budget does not hold one block's scratch
     */
    public static LaunchGeometry plan(int multiprocessors, int blocksPerMultiprocessor, int block, long scratchBudget,
                                      int n) {
        if (multiprocessors < 1 || blocksPerMultiprocessor < 1 || block < 1) {
            throw new IllegalArgumentException("multiprocessors, blocks per multiprocessor and block must be positive: "
                    + multiprocessors + ", " + blocksPerMultiprocessor + ", " + block);
        }
        long perThread = scratchBytesPerThread(n);
        long resident = (long) multiprocessors * blocksPerMultiprocessor * block;
        long byMemory = scratchBudget / perThread / block * block;
        long threads = Math.min(resident, byMemory);
        if (threads < block) {
            throw new IllegalStateException("not enough free device memory for N = " + n + ": " + scratchBudget
                    + " bytes hold no block of " + block + " threads at " + perThread + " bytes each");
        }
        long perThreadLabels = Math.max(CHAINS, WORK_PER_THREAD / n / CHAINS * CHAINS);
        long labels = Math.min(MAX_LABELS_PER_LAUNCH, threads * perThreadLabels);
        return new LaunchGeometry(block, (int) (threads / block), (int) labels, threads * perThread);
    }

    /** Lookup gap 2 (the kernel's SCRYPT_LOOKUP_GAP): N/2 entries of 128 bytes for each of a thread's chains. */
    static long scratchBytesPerThread(int n) {
        return CHAINS * Math.max(1, n / 2) * 128L;
    }

    public int threads() {
        return block * blocks;
    }
}
