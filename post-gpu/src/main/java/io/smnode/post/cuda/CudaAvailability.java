package io.smnode.post.cuda;

import java.util.List;

/** Whether the CUDA backend can run here, decided once per process by {@link CudaRuntime#probe()}. */
public sealed interface CudaAvailability {
    /** The driver, at least one device and our kernel are usable; {@code devices} in the driver's order. */
    record Available(List<CudaDevice> devices, String kernelSource) implements CudaAvailability {
        public Available {
            devices = List.copyOf(devices);
            if (devices.isEmpty()) {
                throw new IllegalArgumentException("an available CUDA runtime has at least one device");
            }
        }
    }

    /** Why not: no driver library, no device, or the kernel could not be loaded. */
    record Unavailable(String reason) implements CudaAvailability {}
}
