#!/usr/bin/env bash
# Fails, naming file and line, when a source or test file under src/ or tests/ holds a hard-coded absolute path
# into /tmp, /root or /home: such a path exists only on the machine where it was written (issue 12).
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
hits="$(grep -rnE --include='*.cs' --include='*.csproj' --include='*.json' --include='*.props' --include='*.sh' \
  --exclude-dir=bin --exclude-dir=obj "[\"'\`](/tmp|/root|/home)(/|[\"'\`])" src tests || true)"
if [ -n "$hits" ]; then
  echo "hard-coded machine paths (use a temp folder of the test's own, or a path relative to the repository):" >&2
  printf '%s\n' "$hits" | sed 's/^/  /' >&2
  exit 1
fi
