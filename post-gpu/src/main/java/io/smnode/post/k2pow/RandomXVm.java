package io.smnode.post.k2pow;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import io.xdag.crypto.randomx.NativeSize;
import io.xdag.crypto.randomx.RandomXJNA;

/**
 * One RandomX virtual machine. Not thread-safe (the VM has scratchpad state): one per thread. Its native input and
 * output buffers are reused, so hashing allocates nothing on the Java side.
 */
public final class RandomXVm implements AutoCloseable {
    /** RandomX hashes are 32 bytes. */
    public static final int HASH_SIZE = 32;
    private static final int INITIAL_INPUT_CAPACITY = 64;

    private Pointer vm;
    private Memory input = new Memory(INITIAL_INPUT_CAPACITY);
    private final Memory output = new Memory(HASH_SIZE);

    RandomXVm(Pointer vm) {
        this.vm = vm;
    }

    /** Writes RandomX(input) into {@code out[offset..offset+32)}. */
    public void hash(byte[] in, byte[] out, int offset) {
        if (vm == null) {
            throw new IllegalStateException("RandomX VM is closed");
        }
        if (in.length > input.size()) {
            input = new Memory(in.length);
        }
        input.write(0, in, 0, in.length);
        RandomXJNA.INSTANCE.randomx_calculate_hash(vm, input, new NativeSize(in.length), output);
        output.read(0, out, offset, HASH_SIZE);
    }

    /** RandomX(input) as a fresh 32-byte array. */
    public byte[] hash(byte[] in) {
        byte[] out = new byte[HASH_SIZE];
        hash(in, out, 0);
        return out;
    }

    @Override
    public synchronized void close() {
        if (vm != null) {
            RandomXJNA.INSTANCE.randomx_destroy_vm(vm);
            vm = null;
        }
    }
}
