#!/bin/bash
# Runs on a GPU machine from the folder that build-package.sh filled: the kernel variants (old and new, each checked
# against the host build of the label function), the Java backend through BackendBench and an initialization compared
# with the CPU (CudaBench), `post init` timed with the old and the new backend (InitTiming), an ncu profile of the
# new kernel and SASS instruction counts. Everything goes to stdout and to $OUT.
set -u
OUT=${OUT:-/tmp/gpu-out}
mkdir -p "$OUT"
cd "$(dirname "$0")"
exec > >(tee -a "$OUT/log.txt") 2>&1
date -u
nvidia-smi --query-gpu=name,memory.total,memory.used,clocks.sm,clocks.max.sm,driver_version,power.draw --format=csv
nproc
VARIANTS=${VARIANTS:-"old new new_mb5 new_mb1 new_gap1 new_c2 new_c2_mb2"}
if ! bin/bench_new probe 512 1 1 >/dev/null 2>&1; then
    echo "prebuilt benchmarks do not run here: rebuilding with $(command -v nvcc)"
    for v in $VARIANTS; do
        case $v in
            old) f=scrypt_jane_old.cu; d=-DOLD_KERNEL ;;
            new) f=scrypt_jane.cu; d= ;;
            new_mb5) f=scrypt_jane.cu; d=-DSCRYPT_MIN_BLOCKS=5 ;;
            new_mb1) f=scrypt_jane.cu; d=-DSCRYPT_MIN_BLOCKS=1 ;;
            new_gap1) f=scrypt_jane.cu; d=-DSCRYPT_LOOKUP_GAP=1 ;;
            new_c2) f=scrypt_jane.cu; d="-DSCRYPT_CHAINS=2 -DSCRYPT_MIN_BLOCKS=3" ;;
            new_c2_mb2) f=scrypt_jane.cu; d="-DSCRYPT_CHAINS=2 -DSCRYPT_MIN_BLOCKS=2" ;;
        esac
        # one at a time: parallel builds with this script's `exec > >(tee ...)` and a bare `wait` hang
        nvcc -O3 -arch=sm_90 -Isrc -DKERNEL_FILE="\"$f\"" $d -o bin/bench_$v src/label_bench.cu src/host_ref.cpp
    done
fi
echo "== kernel variants, N = 8192, 4 labels per thread per launch, median of 5 launches"
for v in $VARIANTS; do timeout 90 bin/bench_$v $v 8192 4 5; echo "bench_$v rc=$?"; done
tar xzf jre17.tgz -C /tmp
J=/tmp/jre17/bin/java
echo "== CudaBench (Java backend through BackendBench, init compared with the CPU, timed init)"
timeout 240 $J -cp "lib/*:new/*" io.smnode.post.cuda.CudaBench 8192 ${SECONDS_PER_RATE:-10} 65536 16777216 /tmp/cb \
    | tee "$OUT/cudabench.json"
rm -rf /tmp/cb
echo "== post init (InitTiming), old then new backend, 16,777,216 labels at N = 8192"
for v in old new; do
    timeout 150 $J -cp "lib/*:$v/*" InitTiming 16777216 8192 /tmp/init_$v
    rm -rf /tmp/init_$v
done
if [ "${PROFILE:-1}" = 1 ]; then
    echo "== ncu, one launch of the new kernel at N = 8192"
    NCU=$(command -v ncu || ls /opt/nvidia/nsight-compute/*/ncu 2>/dev/null | head -1)
    timeout 120 "$NCU" --clock-control none --launch-skip 4 --launch-count 1 --section SpeedOfLight \
        --section ComputeWorkloadAnalysis --section MemoryWorkloadAnalysis --section Occupancy \
        --section WarpStateStats --section InstructionStats bin/bench_new ncu 8192 1 1 > "$OUT/ncu.txt" 2>&1
    grep -E "Throughput|Pipe|Issue|Occupancy|Registers|Stall|Executed Ipc|Duration|L1|L2|DRAM" "$OUT/ncu.txt" | head -60
fi
echo "== SASS opcode counts"
mkdir -p /tmp/sass
for v in old new new_c2; do
    cuobjdump -sass bin/bench_$v > /tmp/sass/$v.sass 2>&1
    echo "-- $v"; grep -oE '^ +/\*[0-9a-f]{4}\*/ +[A-Z0-9_.]+' /tmp/sass/$v.sass | awk '{print $2}' | cut -d. -f1 \
        | sort | uniq -c | sort -rn | head -14 | tr '\n' ' '; echo
done
tar czf "$OUT/sass.tgz" -C /tmp sass
date -u
