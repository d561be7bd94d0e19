#!/usr/bin/env bash
# One logical smnode on this machine, three JVMs on loopback: a consensus member (the data dir, the seed at
# 127.0.0.1:25520) and two validation members that pull ATX validation work from it. The first example of
# clustering in the README; the same role files run on separate machines with CLUSTER_HOST / CLUSTER_SEED_HOST set.
#
#   cluster-config/local/start.sh [DATA_DIR] [-- extra options for every member, e.g. --preset localnet]
#
# Logs go to DATA_DIR/<member>.log; metrics of the members at http://127.0.0.1:9100..9102/metrics. Ctrl-C (or
# SIGTERM) stops the validation members first, then the consensus member, each through its clean shutdown.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
data="${1:-$root/target/local-cluster}"
[ $# -gt 0 ] && shift
[ "${1:-}" = "--" ] && shift
mkdir -p "$data"
pids=()

stop_all() {
  # Youngest first: workers leave, then the consensus member (the singleton) stops last.
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    kill -TERM "${pids[$i]}" 2>/dev/null || true
    wait "${pids[$i]}" 2>/dev/null || true
  done
}
trap stop_all EXIT INT TERM

# Build once up front, so that the three JVMs do not race to build the jar.
"$root/smnode" version >/dev/null

# Waits until a member's log says it is Up in the cluster (or gives up after 120 s).
await_up() {
  local log="$1" deadline=$((SECONDS + 120))
  until grep -q "to \[Up\]\|is Up\|Welcome from" "$log" 2>/dev/null; do
    if ((SECONDS > deadline)); then echo "no cluster membership in $log after 120 s" >&2; exit 1; fi
    sleep 0.5
  done
}

echo "consensus member: data in $data/consensus, log $data/consensus.log"
"$root/smnode" run --cluster-config "$root/cluster-config/roles/consensus.conf" --data-dir "$data/consensus" \
  --set metrics.enabled=true --set metrics.port=9100 "$@" >"$data/consensus.log" 2>&1 &
pids+=($!)
await_up "$data/consensus.log"

for n in 1 2; do
  echo "validation member $n: log $data/validation-$n.log"
  "$root/smnode" run --cluster-config "$root/cluster-config/roles/validation.conf" --data-dir "$data/validation-$n" \
    --set metrics.enabled=true --set metrics.port=$((9100 + n)) "$@" >"$data/validation-$n.log" 2>&1 &
  pids+=($!)
done
for n in 1 2; do await_up "$data/validation-$n.log"; done

echo "cluster up: 1 consensus + 2 validation members. Status: ./smnode cluster status --cluster-config cluster-config/roles/validation.conf"
wait -n "${pids[@]}"
