// The label kernel's own label function compiled for the host (the .cu is also valid C++; CudaKernelSourceTest
// checks it against the reference vectors): the reference the device outputs are compared with.
#include "scrypt_jane.cu"
#include <cstdlib>
#include <cstring>

extern "C" void host_ref_label(const unsigned char commitment[32], unsigned long long index, unsigned n,
                               unsigned char out[32]) {
    static uint4* v = 0;
    static unsigned v_n = 0;
    if (v_n != n) {
        free(v);
        v = (uint4*)malloc((size_t)(n / SCRYPT_LOOKUP_GAP) * 128);
        v_n = n;
    }
    u64 lanes[4];
    memcpy(lanes, commitment, 32);  // little-endian host, as on the device
    u64 r[4];
    scrypt_label(lanes, index, n, v, r);
    memcpy(out, r, 32);
}
