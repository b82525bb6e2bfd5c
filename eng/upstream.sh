#!/usr/bin/env bash
# The opt-in upstream suite: builds the current Smart Sessions contracts (SmartSession, its ERC-20 spending-limit,
# time-frame, usage-limit, value-limit, universal-action and sudo policies) and Rhinestone's OwnableValidator from the
# upstream repositories with solc-js, deploys them on anvil at their real addresses, runs the scenario table on them
# (SmartSessionVersion.Current) and on the fixture devnet, and records the outcomes in docs/upstream.md and
# docs/upstream-outcomes.json (which CI then holds the fixture devnet to).
#
#   eng/upstream.sh <erc7579/smartsessions git dir> <rhinestonewtf/core-modules git dir> [--artifacts]
#   eng/upstream.sh [--artifacts]     # clones both repositories at the pinned commits (needs network)
#
# --artifacts deploys the bytecode the repositories ship instead of compiling their standard-JSON inputs (seconds
# instead of about a minute; the compile checks that both are byte-identical). Not part of eng/test.sh: CI has neither
# network nor the upstream sources.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# The commits the recorded run used; a clone is pinned to them.
smartsessions_commit=f5aaf867f7e22f3b9d746ce6f404f3a56833757f
core_modules_commit=1f97c2920a17a43359413d8616a8228100c9f71a

mode=compile
repos=()
for arg in "$@"; do
  case "$arg" in
    --artifacts) mode=artifacts ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) repos+=("$arg") ;;
  esac
done

clone() { # <owner/name> <commit> → a bare git dir whose HEAD is that commit
  local dir="$root/eng/upstream/.cache/repos/${1/\//+}.git"
  if [ ! -d "$dir" ]; then
    git clone --quiet --bare "https://github.com/$1" "$dir" >&2
  fi
  git --git-dir="$dir" cat-file -e "$2^{commit}" 2>/dev/null || git --git-dir="$dir" fetch --quiet origin "$2" >&2
  git --git-dir="$dir" update-ref refs/heads/sessiongen-pinned "$2"
  git --git-dir="$dir" symbolic-ref HEAD refs/heads/sessiongen-pinned
  echo "$dir"
}

case ${#repos[@]} in
  0) smartsessions="$(clone erc7579/smartsessions "$smartsessions_commit")"
     core_modules="$(clone rhinestonewtf/core-modules "$core_modules_commit")" ;;
  2) smartsessions="$(cd "${repos[0]}" && pwd)"; core_modules="$(cd "${repos[1]}" && pwd)" ;;
  *) echo "usage: eng/upstream.sh [<smartsessions git dir> <core-modules git dir>] [--artifacts]" >&2; exit 2 ;;
esac
for pair in "$smartsessions:$smartsessions_commit" "$core_modules:$core_modules_commit"; do
  head="$(git --git-dir="${pair%%:*}" rev-parse HEAD)"
  [ "$head" = "${pair##*:}" ] || echo "note: ${pair%%:*} is at $head, not the pinned ${pair##*:}; the run records the commit it used." >&2
done

# npm tools: the devnet's (anvil, solc for the fixtures, EntryPoint, modulekit) and this suite's solc-js.
bash eng/install-node-tools.sh
stamp="eng/upstream/node_modules/.installed-lock.sha256"
want="$(sha256sum eng/upstream/package-lock.json | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  (cd eng/upstream && npm ci --no-audit --no-fund --loglevel=error)
  echo "$want" > "$stamp"
fi

started=$(date +%s%N)
contracts="$(node eng/upstream/build.mjs "$smartsessions" "$core_modules" --mode "$mode")"
echo "upstream contracts ($mode): $contracts in $(( ($(date +%s%N) - started) / 1000000 )) ms"

dotnet build tests/SessionGen.IntegrationTests -c Release --nologo -v quiet
outcomes="$(mktemp -d)"
trap 'rm -rf "$outcomes"' EXIT
export SESSIONGEN_UPSTREAM_CONTRACTS="$contracts" SESSIONGEN_SCENARIO_OUTCOMES="$outcomes"
status=0
# 1. The table on the upstream contracts; its outcomes become the record CI compares with.
dotnet test tests/SessionGen.IntegrationTests -c Release --no-build --nologo --filter "Category=Upstream" || status=1
node eng/upstream/record.mjs "$contracts" "$outcomes"
# 2. The same table on the fixture devnet, held to that record.
dotnet test tests/SessionGen.IntegrationTests -c Release --no-build --nologo --filter "FullyQualifiedName~FixturePolicyScenarioTests" || status=1
node eng/upstream/record.mjs "$contracts" "$outcomes"
exit "$status"
