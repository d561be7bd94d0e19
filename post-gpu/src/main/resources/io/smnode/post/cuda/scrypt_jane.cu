// scrypt-jane labels for PoST initialization on CUDA (spec 08-post.md sections 1.2 and 1.5): HMAC-Keccak-512 (original
// Keccak padding, 72-byte block) around a ROMix with ChaCha20/8, r = p = 1, 72-byte password
// commitment || LE8(index) || 32 zero bytes, empty salt, 32-byte output.
//
// Design (measured on an H200, post-gpu/CUDA.md):
// - One thread per label, a grid sized to what the device holds resident; each thread computes labels
//   tid, tid + threads, ... of the launch one after another in its own scratch, so scratch is sized by residency,
//   not by labels per launch.
// - Scratch is contiguous per thread: each 128-byte V entry is one line of memory, so the random reads of the
//   second ROMix loop are one 128-byte access each (the interleaved [entry][word][thread] layout made each of them
//   eight scattered 16-byte accesses).
// - Lookup gap 2 (only even V entries kept) without the divergence it usually costs: in the second loop every lane
//   does exactly one BlockMix per step, either rebuilding an odd entry or mixing the state, so lanes whose lookup
//   is even do not wait for the lanes that rebuild (a branchy version runs both paths for the whole warp).
// - The Keccak lanes are named registers (theta, rho, pi and chi written out), never an array indexed at run time,
//   and the HMAC keyed states are recomputed rather than kept alive across ROMix: no local memory, few registers.
//
// The file is also valid host C++ (the #ifndef block below) so that the label function can be checked on a CPU
// against the reference vectors without a GPU.

#ifndef __CUDACC__
#define __device__
#define __global__
#define __constant__ static const
#define __forceinline__ inline
#define __launch_bounds__(threads, blocks)
struct uint4 { unsigned int x, y, z, w; };
static inline unsigned int __funnelshift_l(unsigned int lo, unsigned int hi, unsigned int n) {
    n &= 31;
    return n == 0 ? hi : (hi << n) | (lo >> (32 - n));
}
#endif

typedef unsigned int u32;
typedef unsigned long long u64;

// Lookup gap: 2 keeps N/2 entries (64*N bytes per thread); 1 keeps all of them. Must be 1 or 2.
#ifndef SCRYPT_LOOKUP_GAP
#define SCRYPT_LOOKUP_GAP 2
#endif
// The block size the kernel is compiled for and how many such blocks must fit on one multiprocessor: this caps the
// registers per thread (65536 / (128 * 4) = 128) so that enough warps hide the latency of the random reads.
// Labels per thread computed side by side: with 2, one label's ROMix mixes while the other's lookup is in flight
// (168 registers at 3 blocks of 128; correct on the host, not yet timed on a device). LaunchGeometry.CHAINS must
// match.
#ifndef SCRYPT_CHAINS
#define SCRYPT_CHAINS 1
#endif
#ifndef SCRYPT_BLOCK
#define SCRYPT_BLOCK 128
#endif
#ifndef SCRYPT_MIN_BLOCKS
#define SCRYPT_MIN_BLOCKS 4
#endif

__constant__ u64 KECCAK_RC[24] = {
    0x0000000000000001ULL, 0x0000000000008082ULL, 0x800000000000808AULL, 0x8000000080008000ULL,
    0x000000000000808BULL, 0x0000000080000001ULL, 0x8000000080008081ULL, 0x8000000000008009ULL,
    0x000000000000008AULL, 0x0000000000000088ULL, 0x0000000080008009ULL, 0x000000008000000AULL,
    0x000000008000808BULL, 0x800000000000008BULL, 0x8000000000008089ULL, 0x8000000000008003ULL,
    0x8000000000008002ULL, 0x8000000000000080ULL, 0x000000000000800AULL, 0x800000008000000AULL,
    0x8000000080008081ULL, 0x8000000000008080ULL, 0x0000000080000001ULL, 0x8000000080008008ULL};

#define RATE_LANES 9       // Keccak-512 rate: 72 bytes
#define DIGEST_LANES 8     // 64-byte digest
#define PAD_FIRST 0x01ULL  // original Keccak padding: 0x01 ... 0x80 (not SHA-3's 0x06)
#define PAD_LAST 0x8000000000000000ULL
#define IPAD 0x3636363636363636ULL
#define OPAD 0x5c5c5c5c5c5c5c5cULL

__device__ __forceinline__ u64 rotl64(u64 x, int n) { return (x << n) | (x >> (64 - n)); }
__device__ __forceinline__ u32 rotl32(u32 x, int n) { return __funnelshift_l(x, x, n); }

