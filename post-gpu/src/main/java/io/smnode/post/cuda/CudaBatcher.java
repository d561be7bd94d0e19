package io.smnode.post.cuda;

import static jcuda.driver.JCudaDriver.cuCtxSetCurrent;
import static jcuda.driver.JCudaDriver.cuCtxSynchronize;
import static jcuda.driver.JCudaDriver.cuLaunchKernel;
import static jcuda.driver.JCudaDriver.cuMemAlloc;
import static jcuda.driver.JCudaDriver.cuMemFree;
import static jcuda.driver.JCudaDriver.cuMemcpyDtoH;
import static jcuda.driver.JCudaDriver.cuMemcpyHtoD;
import static jcuda.driver.JCudaDriver.cuModuleUnload;

import io.smnode.core.types.Hash32;
import io.smnode.post.label.LabelBatcher;
import io.smnode.post.label.LabelGenerator;
import io.smnode.post.label.NonceScan;
import io.smnode.post.label.ScryptJane;
import java.util.Arrays;
import java.util.function.BooleanSupplier;
import jcuda.Pointer;
import jcuda.driver.CUcontext;
import jcuda.driver.CUdeviceptr;

/**
 * One commitment's labels on the device. Each launch computes up to {@code threads} labels into a device buffer of
 * full 32-byte outputs; the host copies them back, scans them for the nonce, keeps the 16-byte labels, and checks
 * the first, middle and last label of the launch against {@link ScryptJane}: a wrong label is never written.
 */
final class CudaBatcher implements LabelBatcher {
    static final int OUTPUT_BYTES = LabelGenerator.OUTPUT_SIZE;

    private final CUcontext context;
    private final int n;
    private final int threads;
    private final CudaKernel.Loaded kernel;
    private final CUdeviceptr commitment = new CUdeviceptr();
    private final CUdeviceptr scratch = new CUdeviceptr();
    private final CUdeviceptr outputs = new CUdeviceptr();
    private final byte[] host;
    private final ScryptJane cpu;
    private final byte[] expected = new byte[OUTPUT_BYTES];

    CudaBatcher(CUcontext context, Hash32 commitmentHash, int n, int threads) {
        this.context = context;
        this.n = n;
        this.threads = threads;
        this.host = new byte[threads * OUTPUT_BYTES];
        this.cpu = new ScryptJane(commitmentHash, n);
        cuCtxSetCurrent(context);
        this.kernel = CudaKernel.load();
        cuMemAlloc(commitment, Hash32.LENGTH);
        cuMemAlloc(scratch, threads * scratchBytesPerLabel(n));
        cuMemAlloc(outputs, (long) threads * OUTPUT_BYTES);
        // the kernel reads the commitment as 4 little-endian u64 lanes: its bytes in order on a little-endian device
        cuMemcpyHtoD(commitment, Pointer.to(commitmentHash.toByteArray()), Hash32.LENGTH);
    }

    /** Lookup gap 2: N/2 entries of 128 bytes. */
    static long scratchBytesPerLabel(int n) {
        return Math.max(1, n / 2) * 128L;
    }

    @Override
    public boolean compute(long start, int count, byte[] labels, int offset, NonceScan nonces,
                           BooleanSupplier cancelled) {
        cuCtxSetCurrent(context);
        for (int done = 0; done < count; ) {
            if (cancelled.getAsBoolean()) {
                return false;
            }
            int m = Math.min(threads, count - done);
            launch(start + done, m);
            for (int i = 0; i < m; i++) {
                if (labels != null) {
                    System.arraycopy(host, i * OUTPUT_BYTES, labels, offset + (done + i) * LabelGenerator.LABEL_SIZE,
                            LabelGenerator.LABEL_SIZE);
                }
                nonces.offer(start + done + i, host, i * OUTPUT_BYTES);
            }
            crossCheck(start + done, 0);
            crossCheck(start + done, m / 2);
            crossCheck(start + done, m - 1);
            done += m;
        }
        return true;
    }

    private void launch(long first, int m) {
        Pointer params = Pointer.to(Pointer.to(commitment), Pointer.to(new long[] {first}), Pointer.to(new int[] {m}),
                Pointer.to(new int[] {n}), Pointer.to(scratch), Pointer.to(new long[] {threads}), Pointer.to(outputs));
        int blocks = (m + CudaLabelBackend.BLOCK - 1) / CudaLabelBackend.BLOCK;
        cuLaunchKernel(kernel.function(), blocks, 1, 1, CudaLabelBackend.BLOCK, 1, 1, 0, null, params, null);
        cuCtxSynchronize();
        cuMemcpyDtoH(Pointer.to(host), outputs, (long) m * OUTPUT_BYTES);
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
        cuMemFree(outputs);
        cuMemFree(scratch);
        cuMemFree(commitment);
        cuModuleUnload(kernel.module());
    }
}
