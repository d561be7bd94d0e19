// Runs the CUDA kernel's label function on the host (the .cu is also valid C++): reads lines
// "<commitment hex> <N> <index>" from stdin and prints each 32-byte output as hex.
#include "scrypt_jane.cu"
#include <cstdio>
#include <cstdlib>
#include <cstring>

int main() {
    char hex[65];
    unsigned n;
    unsigned long long index;
    while (scanf("%64s %u %llu", hex, &n, &index) == 3) {
        unsigned char c[32];
        for (int i = 0; i < 32; i++) sscanf(hex + 2 * i, "%2hhx", &c[i]);
        u64 lanes[4];
        memcpy(lanes, c, 32);  // little-endian host, as on the device
        uint4* v = (uint4*)malloc((size_t)(n / 2 + 1) * 128);
        u64 r[4];
        scrypt_label(lanes, index, n, v, 1, 0, r);
        free(v);
        unsigned char out[32];
        memcpy(out, r, 32);
        for (int i = 0; i < 32; i++) printf("%02x", out[i]);
        printf("\n");
    }
    return 0;
}
