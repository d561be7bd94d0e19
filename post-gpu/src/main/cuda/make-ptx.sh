#!/bin/sh
# Regenerates the PTX shipped next to the CUDA kernel source, for GPU machines that have the driver (libcuda) but no
# NVRTC library. Any nvcc >= 11 works; the ISA version is pinned to 7.0 (CUDA 11.0) so that older drivers load it too
# (ptxas accepts the kernel at that version: it uses no newer PTX feature). Target sm_75: Turing and newer.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
res="$here/../resources/io/smnode/post/cuda"
nvcc -ptx -arch=compute_75 "$res/scrypt_jane.cu" -o "$res/scrypt_jane.ptx.tmp"
sed 's/^\.version [0-9.]*$/.version 7.0/' "$res/scrypt_jane.ptx.tmp" > "$res/scrypt_jane.ptx"
rm "$res/scrypt_jane.ptx.tmp"
ptxas -arch=sm_75 "$res/scrypt_jane.ptx" -o /dev/null
