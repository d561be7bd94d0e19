// Runs the CUDA kernel's label function on the host (the .cu is also valid C++): reads lines
// "<commitment hex> <N> <index>" from stdin and prints each 32-byte output as hex. Every label is also computed as
// the first of a pair by the two-chain function (scrypt_label2, paired with index + 5); a pair that disagrees with
// the one-label function makes the exit status 1.
#include "scrypt_jane.cu"
#include <cstdio>
#include <cstdlib>
#include <cstring>

int main() {
    char hex[65];
    unsigned n;
    unsigned long long index;
    int pairMismatches = 0;
    while (scanf("%64s %u %llu", hex, &n, &index) == 3) {
        unsigned char c[32];
        for (int i = 0; i < 32; i++) sscanf(hex + 2 * i, "%2hhx", &c[i]);
        u64 lanes[4];
        memcpy(lanes, c, 32);  // little-endian host, as on the device
        size_t entries = n / SCRYPT_LOOKUP_GAP;
        uint4* v = (uint4*)malloc(entries * 2 * 128);
        u64 r[4], second[4], pa[4], pb[4];
        scrypt_label(lanes, index, n, v, r);
        scrypt_label(lanes, index + 5, n, v, second);
        scrypt_label2(lanes, index, index + 5, n, v, v + entries * 8, pa, pb);
        if (memcmp(r, pa, 32) != 0 || memcmp(second, pb, 32) != 0) pairMismatches++;
        free(v);
        unsigned char out[32];
        memcpy(out, r, 32);
        for (int i = 0; i < 32; i++) printf("%02x", out[i]);
        printf("\n");
    }
    if (pairMismatches) fprintf(stderr, "%d two-chain results differ\n", pairMismatches);
    return pairMismatches ? 1 : 0;
}
