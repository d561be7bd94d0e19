// scrypt-jane labels for PoST initialization on CUDA (spec 08-post.md sections 1.2 and 1.5): HMAC-Keccak-512 (original
// Keccak padding, 72-byte block) around a ROMix with ChaCha20/8, r = p = 1, 72-byte password
// commitment || LE8(index) || 32 zero bytes, empty salt, 32-byte output. One thread per label; the 128-byte state
// lives in registers; V keeps only even entries (lookup gap 2: 64*N bytes per thread) in an interleaved layout
// [entry][16-byte word][thread] so that neighbouring threads touch neighbouring memory.
//
// The file is also valid host C++ (the #ifndef block below) so that the algorithm can be checked on a CPU against
// the reference vectors without a GPU.

#ifndef __CUDACC__
#define __device__
#define __global__
#define __constant__ static const
#define __forceinline__ inline
struct uint4 { unsigned int x, y, z, w; };
#endif

typedef unsigned int u32;
typedef unsigned long long u64;

__constant__ u64 KECCAK_RC[24] = {
    0x0000000000000001ULL, 0x0000000000008082ULL, 0x800000000000808AULL, 0x8000000080008000ULL,
    0x000000000000808BULL, 0x0000000080000001ULL, 0x8000000080008081ULL, 0x8000000000008009ULL,
    0x000000000000008AULL, 0x0000000000000088ULL, 0x0000000080008009ULL, 0x000000008000000AULL,
    0x000000008000808BULL, 0x800000000000008BULL, 0x8000000000008089ULL, 0x8000000000008003ULL,
    0x8000000000008002ULL, 0x8000000000000080ULL, 0x000000000000800AULL, 0x800000008000000AULL,
    0x8000000080008081ULL, 0x8000000000008080ULL, 0x0000000080000001ULL, 0x8000000080008008ULL};
__constant__ int KECCAK_ROT[24] = {1, 3, 6, 10, 15, 21, 28, 36, 45, 55, 2, 14, 27, 41, 56, 8, 25, 43, 62, 18, 39, 61,
                                   20, 44};
__constant__ int KECCAK_PI[24] = {10, 7, 11, 17, 18, 3, 5, 16, 8, 21, 24, 4, 15, 23, 19, 13, 12, 2, 20, 14, 22, 9, 6, 1};

#define RATE_LANES 9       // Keccak-512 rate: 72 bytes
#define DIGEST_LANES 8     // 64-byte digest
#define PAD_FIRST 0x01ULL  // original Keccak padding: 0x01 ... 0x80 (not SHA-3's 0x06)
#define PAD_LAST 0x8000000000000000ULL

__device__ __forceinline__ u64 rotl64(u64 x, int n) { return (x << n) | (x >> (64 - n)); }
__device__ __forceinline__ u32 rotl32(u32 x, int n) { return (x << n) | (x >> (32 - n)); }

__device__ void keccak_f(u64 s[25]) {
    for (int round = 0; round < 24; round++) {
        u64 c[5];
#pragma unroll
        for (int x = 0; x < 5; x++) c[x] = s[x] ^ s[x + 5] ^ s[x + 10] ^ s[x + 15] ^ s[x + 20];
#pragma unroll
        for (int x = 0; x < 5; x++) {
            u64 d = c[(x + 4) % 5] ^ rotl64(c[(x + 1) % 5], 1);
#pragma unroll
            for (int y = 0; y < 25; y += 5) s[y + x] ^= d;
        }
        u64 t = s[1];
#pragma unroll
        for (int i = 0; i < 24; i++) {
            int j = KECCAK_PI[i];
            u64 tmp = s[j];
            s[j] = rotl64(t, KECCAK_ROT[i]);
            t = tmp;
        }
#pragma unroll
        for (int y = 0; y < 25; y += 5) {
            u64 b0 = s[y], b1 = s[y + 1], b2 = s[y + 2], b3 = s[y + 3], b4 = s[y + 4];
            s[y] = b0 ^ (~b1 & b2);
            s[y + 1] = b1 ^ (~b2 & b3);
            s[y + 2] = b2 ^ (~b3 & b4);
            s[y + 3] = b3 ^ (~b4 & b0);
            s[y + 4] = b4 ^ (~b0 & b1);
        }
        s[0] ^= KECCAK_RC[round];
    }
}

