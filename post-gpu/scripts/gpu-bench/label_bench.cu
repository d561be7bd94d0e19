// Times one build of the label kernel on the first CUDA device and checks its outputs against the host build of the
// label function. Built once per variant by build.sh (KERNEL_FILE and the variant's -D flags); OLD_KERNEL selects
// the launch of the original kernel (interleaved scratch, one label per thread, 256-thread blocks).
//   usage: label_bench NAME [N=8192] [labels per thread=4] [timed launches=5]
// Prints "RESULT name=... labels_per_s=..." lines; exit code 0 only when every checked label matched.
#include KERNEL_FILE
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>
#include <cuda_runtime.h>

extern "C" void host_ref_label(const unsigned char commitment[32], unsigned long long index, unsigned n,
                               unsigned char out[32]);

#define CHECK(call)                                                                                   \
    do {                                                                                              \
        cudaError_t e_ = (call);                                                                      \
        if (e_ != cudaSuccess) {                                                                      \
            fprintf(stderr, "%s:%d %s: %s\n", __FILE__, __LINE__, #call, cudaGetErrorString(e_));     \
            exit(2);                                                                                  \
        }                                                                                             \
    } while (0)

// blake3(32 zero bytes || 32 zero bytes): the spec's commitment C0
static const unsigned char C0[32] = {0x4d, 0x00, 0x69, 0x76, 0x63, 0x6a, 0x86, 0x96, 0xd9, 0x09, 0xa6,
                                     0x30, 0xa4, 0x08, 0x1a, 0xad, 0x4d, 0x7c, 0x50, 0xf8, 0x1a, 0xfd,
                                     0xee, 0x04, 0x02, 0x0b, 0xf0, 0x50, 0x86, 0xab, 0x6a, 0x55};

struct Launch {
    int block, blocks;      // grid
    unsigned perLaunch;     // labels per launch
    size_t scratchBytes;
};

static u64* d_commitment;
static uint4* d_scratch;
static u64* d_out;

static void launch(const Launch& g, unsigned long long start, unsigned count, unsigned n) {
#ifdef OLD_KERNEL
    scrypt_labels<<<g.blocks, g.block>>>(d_commitment, start, count, n, d_scratch, (u64)g.blocks * g.block, d_out);
#else
    scrypt_labels<<<g.blocks, g.block>>>(d_commitment, start, count, n, d_scratch, d_out);
#endif
    CHECK(cudaGetLastError());
}

static Launch plan(unsigned n, unsigned perThread, int sms, size_t freeMem) {
    Launch g;
#ifdef OLD_KERNEL
    // what the shipped backend did: half the free memory, at most 2^18 threads, blocks of 256
    g.block = 256;
    size_t perLabel = (size_t)std::max(1u, n / 2) * 128 + 32;
    size_t threads = std::min((size_t)1 << 18, freeMem / 2 / perLabel) / 256 * 256;
    g.blocks = (int)(threads / 256);
    g.perLaunch = (unsigned)threads;
    g.scratchBytes = threads * (size_t)std::max(1u, n / 2) * 128;
    (void)perThread; (void)sms;
#else
    cudaFuncAttributes attr;
    CHECK(cudaFuncGetAttributes(&attr, scrypt_labels));
    g.block = attr.maxThreadsPerBlock;
    int bpm = 0;
    CHECK(cudaOccupancyMaxActiveBlocksPerMultiprocessor(&bpm, scrypt_labels, g.block, 0));
    size_t perThreadBytes = (size_t)(n / SCRYPT_LOOKUP_GAP) * 128 * SCRYPT_CHAINS;
    size_t threads = (size_t)sms * bpm * g.block;
    size_t byMemory = freeMem * 8 / 10 / perThreadBytes / g.block * g.block;
    threads = std::min(threads, byMemory);
    g.blocks = (int)(threads / g.block);
    g.perLaunch = (unsigned)(threads * perThread);
    g.scratchBytes = threads * perThreadBytes;
#endif
    return g;
}

// Compares outputs [0, count) of labels start.. with the host, all of them or a sample; returns mismatches.
static int compare(unsigned long long start, unsigned count, unsigned n, bool all, unsigned seed) {
    std::vector<unsigned char> out((size_t)count * 32);
    CHECK(cudaMemcpy(out.data(), d_out, out.size(), cudaMemcpyDeviceToHost));
    std::vector<unsigned> picks;
    if (all) {
        for (unsigned i = 0; i < count; i++) picks.push_back(i);
    } else {
        picks.push_back(0);
        picks.push_back(count - 1);
        picks.push_back(count / 2);
        unsigned r = seed;
        for (int k = 0; k < 61; k++) { r = r * 1664525u + 1013904223u; picks.push_back(r % count); }
    }
    int bad = 0;
    unsigned char ref[32];
    for (unsigned i : picks) {
        host_ref_label(C0, start + i, n, ref);
        if (memcmp(ref, &out[(size_t)i * 32], 32) != 0) {
            if (bad < 3) fprintf(stderr, "MISMATCH n=%u label %llu\n", n, start + i);
            bad++;
        }
    }
    return bad;
}

int main(int argc, char** argv) {
    const char* name = argc > 1 ? argv[1] : "kernel";
    unsigned n = argc > 2 ? (unsigned)atoi(argv[2]) : 8192;
    unsigned perThread = argc > 3 ? (unsigned)atoi(argv[3]) : 4;
    int reps = argc > 4 ? atoi(argv[4]) : 5;
    CHECK(cudaSetDevice(0));
    cudaDeviceProp prop;
    CHECK(cudaGetDeviceProperties(&prop, 0));
    size_t freeMem, total;
    CHECK(cudaMemGetInfo(&freeMem, &total));
    // scratch for the larger of N and the small-N checks' 512
    Launch g = plan(std::max(n, 512u), perThread, prop.multiProcessorCount, freeMem);
    cudaFuncAttributes attr;
    CHECK(cudaFuncGetAttributes(&attr, scrypt_labels));
    CHECK(cudaMalloc(&d_commitment, 32));
    CHECK(cudaMemcpy(d_commitment, C0, 32, cudaMemcpyHostToDevice));
    CHECK(cudaMalloc(&d_scratch, g.scratchBytes));
    CHECK(cudaMalloc(&d_out, (size_t)g.perLaunch * 32));

    // Every output of small launches at small N, after poisoning the buffer (catches unwritten outputs).
    int bad = 0;
    unsigned smallNs[] = {2, 16, 512};
    for (unsigned sn : smallNs) {
        unsigned count = std::min(4096u, g.perLaunch);
        CHECK(cudaMemset(d_out, 0xa5, (size_t)count * 32));
        launch(g, 1000, count, sn);
        CHECK(cudaDeviceSynchronize());
        bad += compare(1000, count, sn, true, 0);
    }

    // Timed launches at N, each a fresh range of labels.
    cudaEvent_t e0, e1;
    CHECK(cudaEventCreate(&e0));
    CHECK(cudaEventCreate(&e1));
    unsigned long long start = 1ull << 32;  // index words above 32 bits exercised too
    launch(g, start, g.perLaunch, n);       // warm-up
    CHECK(cudaDeviceSynchronize());
    std::vector<double> rates;
    for (int r = 0; r < reps; r++) {
        start += g.perLaunch;
        CHECK(cudaMemset(d_out, 0xa5, (size_t)g.perLaunch * 32));
        CHECK(cudaEventRecord(e0));
        launch(g, start, g.perLaunch, n);
        CHECK(cudaEventRecord(e1));
        CHECK(cudaEventSynchronize(e1));
        float ms;
        CHECK(cudaEventElapsedTime(&ms, e0, e1));
        rates.push_back(g.perLaunch / (ms / 1e3));
    }
    bad += compare(start, g.perLaunch, n, false, 12345);
    std::vector<double> sorted = rates;
    std::sort(sorted.begin(), sorted.end());
    printf("RESULT name=%s device=\"%s\" sms=%d n=%u regs=%d local_bytes=%zu block=%d blocks=%d threads=%d "
           "labels_per_launch=%u scratch_gib=%.1f labels_per_s_median=%.0f min=%.0f max=%.0f check=%s\n",
           name, prop.name, prop.multiProcessorCount, n, attr.numRegs, attr.localSizeBytes, g.block, g.blocks,
           g.block * g.blocks, g.perLaunch, g.scratchBytes / 1073741824.0, sorted[sorted.size() / 2], sorted[0],
           sorted.back(), bad == 0 ? "ok" : "FAIL");
    return bad == 0 ? 0 : 1;
}
