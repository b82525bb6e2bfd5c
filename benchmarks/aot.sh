#!/usr/bin/env bash
# The Native AOT figures of docs/aot.md: the one-click trading sample as a native binary (eng/publish-aot.sh) beside the
# same sample on the JIT (dotnet OneClickTrading.dll), same arguments, prints a markdown table.
#   benchmarks/aot.sh                    publishes, then STARTUP_RUNS (default 20) --help runs and FLOW_RUNS (default 5)
#                                        whole-flow runs of each, alternating; figures are medians
#   AOT_SKIP_PUBLISH=1 benchmarks/aot.sh reuses samples/OneClickTrading/bin/Release/aot
# Start-up: `--help` (runtime start, argument parsing, one screen of output, exit), wall time and peak RSS (GNU time: the
# process has no children). Whole flow: the default run (it starts its own anvil and deploys, creates the account, enables
# the session, 3 session-key transfers, the refused over-limit transfer, the revocation); wall time, and the sample
# process's own peak RSS (VmHWM, read from /proc every few ms while it runs: anvil and node are not counted).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
startup_runs=${STARTUP_RUNS:-20}
flow_runs=${FLOW_RUNS:-5}
aot="$root/samples/OneClickTrading/bin/Release/aot/OneClickTrading"
jit="$root/samples/OneClickTrading/bin/Release/net10.0/OneClickTrading.dll"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet build samples/OneClickTrading -c Release -v q -nologo >&2
publish="(not published in this run)"
if [ "${AOT_SKIP_PUBLISH:-}" != "1" ]; then
  publish=$(bash eng/publish-aot.sh | tail -1)
fi
[ -x "$aot" ] || { echo "no AOT binary at $aot: run eng/publish-aot.sh" >&2; exit 1; }

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# One --help run: "<wall ms> <peak kB>".
startup() {
  /usr/bin/time -f '%e %M' -o "$work/time" "$@" --help > /dev/null
  awk '{ printf "%d %d\n", $1 * 1000, $2 }' "$work/time"
}

# One whole-flow run: "<wall ms> <peak kB of this process>"; fails when the sample does.
flow() {
  local start peak=0 value pid status
  start=$(date +%s%N)
  "$@" --key-file "$work/key-$RANDOM.json" > "$work/flow.log" 2>&1 &
  pid=$!
  while kill -0 "$pid" 2> /dev/null; do
    value=$(awk '/^VmHWM:/ { print $2 }' "/proc/$pid/status" 2> /dev/null || true)
    if [ -n "$value" ] && [ "$value" -gt "$peak" ]; then peak=$value; fi
    sleep 0.003
  done
  status=0; wait "$pid" || status=$?
  [ "$status" -eq 0 ] || { cat "$work/flow.log" >&2; echo "the sample failed ($*)" >&2; exit 1; }
  grep -q "bob holds 75 USDC" "$work/flow.log" || { cat "$work/flow.log" >&2; exit 1; }
  echo "$(( ($(date +%s%N) - start) / 1000000 )) $peak"
}

for i in $(seq "$startup_runs"); do
  startup "$aot" >> "$work/aot-startup"
  startup dotnet "$jit" >> "$work/jit-startup"
done
for i in $(seq "$flow_runs"); do
  flow "$aot" >> "$work/aot-flow"
  flow dotnet "$jit" >> "$work/jit-flow"
done

col() { cut -d' ' -f"$2" "$work/$1" | median; }
mb() { awk -v kb="$1" 'BEGIN { printf "%.1f MB", kb / 1024 }'; }
size() { awk -v b="$1" 'BEGIN { printf "%.1f MB", b / 1048576 }'; }
aot_size=$(stat -c %s "$aot")
aot_dbg=$(stat -c %s "$aot.dbg" 2> /dev/null || echo 0)
jit_size=$(du -sb "$(dirname "$jit")" --exclude=linux-x64 | cut -f1)

echo "| OneClickTrading, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg) | Native AOT | JIT (\`dotnet OneClickTrading.dll\`) |"
echo "|---|---:|---:|"
echo "| start-up (\`--help\`), median of $startup_runs | $(col aot-startup 1) ms | $(col jit-startup 1) ms |"
echo "| peak memory, \`--help\` | $(mb "$(col aot-startup 2)") | $(mb "$(col jit-startup 2)") |"
echo "| whole flow on its own devnet, median of $flow_runs | $(col aot-flow 1) ms | $(col jit-flow 1) ms |"
echo "| peak memory of the sample process, whole flow | $(mb "$(col aot-flow 2)") | $(mb "$(col jit-flow 2)") |"
echo "| on disk | $(size "$aot_size") binary (+ $(size "$aot_dbg") symbols in .dbg) | $(size "$jit_size") output folder + the shared .NET runtime |"
echo
echo "publish: $publish"