// The sponge after absorbing one 72-byte block (key lanes xor pad): the keyed HMAC inner or outer state.
__device__ void keyed_state(const u64 key[RATE_LANES], u64 pad, u64 s[25]) {
#pragma unroll
    for (int i = 0; i < 25; i++) s[i] = i < RATE_LANES ? key[i] ^ pad : 0;
    keccak_f(s);
}

// Finishes an HMAC from its keyed inner/outer states: 'block' holds the last (already padded) message block of the
// inner hash; earlier blocks must already be absorbed into 'inner'. Writes the 8 digest lanes.
__device__ void hmac_finish(const u64 keyed_outer[25], u64 inner[25], const u64 block[RATE_LANES],
                            u64 mac[DIGEST_LANES]) {
#pragma unroll
    for (int i = 0; i < RATE_LANES; i++) inner[i] ^= block[i];
    keccak_f(inner);
    u64 s[25];
#pragma unroll
    for (int i = 0; i < 25; i++) s[i] = keyed_outer[i];
#pragma unroll
    for (int i = 0; i < DIGEST_LANES; i++) s[i] ^= inner[i];
    s[8] ^= PAD_FIRST ^ PAD_LAST;  // the 64-byte digest fills all but the last lane of the block
    keccak_f(s);
#pragma unroll
    for (int i = 0; i < DIGEST_LANES; i++) mac[i] = s[i];
}

// PBKDF2 block i with an empty salt: HMAC(password, BE4(i)).
__device__ void pbkdf2_empty_salt(const u64 inner_key[25], const u64 outer_key[25], u32 i, u64 mac[DIGEST_LANES]) {
    u64 inner[25];
#pragma unroll
    for (int k = 0; k < 25; k++) inner[k] = inner_key[k];
    u64 block[RATE_LANES] = {0, 0, 0, 0, 0, 0, 0, 0, 0};
    // bytes 0..3 = BE4(i), byte 4 = first pad byte, byte 71 = last pad byte
    u32 be = ((i & 0xffu) << 24) | ((i & 0xff00u) << 8) | ((i >> 8) & 0xff00u) | (i >> 24);
    block[0] = (u64)be | (PAD_FIRST << 32);
    block[8] = PAD_LAST;
    hmac_finish(outer_key, inner, block, mac);
}

__device__ __forceinline__ void chacha8_xor(u32 out[16], const u32 in[16]) {
    // out = chacha8(out ^ in) + (out ^ in): the ChaCha core on the 16 words as they are, 4 double rounds
    u32 x[16], s[16];
#pragma unroll
    for (int i = 0; i < 16; i++) s[i] = x[i] = out[i] ^ in[i];
#define QR(a, b, c, d)                          \
    x[a] += x[b]; x[d] = rotl32(x[d] ^ x[a], 16); \
    x[c] += x[d]; x[b] = rotl32(x[b] ^ x[c], 12); \
    x[a] += x[b]; x[d] = rotl32(x[d] ^ x[a], 8);  \
    x[c] += x[d]; x[b] = rotl32(x[b] ^ x[c], 7);
#pragma unroll
    for (int r = 0; r < 4; r++) {
        QR(0, 4, 8, 12) QR(1, 5, 9, 13) QR(2, 6, 10, 14) QR(3, 7, 11, 15)
        QR(0, 5, 10, 15) QR(1, 6, 11, 12) QR(2, 7, 8, 13) QR(3, 4, 9, 14)
    }
#undef QR
#pragma unroll
    for (int i = 0; i < 16; i++) out[i] = x[i] + s[i];
}

// BlockMix for r = 1: Y0 = chacha8(X0 ^ X1), Y1 = chacha8(X1 ^ Y0); X = Y0 || Y1.
__device__ __forceinline__ void block_mix(u32 x[32]) {
    chacha8_xor(x, x + 16);
    chacha8_xor(x + 16, x);
}

// Word w of V entry 'slot' of thread tid. Threads are innermost, so the 32 threads of a warp moving the same word
// touch 512 contiguous bytes (one fully used transaction set) rather than 16 bytes in each of 32 lines.
__device__ __forceinline__ u64 entry_word(u64 slot, int w, u64 stride, u64 tid) {
    return (slot * 8 + w) * stride + tid;
}

