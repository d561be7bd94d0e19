package io.smnode.post.cuda;

import static jcuda.driver.JCudaDriver.cuCtxCreate;
import static jcuda.driver.JCudaDriver.cuCtxSetCurrent;
import static jcuda.driver.JCudaDriver.cuDeviceGet;
import static jcuda.driver.JCudaDriver.cuFuncGetAttribute;
import static jcuda.driver.JCudaDriver.cuMemGetInfo;
import static jcuda.driver.JCudaDriver.cuOccupancyMaxActiveBlocksPerMultiprocessor;

import io.smnode.core.types.Hash32;
import io.smnode.post.label.LabelBackend;
import io.smnode.post.label.LabelBatcher;
import jcuda.driver.CUcontext;
import jcuda.driver.CUctx_flags;
import jcuda.driver.CUdevice;
import jcuda.driver.CUfunction_attribute;

/**
 * Labels on one CUDA device (spec 08 §1.5): one thread per label, lookup gap 2, a grid of what the device holds
 * resident, full 32-byte outputs scanned for the nonce on the host while the next launch runs, sampled labels of
 * every launch re-computed on the CPU. Two batchers per device run side by side on their own streams, so the device
 * stays busy while one of them hands its batch back; they share {@link #MEMORY_SHARE} of the memory that was free
 * when the backend was made. Only {@link LabelBackends} should create one, after {@link CudaRuntime#probe()} said
 * the device is usable.
 */
public final class CudaLabelBackend implements LabelBackend {
    /** Share of the free device memory the batchers' scratch may take together. */
    private static final double MEMORY_SHARE = 0.8;
    /** Batchers per device: one computes while the other's batch is written. */
    private static final int CONCURRENCY = 2;

    private final CudaDevice device;
    private final CUcontext context = new CUcontext();
    private final long scratchBudget;
    private final int block;
    private final int blocksPerMultiprocessor;
    private final String kernelSource;

    CudaLabelBackend(CudaDevice device) {
        this.device = device;
        CUdevice dev = new CUdevice();
        cuDeviceGet(dev, device.ordinal());
        // blocking sync: the host thread sleeps while a launch runs instead of spinning on a core
        cuCtxCreate(context, CUctx_flags.CU_CTX_SCHED_BLOCKING_SYNC, dev);
        long[] free = new long[1];
        long[] total = new long[1];
        cuMemGetInfo(free, total);
        this.scratchBudget = (long) (free[0] * MEMORY_SHARE / CONCURRENCY);
        CudaKernel.Loaded kernel = CudaKernel.load();
        try {
            int[] value = new int[1];
            cuFuncGetAttribute(value, CUfunction_attribute.CU_FUNC_ATTRIBUTE_MAX_THREADS_PER_BLOCK, kernel.function());
            this.block = value[0];
            cuOccupancyMaxActiveBlocksPerMultiprocessor(value, kernel.function(), block, 0);
            this.blocksPerMultiprocessor = value[0];
            this.kernelSource = kernel.how();
        } finally {
            jcuda.driver.JCudaDriver.cuModuleUnload(kernel.module());
        }
    }

    @Override
    public String name() {
        return "cuda(" + device + ")";
    }

    public CudaDevice device() {
        return device;
    }

    /** Where the kernel came from ("shipped ptx" or "nvrtc"), and its launch shape, for the log. */
    String describe(int n) {
        LaunchGeometry g = geometry(n);
        return name() + ", " + (device.totalMemory() >> 20) + " MiB, " + device.multiprocessors() + " SMs, kernel from "
                + kernelSource + ", " + g.blocks() + " blocks of " + g.block() + " threads, " + g.labelsPerLaunch()
                + " labels a launch at N = " + n;
    }

    @Override
    public int concurrency() {
        return CONCURRENCY;
    }

    /** Four launches' worth: about a second of the device at N = 8192, short enough to cancel quickly. */
    @Override
    public int preferredBatchLabels(int n) {
        return (int) Math.min(1 << 24, 4L * geometry(n).labelsPerLaunch());
    }

    @Override
    public LabelBatcher open(Hash32 commitment, int n) {
        LaunchGeometry g = geometry(n);
        cuCtxSetCurrent(context);
        return new CudaBatcher(context, CudaKernel.load(), g, commitment, n);
    }

    LaunchGeometry geometry(int n) {
        return LaunchGeometry.plan(device.multiprocessors(), blocksPerMultiprocessor, block, scratchBudget, n);
    }
}
