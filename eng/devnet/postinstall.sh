#!/usr/bin/env bash
# Fetches @rhinestone/modulekit with `npm pack` (npm install hangs on its git dependencies), checks the
# tarball against the sha512 pinned in modulekit.integrity and unpacks it into node_modules/.modulekit.
# Idempotent: does nothing when the unpacked copy already carries the pinned integrity.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
read -r spec want < <(grep -v '^#' "$here/modulekit.integrity" | grep -v '^[[:space:]]*$' | head -n1)
dest="$here/node_modules/.modulekit"
if [ -f "$dest/.integrity" ] && [ "$(cat "$dest/.integrity")" = "$want" ]; then
  exit 0
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack "$spec" --silent --loglevel=error >/dev/null)
tarball="$(ls "$tmp"/*.tgz)"
got="sha512-$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)"
if [ "$got" != "$want" ]; then
  echo "postinstall: $spec tarball integrity mismatch: expected $want, got $got" >&2
  exit 1
fi
rm -rf "$dest"
mkdir -p "$dest"
tar -xzf "$tarball" -C "$dest" --strip-components=1
echo "$want" > "$dest/.integrity"
echo "postinstall: unpacked $spec into node_modules/.modulekit"
