package io.smnode.post.cuda;

import static jcuda.driver.JCudaDriver.cuCtxCreate;
import static jcuda.driver.JCudaDriver.cuCtxDestroy;
import static jcuda.driver.JCudaDriver.cuDeviceGet;
import static jcuda.driver.JCudaDriver.cuDeviceGetAttribute;
import static jcuda.driver.JCudaDriver.cuDeviceGetCount;
import static jcuda.driver.JCudaDriver.cuDeviceGetName;
import static jcuda.driver.JCudaDriver.cuDeviceTotalMem;
import static jcuda.driver.JCudaDriver.cuInit;
import static jcuda.driver.JCudaDriver.cuModuleUnload;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import jcuda.driver.CUcontext;
import jcuda.driver.CUdevice;
import jcuda.driver.CUdevice_attribute;
import jcuda.driver.JCudaDriver;

/**
 * Decides once per process whether CUDA can be used. Without a GPU the first JCuda call throws an {@link Error}
 * (UnsatisfiedLinkError: no libcuda.so.1) and every later one a NoClassDefFoundError, so the answer, good or bad, is
 * computed once and cached; nothing here ever lets a Throwable escape.
 */
public final class CudaRuntime {
    private static CudaAvailability cached;

    private CudaRuntime() {}

    /**
     * The cached answer; the first call initializes the driver, lists the devices, loads the kernel once on the first
     * device, and releases it.
     */
    public static synchronized CudaAvailability probe() {
        if (cached == null) {
            cached = detect();
        }
        return cached;
    }

    private static CudaAvailability detect() {
        try {
            JCudaDriver.setExceptionsEnabled(true);
            cuInit(0);
            int[] count = new int[1];
            cuDeviceGetCount(count);
            if (count[0] < 1) {
                return new CudaAvailability.Unavailable("the CUDA driver reports no device");
            }
            List<CudaDevice> devices = new ArrayList<>();
            for (int ordinal = 0; ordinal < count[0]; ordinal++) {
                devices.add(describe(ordinal));
            }
            // The kernel is loaded once, on the first device, to learn whether the shipped PTX or NVRTC works here.
            CUdevice first = new CUdevice();
            cuDeviceGet(first, 0);
            CUcontext context = new CUcontext();
            cuCtxCreate(context, 0, first);
            try {
                CudaKernel.Loaded kernel = CudaKernel.load();
                cuModuleUnload(kernel.module());
                return new CudaAvailability.Available(devices, kernel.how());
            } finally {
                cuCtxDestroy(context);
            }
        } catch (Throwable t) { // any failure of a native library or device must leave the node on the CPU
            return new CudaAvailability.Unavailable(oneLine(t));
        }
    }

    private static CudaDevice describe(int ordinal) {
        CUdevice device = new CUdevice();
        cuDeviceGet(device, ordinal);
        byte[] name = new byte[256];
        cuDeviceGetName(name, name.length, device);
        long[] memory = new long[1];
        cuDeviceTotalMem(memory, device);
        int[] sms = new int[1];
        cuDeviceGetAttribute(sms, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT, device);
        return new CudaDevice(ordinal, cString(name), memory[0], sms[0]);
    }

    /**
     * A failure in one log line: JCuda's link errors carry whole nested stack traces in their message; keep its first
     * line and the last nested error line (which names the missing library, e.g. libcuda.so.1).
     */
    static String oneLine(Throwable t) {
        String[] lines = String.valueOf(t.getMessage()).split("\\R");
        String detail = "";
        for (int i = 1; i < lines.length; i++) {
            String l = lines[i].trim();
            if (!l.startsWith("at ") && (l.contains("Error: ") || l.contains("Exception: "))) {
                detail = l;
            }
        }
        return t.getClass().getSimpleName() + ": " + lines[0].trim() + (detail.isEmpty() ? "" : " (" + detail + ")");
    }

    private static String cString(byte[] b) {
        int len = 0;
        while (len < b.length && b[len] != 0) {
            len++;
        }
        return new String(b, 0, len, StandardCharsets.US_ASCII);
    }
}
