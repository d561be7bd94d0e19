#!/bin/sh
# Builds the label kernel benchmarks for an H100/H200 (sm_90) into DIR: the shipped kernel in several variants and
# the original kernel (from git, commit BASE) for comparison, each a label_bench executable, plus the shipped PTX.
#   usage: build.sh DIR [BASE=0973cf6]
set -eu
out=$1
base=${2:-0973cf6}
here=$(cd "$(dirname "$0")" && pwd)
kernels="$here/../../src/main/resources/io/smnode/post/cuda"
mkdir -p "$out/src"
cp "$kernels/scrypt_jane.cu" "$out/src/scrypt_jane.cu"
git -C "$here" show "$base:post-gpu/src/main/resources/io/smnode/post/cuda/scrypt_jane.cu" > "$out/src/scrypt_jane_old.cu"
cp "$here/label_bench.cu" "$here/host_ref.cpp" "$out/src/"
g++ -O3 -c -o "$out/src/host_ref.o" -I"$out/src" "$here/host_ref.cpp" 2>/dev/null
build() { # name kernel-file flags...
    name=$1; file=$2; shift 2
    nvcc -O3 -arch=sm_90 -I"$out/src" -DKERNEL_FILE="\"$file\"" "$@" -o "$out/bench_$name" \
        "$out/src/label_bench.cu" "$out/src/host_ref.o"
}
build old scrypt_jane_old.cu -DOLD_KERNEL
build new scrypt_jane.cu
build new_mb5 scrypt_jane.cu -DSCRYPT_MIN_BLOCKS=5
build new_mb1 scrypt_jane.cu -DSCRYPT_MIN_BLOCKS=1
build new_gap1 scrypt_jane.cu -DSCRYPT_LOOKUP_GAP=1
build new_c2 scrypt_jane.cu -DSCRYPT_CHAINS=2 -DSCRYPT_MIN_BLOCKS=3
build new_c2_mb2 scrypt_jane.cu -DSCRYPT_CHAINS=2 -DSCRYPT_MIN_BLOCKS=2
ls -la "$out"
