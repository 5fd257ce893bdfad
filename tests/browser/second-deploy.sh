#!/usr/bin/env bash
# Builds a second runstrong for the offline check's "new deploy": the working tree with one
# rule added to the stylesheet, so that the stylesheet's fingerprint, the pages that link
# it and the service worker's version all change. Prints the binary's path.
#
# It is a debug build of a copy of the tree in tests/browser/out/deploy/: the release
# build under test stays as it is, and the dependencies are those `cargo test` built
# (same target folder, CARGO_TARGET_DIR when set). The copy's build script embeds its
# own static/; the copy stays until the next run replaces it.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
COPY="$HERE/out/deploy"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"

rm -rf "$COPY"
mkdir -p "$COPY/tree"
# Tracked files and new ones not ignored: the tree as it is now, without build output.
git -C "$ROOT" ls-files -z --cached --others --exclude-standard |
  (cd "$ROOT" && tar --null --ignore-failed-read -T - -cf - 2>/dev/null) | tar -xf - -C "$COPY/tree"
printf '\n/* A second deploy for the offline check. */\n.deploy-check { order: 2; }\n' >>"$COPY/tree/static/site.css"
# Cargo hashes a workspace member by its path inside the workspace, so the copy would
# pass for the tree already built and its binary would embed the original static/. A
# feature of the copy's own gives it artefacts of its own (the dependencies stay shared),
# built from the copy.
printf '\n[features]\ndeploy-check = []\n' >>"$COPY/tree/Cargo.toml"
cargo build --quiet --locked --manifest-path "$COPY/tree/Cargo.toml" --bin runstrong \
  --features deploy-check >&2
cp "$CARGO_TARGET_DIR/debug/runstrong" "$COPY/runstrong"
echo "$COPY/runstrong"
