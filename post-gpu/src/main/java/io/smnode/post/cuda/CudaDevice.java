package io.smnode.post.cuda;

/**
 * One CUDA device as the driver numbers it.
 *
 * @param ordinal the driver's device number (what {@code --devices 0,2} names)
 * @param name the device's name, e.g. "NVIDIA H200"
 * @param totalMemory device memory in bytes
 * @param multiprocessors streaming multiprocessors: the launch grid is sized from them
 */
public record CudaDevice(int ordinal, String name, long totalMemory, int multiprocessors) {
    @Override
    public String toString() {
        return ordinal + ":" + name;
    }
}
