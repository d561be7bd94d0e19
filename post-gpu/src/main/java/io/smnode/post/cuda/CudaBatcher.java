package io.smnode.post.cuda;

import static jcuda.driver.JCudaDriver.cuCtxSetCurrent;
import static jcuda.driver.JCudaDriver.cuEventCreate;
import static jcuda.driver.JCudaDriver.cuEventDestroy;
import static jcuda.driver.JCudaDriver.cuEventRecord;
import static jcuda.driver.JCudaDriver.cuEventSynchronize;
import static jcuda.driver.JCudaDriver.cuLaunchKernel;
import static jcuda.driver.JCudaDriver.cuMemAlloc;
import static jcuda.driver.JCudaDriver.cuMemAllocHost;
import static jcuda.driver.JCudaDriver.cuMemFree;
import static jcuda.driver.JCudaDriver.cuMemFreeHost;
import static jcuda.driver.JCudaDriver.cuMemcpyDtoHAsync;
import static jcuda.driver.JCudaDriver.cuMemcpyHtoD;
import static jcuda.driver.JCudaDriver.cuModuleUnload;
import static jcuda.driver.JCudaDriver.cuStreamCreate;
import static jcuda.driver.JCudaDriver.cuStreamDestroy;
import static jcuda.driver.JCudaDriver.cuStreamSynchronize;

import io.smnode.core.types.Hash32;
import io.smnode.post.label.LabelBatcher;
import io.smnode.post.label.LabelGenerator;
import io.smnode.post.label.NonceScan;
import io.smnode.post.label.ScryptJane;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.function.BooleanSupplier;
import jcuda.Pointer;
import jcuda.driver.CUcontext;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUevent;
import jcuda.driver.CUevent_flags;
import jcuda.driver.CUstream;
import jcuda.driver.CUstream_flags;

/**
 * One commitment's labels on one device. A batch is cut into launches of {@link LaunchGeometry#labelsPerLaunch()}
 * labels; two launches are in flight at a time on this batcher's own stream, each with its output buffer and its
 * pinned host copy, so that the device computes launch k + 1 while the host scans launch k for the nonce, keeps its
 * 16-byte labels and checks its first, middle and last label against {@link ScryptJane}: a wrong label is never
 * written. Not thread-safe (one batch at a time); several batchers on one device run side by side on their streams.
 */
final class CudaBatcher implements LabelBatcher {
    static final int OUTPUT_BYTES = LabelGenerator.OUTPUT_SIZE;
    private static final int IN_FLIGHT = 2;

    private final CUcontext context;
    private final int n;
    private final LaunchGeometry geometry;
    private final CudaKernel.Loaded kernel;
    private final CUstream stream = new CUstream();
    private final CUdeviceptr commitment = new CUdeviceptr();
    private final CUdeviceptr scratch = new CUdeviceptr();
    private final CUdeviceptr[] outputs = new CUdeviceptr[IN_FLIGHT];
    private final Pointer[] pinned = new Pointer[IN_FLIGHT];
    private final CUevent[] copied = new CUevent[IN_FLIGHT];
    private final byte[] host;
    private final ScryptJane cpu;
    private final byte[] expected = new byte[OUTPUT_BYTES];
    /** How to free each thing allocated so far, newest on top. */
    private final Deque<Runnable> release = new ArrayDeque<>();

    /** Takes ownership of {@code kernel}: it is unloaded with the batcher, or at once when the batcher fails to open. */
    CudaBatcher(CUcontext context, CudaKernel.Loaded kernel, LaunchGeometry geometry, Hash32 commitmentHash, int n) {
        this.context = context;
        this.kernel = kernel;
        this.geometry = geometry;
        this.n = n;
        release.push(() -> cuModuleUnload(kernel.module()));
        try {
            this.host = new byte[geometry.labelsPerLaunch() * OUTPUT_BYTES];
            this.cpu = new ScryptJane(commitmentHash, n);
            cuCtxSetCurrent(context);
            cuStreamCreate(stream, CUstream_flags.CU_STREAM_NON_BLOCKING);
            release.push(() -> cuStreamDestroy(stream));
            allocate(commitment, Hash32.LENGTH);
            allocate(scratch, geometry.scratchBytes());
            long outBytes = (long) geometry.labelsPerLaunch() * OUTPUT_BYTES;
            for (int i = 0; i < IN_FLIGHT; i++) {
                outputs[i] = new CUdeviceptr();
                allocate(outputs[i], outBytes);
                Pointer host = new Pointer();
                cuMemAllocHost(host, outBytes);
                pinned[i] = host;
                release.push(() -> cuMemFreeHost(host));
                CUevent event = new CUevent();
                // blocking sync: the host thread sleeps until the copy is done instead of spinning on a core
                cuEventCreate(event, CUevent_flags.CU_EVENT_BLOCKING_SYNC | CUevent_flags.CU_EVENT_DISABLE_TIMING);
                copied[i] = event;
                release.push(() -> cuEventDestroy(event));
            }
            // the kernel reads the commitment as 4 little-endian u64 lanes: its bytes in order on a little-endian device
            cuMemcpyHtoD(commitment, Pointer.to(commitmentHash.toByteArray()), Hash32.LENGTH);
        } catch (RuntimeException e) {
            releaseAll();
            throw e;
        }
    }