// Keccak-f[1600]. Lane (x, y) is a[x + 5y]; b holds the lanes after theta, rho and pi at their new positions.
__device__ __forceinline__ void keccak_f(u64 a[25]) {
#ifdef __CUDACC__
#pragma unroll 1
#endif
    for (int round = 0; round < 24; round++) {
        u64 c0 = a[0] ^ a[5] ^ a[10] ^ a[15] ^ a[20];
        u64 c1 = a[1] ^ a[6] ^ a[11] ^ a[16] ^ a[21];
        u64 c2 = a[2] ^ a[7] ^ a[12] ^ a[17] ^ a[22];
        u64 c3 = a[3] ^ a[8] ^ a[13] ^ a[18] ^ a[23];
        u64 c4 = a[4] ^ a[9] ^ a[14] ^ a[19] ^ a[24];
        u64 d0 = c4 ^ rotl64(c1, 1), d1 = c0 ^ rotl64(c2, 1), d2 = c1 ^ rotl64(c3, 1);
        u64 d3 = c2 ^ rotl64(c4, 1), d4 = c3 ^ rotl64(c0, 1);
        u64 b0 = a[0] ^ d0, b1 = rotl64(a[6] ^ d1, 44), b2 = rotl64(a[12] ^ d2, 43);
        u64 b3 = rotl64(a[18] ^ d3, 21), b4 = rotl64(a[24] ^ d4, 14);
        u64 b5 = rotl64(a[3] ^ d3, 28), b6 = rotl64(a[9] ^ d4, 20), b7 = rotl64(a[10] ^ d0, 3);
        u64 b8 = rotl64(a[16] ^ d1, 45), b9 = rotl64(a[22] ^ d2, 61);
        u64 b10 = rotl64(a[1] ^ d1, 1), b11 = rotl64(a[7] ^ d2, 6), b12 = rotl64(a[13] ^ d3, 25);
        u64 b13 = rotl64(a[19] ^ d4, 8), b14 = rotl64(a[20] ^ d0, 18);
        u64 b15 = rotl64(a[4] ^ d4, 27), b16 = rotl64(a[5] ^ d0, 36), b17 = rotl64(a[11] ^ d1, 10);
        u64 b18 = rotl64(a[17] ^ d2, 15), b19 = rotl64(a[23] ^ d3, 56);
        u64 b20 = rotl64(a[2] ^ d2, 62), b21 = rotl64(a[8] ^ d3, 55), b22 = rotl64(a[14] ^ d4, 39);
        u64 b23 = rotl64(a[15] ^ d0, 41), b24 = rotl64(a[21] ^ d1, 2);
        a[0] = b0 ^ (~b1 & b2) ^ KECCAK_RC[round];
        a[1] = b1 ^ (~b2 & b3);
        a[2] = b2 ^ (~b3 & b4);
        a[3] = b3 ^ (~b4 & b0);
        a[4] = b4 ^ (~b0 & b1);
        a[5] = b5 ^ (~b6 & b7);
        a[6] = b6 ^ (~b7 & b8);
        a[7] = b7 ^ (~b8 & b9);
        a[8] = b8 ^ (~b9 & b5);
        a[9] = b9 ^ (~b5 & b6);
        a[10] = b10 ^ (~b11 & b12);
        a[11] = b11 ^ (~b12 & b13);
        a[12] = b12 ^ (~b13 & b14);
        a[13] = b13 ^ (~b14 & b10);
        a[14] = b14 ^ (~b10 & b11);
        a[15] = b15 ^ (~b16 & b17);
        a[16] = b16 ^ (~b17 & b18);
        a[17] = b17 ^ (~b18 & b19);
        a[18] = b18 ^ (~b19 & b15);
        a[19] = b19 ^ (~b15 & b16);
        a[20] = b20 ^ (~b21 & b22);
        a[21] = b21 ^ (~b22 & b23);
        a[22] = b22 ^ (~b23 & b24);
        a[23] = b23 ^ (~b24 & b20);
        a[24] = b24 ^ (~b20 & b21);
    }
}

// The sponge after absorbing the 72-byte HMAC key block xor pad: the keyed inner (IPAD) or outer (OPAD) state.
// Recomputed where needed (one permutation) instead of kept: 25 live lanes would cost 50 registers in ROMix.
__device__ __forceinline__ void keyed_state(const u64 key[5], u64 pad, u64 s[25]) {
#pragma unroll
    for (int i = 0; i < 25; i++) s[i] = i < 5 ? key[i] ^ pad : (i < RATE_LANES ? pad : 0);
    keccak_f(s);
}

