#!/usr/bin/env bash
# The standalone node's figures: the time from genesis to the first applied block, the CPU time per layer and the
# resident memory after EPOCHS epochs. It runs ./smnode run --preset standalone on a fresh data dir (Linux: it reads
# the process's /proc entries), waits for the operator's line of the last layer of epoch EPOCHS, and prints one JSON
# object. Usage: node/bench/standalone-figures.sh [EPOCHS (default 10)] [extra smnode run options...]
# Ten epochs of the standalone preset (6 s layers, 10 layers an epoch) take about 11 minutes.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
epochs="${1:-10}"
shift || true
layers_per_epoch=10
last=$(( (epochs + 1) * layers_per_epoch - 1 ))
work="$(mktemp -d)"
log="$work/node.log"
"$here/smnode" run --preset standalone --data-dir "$work/data" "$@" >"$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true' EXIT

# The node's CPU time (user + system) in clock ticks, from /proc/PID/stat (fields 14 and 15 after the command name).
cpu_ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$pid/stat"; }
await_line() {
  until grep -qE "$1" "$log"; do
    kill -0 "$pid" 2>/dev/null || { echo "the node stopped; its log: $log" >&2; exit 1; }
    sleep 0.2
  done
}

applied='layer [0-9]+: hare [0-9]+ proposals, block [0-9a-f]{40} '
await_line "$applied"
first_line="$(grep -m1 -E "$applied" "$log")"
first_layer="$(sed -E 's/.*layer ([0-9]+): hare.*/\1/' <<<"$first_line")"
cpu_first="$(cpu_ticks)"
await_line "layer $last: hare"
cpu_last="$(cpu_ticks)"
rss_kib="$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status")"
hz="$(getconf CLK_TCK)"

genesis="$(grep -m1 -oE 'network: genesis [0-9T:-]+Z' "$log" | awk '{ print $3 }')"
started="$(head -1 "$log" | awk '{ print $1 }')"
first_at="$(awk '{ print $1 }' <<<"$first_line")"
secs() { date -u -d "$1" +%s.%N; }
python3 - "$genesis" "$started" "$first_at" "$first_layer" "$last" "$cpu_first" "$cpu_last" "$hz" "$rss_kib" \
  "$(secs "$genesis")" "$(secs "$started")" "$(secs "$first_at")" "$(grep -cE "$applied" "$log")" \
  "$(grep -c 'reverted to layer' "$log" || true)" <<'EOF'
import json, sys
(genesis, started, first_at, first_layer, last, cpu_first, cpu_last, hz, rss_kib, g, s, f, applied, reverts) = sys.argv[1:]
layers = int(last) - int(first_layer)
print(json.dumps({
    "bench": "standalone",
    "genesis": genesis,
    "process_started": started,
    "first_applied_block": {"layer": int(first_layer), "at": first_at,
                            "seconds_after_genesis": round(float(f) - float(g), 1),
                            "seconds_after_process_start": round(float(f) - float(s), 1)},
    "last_layer": int(last),
    "cpu_ms_per_layer": round((int(cpu_last) - int(cpu_first)) * 1000 / int(hz) / layers, 1),
    "measured_layers": layers,
    "rss_mib": round(int(rss_kib) / 1024, 1),
    "applied_lines": int(applied),
    "reverts": int(reverts),
}))
EOF
