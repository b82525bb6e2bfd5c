#!/usr/bin/env bash
# Publishes the one-click trading sample with Native AOT (PublishAot is set in its project) into
# samples/OneClickTrading/bin/Release/aot/, the publish log beside it in obj/Release/aot-publish.log.
# eng/test.sh runs it once before the tests (the AOT sample test runs the binary and reads the log); benchmarks/run.sh
# runs it for the AOT figures. Prints how long the publish took; exits non-zero when it fails.
#
# The AOT compiler comes through restore (the SDK picks the ILCompiler package that matches it). The native linker:
# the SDK uses `clang`, and falls back to `gcc` by itself when there is no plain `clang` (Debian installs clang-14 only as
# clang-14). Only when neither is on PATH does this script pass the newest clang-N it finds; with none of them it stops
# and names the Debian packages to install.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

sample="samples/OneClickTrading"
out="$sample/bin/Release/aot"
log="$sample/obj/Release/aot-publish.log"
mkdir -p "$(dirname "$log")"
rm -rf "$out" "$log"

linker=()
if ! command -v clang >/dev/null 2>&1 && ! command -v gcc >/dev/null 2>&1; then
  versioned="$(compgen -c clang- | grep -E '^clang-[0-9]+$' | sort -t- -k2 -n | tail -1 || true)"
  if [ -z "$versioned" ]; then
    echo "Native AOT needs a C toolchain: no clang, clang-N or gcc on PATH (Debian: apt-get install clang zlib1g-dev)." | tee "$log"
    exit 1
  fi
  linker=("-p:CppCompilerAndLinker=$versioned")
fi

start=$(date +%s)
dotnet publish "$sample" -c Release -o "$out" --nologo "${linker[@]}" >"$log" 2>&1
status=$?
seconds=$(( $(date +%s) - start ))
if [ "$status" -ne 0 ]; then
  tail -n 40 "$log"
  echo "the Native AOT publish of $sample failed after ${seconds} s (log: $log)"
  exit "$status"
fi
echo "published $sample with Native AOT in ${seconds} s: $out/OneClickTrading ($(du -h "$out/OneClickTrading" | cut -f1))"