// Finishes an HMAC whose inner sponge 's' has absorbed all but the last (already padded) block: absorbs 'block',
// then hashes the inner digest under the outer key. Writes the 8 digest lanes.
__device__ __forceinline__ void hmac_finish(const u64 key[5], u64 s[25], const u64 block[RATE_LANES],
                                            u64 mac[DIGEST_LANES]) {
#pragma unroll
    for (int i = 0; i < RATE_LANES; i++) s[i] ^= block[i];
    keccak_f(s);
    u64 inner[DIGEST_LANES];
#pragma unroll
    for (int i = 0; i < DIGEST_LANES; i++) inner[i] = s[i];
    keyed_state(key, OPAD, s);
#pragma unroll
    for (int i = 0; i < DIGEST_LANES; i++) s[i] ^= inner[i];
    s[8] ^= PAD_FIRST ^ PAD_LAST;  // the 64-byte digest fills all but the last lane of the block
    keccak_f(s);
#pragma unroll
    for (int i = 0; i < DIGEST_LANES; i++) mac[i] = s[i];
}

// PBKDF2 block i with an empty salt: HMAC(password, BE4(i)), as 16 little-endian words.
__device__ __forceinline__ void pbkdf2_empty_salt(const u64 key[5], u32 i, u32 words[16]) {
    u64 s[25];
    keyed_state(key, IPAD, s);
    u64 block[RATE_LANES] = {0, 0, 0, 0, 0, 0, 0, 0, 0};
    // bytes 0..3 = BE4(i), byte 4 = first pad byte, byte 71 = last pad byte
    u32 be = ((i & 0xffu) << 24) | ((i & 0xff00u) << 8) | ((i >> 8) & 0xff00u) | (i >> 24);
    block[0] = (u64)be | (PAD_FIRST << 32);
    block[8] = PAD_LAST;
    u64 mac[DIGEST_LANES];
    hmac_finish(key, s, block, mac);
#pragma unroll
    for (int k = 0; k < 8; k++) { words[2 * k] = (u32)mac[k]; words[2 * k + 1] = (u32)(mac[k] >> 32); }
}

// ChaCha quarter-round as add, xor and funnel-shift rotate (SHF.L.W): four independent ones per half round. (Byte
// permutes for the rotations by 16 and 8 measured the same on an H200.)
#define QR(a, b, c, d)                          \
    a += b; d = rotl32(d ^ a, 16);               \
    c += d; b = rotl32(b ^ c, 12);               \
    a += b; d = rotl32(d ^ a, 8);                \
    c += d; b = rotl32(b ^ c, 7);

// out = chacha8(s) + s with s = out ^ in: the ChaCha core on the 16 words as they are, 4 double rounds.
__device__ __forceinline__ void chacha8_xor(u32 out[16], const u32 in[16]) {
    u32 x[16], s[16];
#pragma unroll
    for (int i = 0; i < 16; i++) s[i] = x[i] = out[i] ^ in[i];
#pragma unroll
    for (int r = 0; r < 4; r++) {
        QR(x[0], x[4], x[8], x[12]) QR(x[1], x[5], x[9], x[13]) QR(x[2], x[6], x[10], x[14]) QR(x[3], x[7], x[11], x[15])
        QR(x[0], x[5], x[10], x[15]) QR(x[1], x[6], x[11], x[12]) QR(x[2], x[7], x[8], x[13]) QR(x[3], x[4], x[9], x[14])
    }
#pragma unroll
    for (int i = 0; i < 16; i++) out[i] = x[i] + s[i];
}
#undef QR

// BlockMix for r = 1: Y0 = chacha8(X0 ^ X1), Y1 = chacha8(X1 ^ Y0); X = Y0 || Y1.
__device__ __forceinline__ void block_mix(u32 x[32]) {
    chacha8_xor(x, x + 16);
    chacha8_xor(x + 16, x);
}

// V entry e of this thread: 8 consecutive 16-byte words, one 128-byte line.
__device__ __forceinline__ void store_entry(uint4* v, u32 e, const u32 x[32]) {
    uint4* p = v + e * 8u;
#pragma unroll
    for (int w = 0; w < 8; w++) {
        uint4 q; q.x = x[4 * w]; q.y = x[4 * w + 1]; q.z = x[4 * w + 2]; q.w = x[4 * w + 3];
        p[w] = q;
    }
}

