package io.smnode.post.cuda;

import static jcuda.driver.JCudaDriver.cuModuleGetFunction;
import static jcuda.driver.JCudaDriver.cuModuleLoadData;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import jcuda.driver.CUfunction;
import jcuda.driver.CUmodule;
import jcuda.nvrtc.JNvrtc;
import jcuda.nvrtc.nvrtcProgram;

/**
 * Loads the label kernel into the current CUDA context: the shipped PTX first (needs only the driver), else the
 * {@code .cu} source compiled by NVRTC (needs libnvrtc, but follows the driver's newest ISA).
 */
final class CudaKernel {
    static final String SOURCE = "scrypt_jane.cu";
    static final String PTX = "scrypt_jane.ptx";
    static final String FUNCTION = "scrypt_labels";
    /** The oldest architecture the kernel is built for (Turing). */
    private static final String NVRTC_ARCH = "--gpu-architecture=compute_75";

    private CudaKernel() {}

    /** The loaded kernel and how it was obtained ("ptx" or "nvrtc"). */
    record Loaded(CUmodule module, CUfunction function, String how) {}

    static Loaded load() {
        Throwable ptxFailure;
        try {
            return loadPtx(resource(PTX), "shipped ptx");
        } catch (RuntimeException e) {
            ptxFailure = e;
        }
        try {
            return loadPtx(compile(resource(SOURCE)), "nvrtc");
        } catch (RuntimeException | LinkageError e) {
            e.addSuppressed(ptxFailure);
            throw new IllegalStateException("cannot load the CUDA kernel (shipped PTX: " + ptxFailure
                    + "; NVRTC: " + e + ")", e);
        }
    }

    private static Loaded loadPtx(String ptx, String how) {
        CUmodule module = new CUmodule();
        cuModuleLoadData(module, ptx);
        CUfunction fn = new CUfunction();
        cuModuleGetFunction(fn, module, FUNCTION);
        return new Loaded(module, fn, how);
    }

    private static String compile(String source) {
        JNvrtc.setExceptionsEnabled(true);
        nvrtcProgram program = new nvrtcProgram();
        JNvrtc.nvrtcCreateProgram(program, source, SOURCE, 0, null, null);
        try {
            JNvrtc.nvrtcCompileProgram(program, 1, new String[] {NVRTC_ARCH});
            String[] ptx = new String[1];
            JNvrtc.nvrtcGetPTX(program, ptx);
            return ptx[0];
        } finally {
            JNvrtc.nvrtcDestroyProgram(program);
        }
    }

    /** A kernel file shipped in this package. */
    static String resource(String name) {
        try (InputStream in = CudaKernel.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
