#!/usr/bin/env bash
# Takes the figures of docs/benchmarks.md in one run: the C# benchmarks (BenchmarkDotNet ShortRun with 5 measured
# iterations instead of 3: 1 launch, 3 warm-up, 5 measured; MemoryDiagnoser), then the node peers on the same inputs,
# then session-key transfers on a local chain (--devnet), gas with estimated and default limits and per bundle size (--gas),
# session-key latency directly and through alto beside viem (--aa-latency), the Native AOT sample beside the JIT one
# (aot.sh), then the tables (node/report.mjs).
#   benchmarks/run.sh [run directory]      the full run (about 8 minutes on 2 cores); default directory benchmarks/results/<UTC time>
#   BENCH_JOB=Dry BENCH_ITERATIONS=1 BENCH_ARGS=--inProcess PEERS=--quick DEVNET_TRANSFERS=3 benchmarks/run.sh DIR   a smoke run
# The load average is sampled every 30 s while it runs (load.txt): on a shared machine, read the figures with it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out="${1:-$root/benchmarks/results/$(date -u +%Y%m%dT%H%MZ)}"
mkdir -p "$out"
out=$(cd "$out" && pwd)
bench="$root/benchmarks/SessionGen.Benchmarks/bin/Release/net10.0/SessionGen.Benchmarks.dll"

{ echo "start $(date -u +%FT%TZ)"; echo "cores $(nproc)"; grep -m1 'model name' /proc/cpuinfo || true; dotnet --version; node --version; } > "$out/machine.txt"
(while true; do echo "$(date -u +%T) $(cut -d' ' -f1-3 /proc/loadavg)"; sleep 30; done) > "$out/load.txt" &
sampler=$!
trap 'kill "$sampler"' EXIT

dotnet build -c Release "$root/benchmarks/SessionGen.Benchmarks" -v q -nologo
dotnet "$bench" --peer-outputs > "$out/outputs.json"
# BenchmarkDotNet finds the project to build for each benchmark process from the working directory.
(cd "$root" && dotnet "$bench" --filter '*' --job "${BENCH_JOB:-short}" --iterationCount "${BENCH_ITERATIONS:-5}" --buildTimeout 900 --exporters json --artifacts "$out" ${BENCH_ARGS:-}) > "$out/csharp.log"
if grep -q "Benchmarks with issues" "$out/csharp.log"; then echo "some benchmarks failed: $out/csharp.log" >&2; exit 1; fi
node "$root/benchmarks/node/peers.mjs" ${PEERS:-} > "$out/peers.json"
dotnet "$bench" --devnet "${DEVNET_TRANSFERS:-50}" > "$out/devnet.json"
dotnet "$bench" --gas > "$out/gas.json"
(cd "$root" && dotnet "$bench" --aa-latency "${AA_DIRECT_TRANSFERS:-50}" "${AA_BUNDLER_TRANSFERS:-30}") > "$out/aa-latency.json"
# The one-click sample as a Native AOT binary beside the JIT one: start-up, peak memory, size (docs/aot.md).
bash "$root/benchmarks/aot.sh" > "$out/aot.md"
echo "end $(date -u +%FT%TZ)" >> "$out/machine.txt"
node "$root/benchmarks/node/report.mjs" "$out" > "$out/tables.md"
{ echo; echo "### Native AOT sample (benchmarks/aot.sh)"; echo; cat "$out/aot.md"; } >> "$out/tables.md"
echo "tables: $out/tables.md"
