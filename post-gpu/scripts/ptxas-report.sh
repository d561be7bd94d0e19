#!/bin/sh
# Prints ptxas's register, stack-frame and spill report for the shipped label kernel on Ampere (sm_80) and Hopper
# (sm_90), for the shipped configuration and, with arguments, for any -D flags of the kernel (e.g.
# "-DSCRYPT_CHAINS=2 -DSCRYPT_MIN_BLOCKS=3"). Needs nvcc (any CUDA 11+; 13 here).
#   usage: post-gpu/scripts/ptxas-report.sh [nvcc flags...]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
cu="$here/../src/main/resources/io/smnode/post/cuda/scrypt_jane.cu"
for arch in sm_80 sm_90; do
    echo "== $arch $*"
    nvcc -arch=$arch "$@" -Xptxas -v -c -o /dev/null "$cu" 2>&1 | grep -E "registers|spill|stack frame" | sed 's/^ptxas info *: //'
done
