#!/usr/bin/env bash
# Installs the npm tools the tests and the sample use into project-local node_modules folders, from the
# committed package-lock.json files. Idempotent: a folder whose lock file has not changed since its last
# install is skipped, so a warm run costs nothing.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

for dir in "$root"/tests/vectors "$root"/eng/devnet; do
  [ -f "$dir/package-lock.json" ] || continue
  stamp="$dir/node_modules/.installed-lock.sha256"
  want="$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    continue
  fi
  echo "npm ci in ${dir#$root/}"
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$want" > "$stamp"
  if [ -x "$dir/postinstall.sh" ]; then
    (cd "$dir" && ./postinstall.sh)
  fi
done