__device__ __forceinline__ void load_entry(const uint4* v, u32 e, u32 t[32]) {
    const uint4* p = v + e * 8u;
#pragma unroll
    for (int w = 0; w < 8; w++) {
        uint4 q = p[w];
        t[4 * w] = q.x; t[4 * w + 1] = q.y; t[4 * w + 2] = q.z; t[4 * w + 3] = q.w;
    }
}

// One step of the second ROMix loop. 'x' and 't' are the two 32-word register sets: before the step one holds the
// state and the other the looked-up entry. A pending step (odd lookup j) turns the stored entry V[j-1] in 't' into
// V[j] and leaves the state in 'x'; a mixing step computes BlockMix(state ^ V[j]) into 't' and loads the next
// lookup into 'x'. Either way 't' then plays 'x' and 'x' plays 't' in the next step (the caller swaps the
// arguments), which is what lets both kinds of step share one instruction stream. Returns true after the last mix.
__device__ __forceinline__ bool romix_step(u32 x[32], u32 t[32], const uint4* v, u32 mask, u32& pending,
                                           u32& left) {
    u32 keep = pending ? 0u : 0xffffffffu;
#pragma unroll
    for (int k = 0; k < 32; k++) t[k] ^= x[k] & keep;
    block_mix(t);
    if (pending) {
        pending = 0;
        return false;
    }
    if (--left == 0) return true;
    u32 j = t[16] & mask;
    load_entry(v, j / SCRYPT_LOOKUP_GAP, x);
    pending = j & (SCRYPT_LOOKUP_GAP - 1);
    return false;
}

// ROMix, lookup gap SCRYPT_LOOKUP_GAP, in this thread's scratch v ((n / gap) entries); the state is x on return.
__device__ __forceinline__ void romix(u32 x[32], u32 n, uint4* v) {
    for (u32 i = 0; i < n; i += SCRYPT_LOOKUP_GAP) {
        store_entry(v, i / SCRYPT_LOOKUP_GAP, x);
#pragma unroll
        for (int g = 0; g < SCRYPT_LOOKUP_GAP; g++) block_mix(x);
    }
    u32 mask = n - 1;
    u32 t[32];
    u32 j = x[16] & mask;
    load_entry(v, j / SCRYPT_LOOKUP_GAP, t);
    u32 pending = j & (SCRYPT_LOOKUP_GAP - 1);
    u32 left = n;
    for (;;) {
        if (romix_step(x, t, v, mask, pending, left)) {
#pragma unroll
            for (int k = 0; k < 32; k++) x[k] = t[k];
            return;
        }
        if (romix_step(t, x, v, mask, pending, left)) return;
    }
}

// Two labels' ROMix interleaved step by step (x with scratch va, y with vb): while one chain's lookup is in flight
// the other chain mixes, so a warp hides its own memory latency.
__device__ __forceinline__ void romix2(u32 x[32], u32 y[32], u32 n, uint4* va, uint4* vb) {
    for (u32 i = 0; i < n; i += SCRYPT_LOOKUP_GAP) {
        store_entry(va, i / SCRYPT_LOOKUP_GAP, x);
        store_entry(vb, i / SCRYPT_LOOKUP_GAP, y);
#pragma unroll
        for (int g = 0; g < SCRYPT_LOOKUP_GAP; g++) {
            block_mix(x);
            block_mix(y);
        }
    }
    u32 mask = n - 1;
    u32 xt[32], yt[32];
    u32 j = x[16] & mask;
    load_entry(va, j / SCRYPT_LOOKUP_GAP, xt);
    u32 px = j & (SCRYPT_LOOKUP_GAP - 1), lx = n;
    j = y[16] & mask;
    load_entry(vb, j / SCRYPT_LOOKUP_GAP, yt);
    u32 py = j & (SCRYPT_LOOKUP_GAP - 1), ly = n;
    bool dx = false, dy = false;
    for (;;) {
        if (!dx && romix_step(x, xt, va, mask, px, lx)) {
#pragma unroll
            for (int k = 0; k < 32; k++) x[k] = xt[k];
            dx = true;
        }
        if (!dy && romix_step(y, yt, vb, mask, py, ly)) {
#pragma unroll
            for (int k = 0; k < 32; k++) y[k] = yt[k];
            dy = true;
        }
        if (dx && dy) return;
        if (!dx && romix_step(xt, x, va, mask, px, lx)) dx = true;
        if (!dy && romix_step(yt, y, vb, mask, py, ly)) dy = true;
        if (dx && dy) return;
    }
}

// The 128-byte ROMix input of a label: PBKDF2 blocks 1 and 2 of the password under an empty salt.
__device__ __forceinline__ void label_input(const u64 key[5], u32 x[32]) {
    pbkdf2_empty_salt(key, 1, x);
    pbkdf2_empty_salt(key, 2, x + 16);
}