__device__ __forceinline__ void store_entry(uint4* v, u64 slot, u64 stride, u64 tid, const u32 x[32]) {
#pragma unroll
    for (int w = 0; w < 8; w++) {
        uint4 q; q.x = x[4 * w]; q.y = x[4 * w + 1]; q.z = x[4 * w + 2]; q.w = x[4 * w + 3];
        v[entry_word(slot, w, stride, tid)] = q;
    }
}

__device__ __forceinline__ void load_entry(const uint4* v, u64 slot, u64 stride, u64 tid, u32 t[32]) {
#pragma unroll
    for (int w = 0; w < 8; w++) {
        uint4 q = v[entry_word(slot, w, stride, tid)];
        t[4 * w] = q.x; t[4 * w + 1] = q.y; t[4 * w + 2] = q.z; t[4 * w + 3] = q.w;
    }
}

// One label: commitment as 4 little-endian lanes; writes the 32-byte output as 4 little-endian lanes.
// v: this launch's scratch, n/2 entries per thread, stride = threads the scratch was sized for, tid < stride.
__device__ void scrypt_label(const u64 commitment[4], u64 index, u32 n, uint4* v, u64 stride, u64 tid,
                             u64 result[4]) {
    u64 key[RATE_LANES] = {commitment[0], commitment[1], commitment[2], commitment[3], index, 0, 0, 0, 0};
    u64 inner_key[25], outer_key[25];
    keyed_state(key, 0x3636363636363636ULL, inner_key);
    keyed_state(key, 0x5c5c5c5c5c5c5c5cULL, outer_key);

    u64 mac[DIGEST_LANES];
    u32 x[32];
    pbkdf2_empty_salt(inner_key, outer_key, 1, mac);
#pragma unroll
    for (int i = 0; i < 8; i++) { x[2 * i] = (u32)mac[i]; x[2 * i + 1] = (u32)(mac[i] >> 32); }
    pbkdf2_empty_salt(inner_key, outer_key, 2, mac);
#pragma unroll
    for (int i = 0; i < 8; i++) { x[16 + 2 * i] = (u32)mac[i]; x[16 + 2 * i + 1] = (u32)(mac[i] >> 32); }

    // ROMix, lookup gap 2: only even V entries are kept; an odd one is rebuilt from its even neighbour.
    for (u32 i = 0; i < n; i++) {
        if ((i & 1) == 0) store_entry(v, i >> 1, stride, tid, x);
        block_mix(x);
    }
    u32 t[32];
    for (u32 i = 0; i < n; i++) {
        u32 j = x[16] & (n - 1);
        load_entry(v, j >> 1, stride, tid, t);
        if (j & 1) block_mix(t);
#pragma unroll
        for (int k = 0; k < 32; k++) x[k] ^= t[k];
        block_mix(x);
    }

    // Final PBKDF2 with the mixed 128 bytes as salt: HMAC(password, X || BE4(1)), 132 bytes = 2 blocks.
    u64 inner[25];
#pragma unroll
    for (int k = 0; k < 25; k++) inner[k] = inner_key[k];
#pragma unroll
    for (int k = 0; k < RATE_LANES; k++) inner[k] ^= (u64)x[2 * k] | ((u64)x[2 * k + 1] << 32);
    keccak_f(inner);
    u64 block[RATE_LANES];
#pragma unroll
    for (int k = 0; k < 7; k++) block[k] = (u64)x[18 + 2 * k] | ((u64)x[18 + 2 * k + 1] << 32);
    block[7] = 0x01000000ULL | (PAD_FIRST << 32);  // BE4(1) then the first pad byte
    block[8] = PAD_LAST;
    hmac_finish(outer_key, inner, block, mac);
#pragma unroll
    for (int k = 0; k < 4; k++) result[k] = mac[k];
}

#ifdef __CUDACC__
// Labels start .. start + count - 1: thread tid computes label start + tid and writes its 32-byte output at out[4*tid].
extern "C" __global__ void scrypt_labels(const u64* commitment, u64 start, u32 count, u32 n, uint4* scratch,
                                         u64 stride, u64* out) {
    u64 tid = (u64)blockIdx.x * blockDim.x + threadIdx.x;
    if (tid >= count || tid >= stride) return;
    u64 c[4] = {commitment[0], commitment[1], commitment[2], commitment[3]};
    u64 r[4];
    scrypt_label(c, start + tid, n, scratch, stride, tid, r);
#pragma unroll
    for (int k = 0; k < 4; k++) out[4 * tid + k] = r[k];
}
#endif