    private void allocate(CUdeviceptr p, long bytes) {
        cuMemAlloc(p, bytes);
        release.push(() -> cuMemFree(p));
    }

    @Override
    public boolean compute(long start, int count, byte[] labels, int offset, NonceScan nonces,
                           BooleanSupplier cancelled) {
        cuCtxSetCurrent(context);
        int perLaunch = geometry.labelsPerLaunch();
        int launches = (count + perLaunch - 1) / perLaunch;
        for (int k = 0; k < launches; k++) {
            if (cancelled.getAsBoolean()) {
                cuStreamSynchronize(stream); // the launch in flight still writes our buffers: let it finish
                return false;
            }
            int done = k * perLaunch;
            enqueue(k % IN_FLIGHT, start + done, Math.min(perLaunch, count - done));
            if (k > 0) {
                finish(k - 1, start, count, labels, offset, nonces);
            }
        }
        if (launches > 0) {
            finish(launches - 1, start, count, labels, offset, nonces);
        }
        return true;
    }

    /** Queues launch of labels {@code [first, first + m)} into buffer {@code slot}, and its copy to the host. */
    private void enqueue(int slot, long first, int m) {
        Pointer params = Pointer.to(Pointer.to(commitment), Pointer.to(new long[] {first}), Pointer.to(new int[] {m}),
                Pointer.to(new int[] {n}), Pointer.to(scratch), Pointer.to(outputs[slot]));
        cuLaunchKernel(kernel.function(), geometry.blocks(), 1, 1, geometry.block(), 1, 1, 0, stream, params, null);
        cuMemcpyDtoHAsync(pinned[slot], outputs[slot], (long) m * OUTPUT_BYTES, stream);
        cuEventRecord(copied[slot], stream);
    }

    /** Waits for launch {@code k} of this batch, then checks, scans and keeps its labels. */
    private void finish(int k, long start, int count, byte[] labels, int offset, NonceScan nonces) {
        int perLaunch = geometry.labelsPerLaunch();
        int done = k * perLaunch;
        int m = Math.min(perLaunch, count - done);
        int slot = k % IN_FLIGHT;
        cuEventSynchronize(copied[slot]);
        pinned[slot].getByteBuffer(0, (long) m * OUTPUT_BYTES).get(host, 0, m * OUTPUT_BYTES);
        long first = start + done;
        crossCheck(first, 0);
        crossCheck(first, m / 2);
        crossCheck(first, m - 1);
        for (int i = 0; i < m; i++) {
            if (labels != null) {
                System.arraycopy(host, i * OUTPUT_BYTES, labels, offset + (done + i) * LabelGenerator.LABEL_SIZE,
                        LabelGenerator.LABEL_SIZE);
            }
            nonces.offer(first + i, host, i * OUTPUT_BYTES);
        }
    }

    private void crossCheck(long first, int i) {
        cpu.output(first + i, expected, 0);
        if (!Arrays.equals(expected, 0, OUTPUT_BYTES, host, i * OUTPUT_BYTES, (i + 1) * OUTPUT_BYTES)) {
            throw new IllegalStateException("CUDA label " + (first + i) + " differs from the CPU's: the device"
                    + " result is wrong, nothing of this batch is written");
        }
    }

    @Override
    public void close() {
        cuCtxSetCurrent(context);
        cuStreamSynchronize(stream);
        releaseAll();
    }

    /** Frees what was allocated, newest first. */
    private void releaseAll() {
        while (!release.isEmpty()) {
            release.pop().run();
        }
    }
}
