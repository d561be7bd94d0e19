package io.smnode.post.cuda;

import static jcuda.driver.JCudaDriver.cuCtxCreate;
import static jcuda.driver.JCudaDriver.cuCtxSetCurrent;
import static jcuda.driver.JCudaDriver.cuDeviceGet;
import static jcuda.driver.JCudaDriver.cuMemGetInfo;

import io.smnode.core.types.Hash32;
import io.smnode.post.label.LabelBackend;
import io.smnode.post.label.LabelBatcher;
import jcuda.driver.CUcontext;
import jcuda.driver.CUctx_flags;
import jcuda.driver.CUdevice;

/**
 * Labels on the first CUDA device (spec 08 §1.5): one thread per label, lookup gap 2, full 32-byte outputs scanned
 * for the nonce on the host, sampled labels of every launch re-computed on the CPU. One batch at a time (the device
 * is parallel inside a batch); each batcher sizes its scratch to about half of the free device memory.
 * Only {@link LabelBackends#best} should create one, after {@link CudaRuntime#probe()} said the device is usable.
 */
public final class CudaLabelBackend implements LabelBackend {
    /** Threads per block: a multiple of the warp size that every architecture since Turing schedules well. */
    static final int BLOCK = 256;
    /** Share of the free device memory one batcher's scratch may take. */
    private static final double MEMORY_SHARE = 0.5;
    /** A launch covers at most this many labels, so that one launch stays around a second at N = 8192. */
    private static final int MAX_LAUNCH = 1 << 18;

    private final CUcontext context = new CUcontext();
    private final String deviceName;

    CudaLabelBackend(CudaAvailability.Available device) {
        this.deviceName = device.deviceName();
        CUdevice dev = new CUdevice();
        cuDeviceGet(dev, 0);
        // blocking sync: the host thread sleeps while a launch runs instead of spinning on a core
        cuCtxCreate(context, CUctx_flags.CU_CTX_SCHED_BLOCKING_SYNC, dev);
    }

    @Override
    public String name() {
        return "cuda(" + deviceName + ")";
    }

    @Override
    public int concurrency() {
        return 1;
    }

    /** Four launches' worth: the host writes one batch while it is short enough to cancel quickly. */
    @Override
    public int preferredBatchLabels(int n) {
        return (int) Math.min(1 << 24, 4L * threadsPerLaunch(n));
    }

    @Override
    public LabelBatcher open(Hash32 commitment, int n) {
        return new CudaBatcher(context, commitment, n, threadsPerLaunch(n));
    }

    /** Labels one launch computes: as many scratch areas ({@code 64·N} bytes each) as fit in the memory share. */
    int threadsPerLaunch(int n) {
        cuCtxSetCurrent(context);
        long[] free = new long[1];
        long[] total = new long[1];
        cuMemGetInfo(free, total);
        long perLabel = CudaBatcher.scratchBytesPerLabel(n) + CudaBatcher.OUTPUT_BYTES;
        long fit = (long) (free[0] * MEMORY_SHARE) / perLabel;
        long threads = Math.min(MAX_LAUNCH, fit) / BLOCK * BLOCK;
        if (threads < BLOCK) {
            throw new IllegalStateException("not enough free device memory for N = " + n + ": " + free[0] + " bytes");
        }
        return (int) threads;
    }
}