// The 32-byte output from the mixed state: HMAC(password, X || BE4(1)), 132 bytes = 2 blocks, first 4 lanes.
__device__ __forceinline__ void label_output(const u64 key[5], const u32 x[32], u64 result[4]) {
    u64 s[25];
    keyed_state(key, IPAD, s);
#pragma unroll
    for (int k = 0; k < RATE_LANES; k++) s[k] ^= (u64)x[2 * k] | ((u64)x[2 * k + 1] << 32);
    keccak_f(s);
    u64 block[RATE_LANES];
#pragma unroll
    for (int k = 0; k < 7; k++) block[k] = (u64)x[18 + 2 * k] | ((u64)x[18 + 2 * k + 1] << 32);
    block[7] = 0x01000000ULL | (PAD_FIRST << 32);  // BE4(1) then the first pad byte
    block[8] = PAD_LAST;
    u64 mac[DIGEST_LANES];
    hmac_finish(key, s, block, mac);
#pragma unroll
    for (int k = 0; k < 4; k++) result[k] = mac[k];
}

// One label: commitment as 4 little-endian lanes; writes the 32-byte output as 4 little-endian lanes.
// v: this thread's scratch, (n / SCRYPT_LOOKUP_GAP) entries of 128 bytes.
__device__ __forceinline__ void scrypt_label(const u64 commitment[4], u64 index, u32 n, uint4* v, u64 result[4]) {
    u64 key[5] = {commitment[0], commitment[1], commitment[2], commitment[3], index};  // lanes 5..8 are zero
    u32 x[32];
    label_input(key, x);
    romix(x, n, v);
    label_output(key, x, result);
}

// Two labels side by side (romix2): va and vb each hold (n / SCRYPT_LOOKUP_GAP) entries.
__device__ __forceinline__ void scrypt_label2(const u64 commitment[4], u64 ia, u64 ib, u32 n, uint4* va, uint4* vb,
                                              u64 ra[4], u64 rb[4]) {
    u64 key[5] = {commitment[0], commitment[1], commitment[2], commitment[3], ia};
    u32 x[32], y[32];
    label_input(key, x);
    key[4] = ib;
    label_input(key, y);
    romix2(x, y, n, va, vb);
    label_output(key, y, rb);
    key[4] = ia;
    label_output(key, x, ra);
}

#ifdef __CUDACC__
__device__ __forceinline__ void write_output(u64* out, u32 i, const u64 r[4]) {
    uint4* o = (uint4*)(out + 4 * (size_t)i);
    uint4 lo, hi;
    lo.x = (u32)r[0]; lo.y = (u32)(r[0] >> 32); lo.z = (u32)r[1]; lo.w = (u32)(r[1] >> 32);
    hi.x = (u32)r[2]; hi.y = (u32)(r[2] >> 32); hi.z = (u32)r[3]; hi.w = (u32)(r[3] >> 32);
    o[0] = lo;
    o[1] = hi;
}

// Labels start .. start + count - 1. Thread tid of the grid computes labels tid, tid + threads, ... (with two chains
// the pair i, i + threads at a time) in its own scratch area (threads * SCRYPT_CHAINS * (n / gap) entries in all)
// and writes each 32-byte output at out[4 * i].
extern "C" __global__ void __launch_bounds__(SCRYPT_BLOCK, SCRYPT_MIN_BLOCKS)
scrypt_labels(const u64* __restrict__ commitment, u64 start, u32 count, u32 n, uint4* __restrict__ scratch,
              u64* __restrict__ out) {
    u32 tid = blockIdx.x * blockDim.x + threadIdx.x;
    u32 threads = gridDim.x * blockDim.x;
    size_t entries = n / SCRYPT_LOOKUP_GAP;
    uint4* v = scratch + (size_t)tid * SCRYPT_CHAINS * entries * 8;
    u64 c[4] = {commitment[0], commitment[1], commitment[2], commitment[3]};
#if SCRYPT_CHAINS == 2
    for (u32 i = tid; i < count; i += 2 * threads) {
        u32 k = i + threads;  // past the end: computed alongside, not written
        u64 ra[4], rb[4];
        scrypt_label2(c, start + i, start + k, n, v, v + entries * 8, ra, rb);
        write_output(out, i, ra);
        if (k < count) write_output(out, k, rb);
    }
#else
    for (u32 i = tid; i < count; i += threads) {
        u64 r[4];
        scrypt_label(c, start + i, n, v, r);
        write_output(out, i, r);
    }
#endif
}
#endif
