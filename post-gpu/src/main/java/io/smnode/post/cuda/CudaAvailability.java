package io.smnode.post.cuda;

/** Whether the CUDA backend can run here, decided once per process by {@link CudaRuntime#probe()}. */
public sealed interface CudaAvailability {
    /** A device, its driver and our kernel are usable. */
    record Available(String deviceName, long totalMemory, String kernelSource) implements CudaAvailability {}

    /** Why not: no driver library, no device, or the kernel could not be loaded. */
    record Unavailable(String reason) implements CudaAvailability {}
}
