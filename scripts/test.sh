#!/usr/bin/env bash
# The test command: set up, start the services the tests need, run every test, stop the services.
# Prints a closing line "N passed, N failed" summed over all test assemblies.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$(pwd)"
export SNAPSHOOTER_STRICT_MODE="${SNAPSHOOTER_STRICT_MODE:-${CI:+true}}"
export FACEVERIFY_SHARED_DATA="${FACEVERIFY_SHARED_DATA:-$root/../shared/data}"
export FACEVERIFY_MODELS_DIR="$root/models/onnx"
log="$root/artifacts/test-output.log"
mkdir -p "$root/artifacts"

# A TMPDIR of this run's own, removed at exit: a test that depends on a file an earlier run left in /tmp fails here
# too, not only on a new machine. The broker and the database run as their own users, which cannot enter a private
# TMPDIR (mktemp -d makes it 0700): their state goes to a fresh world-traversable folder of this run under /tmp.
run_tmp="$(mktemp -d "${TMPDIR:-/tmp}/faceverify-test.XXXXXX")"
services_tmp="$(mktemp -d /tmp/faceverify-services.XXXXXX)"
chmod 755 "$services_tmp"
export TMPDIR="$run_tmp"
export FACEVERIFY_RABBITMQ_STATE="$services_tmp/rabbitmq"
export FACEVERIFY_POSTGRES_STATE="$services_tmp/postgres"
cleanup() { scripts/rabbitmq.sh stop; scripts/postgres.sh stop; rm -rf "$run_tmp" "$services_tmp"; }
trap cleanup EXIT

# The report test opens pages in Debian's chromium; CJK fonts so the Chinese report renders as text, not boxes.
if ! command -v chromium >/dev/null 2>&1 || ! fc-list :lang=zh 2>/dev/null | grep -q .; then
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; } \
    || { echo "chromium could not be installed"; echo "0 passed, 1 failed"; exit 1; }
fi
scripts/setup.sh || { echo "0 passed, 1 failed"; exit 1; }
scripts/rabbitmq.sh start || { echo "0 passed, 1 failed"; exit 1; }
export FACEVERIFY_TEST_RABBITMQ_URI="rabbitmq://127.0.0.1:5672/"
export FACEVERIFY_TEST_RABBITMQCTL="$root/scripts/rabbitmq.sh ctl"
# The shared-database tests (records, claims, two workers on one database) run on a PostgreSQL cluster of this run.
scripts/postgres.sh start || { echo "0 passed, 1 failed"; exit 1; }
export FACEVERIFY_TEST_POSTGRES="$(cat "$FACEVERIFY_POSTGRES_STATE/connection")"

# One test project at a time (-m:1): the Worker's broker-outage test stops the shared RabbitMQ node's app for a
# moment, and a Samples test running beside it then failed to create its vhost ("requires the 'rabbit' app").
dotnet test FaceVerify.sln -c Release --no-build -nologo -m:1 \
  --results-directory "$root/artifacts/test-results" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

passed=0; failed=0; skipped=0
while read -r f p s; do
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
done < <(sed -nE 's/.*(Passed|Failed)!.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\2 \3 \4/p' "$log")
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi   # a crash or build error counts as a failure
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
