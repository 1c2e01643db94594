#!/usr/bin/env bash
# The administrator's requests from a shell. The key is read from FACEVERIFY_API_KEY and handed to curl through a
# private file, never on a command line (ps shows those). FACEVERIFY_URL defaults to http://127.0.0.1:8080.
#   samples/admin.sh list [CANDIDATE] [EXAM]       the newest verifications (id, candidate, exam, verdict, time)
#   samples/admin.sh read ID                       the record as JSON
#   samples/admin.sh rerun ID [POLICY] [REASON]    a re-run (202); then `read` shows the new result
#   samples/admin.sh report ID [zh|en]             saves the HTML report as report-ID.html and prints its path
set -euo pipefail
base="${FACEVERIFY_URL:-http://127.0.0.1:8080}"
[ -n "${FACEVERIFY_API_KEY:-}" ] || { echo "admin: set FACEVERIFY_API_KEY" >&2; exit 2; }
[ $# -ge 1 ] || { sed -n '2,8p' "$0" >&2; exit 2; }
command="$1" id="${2:-}"
[ "$command" = list ] || [ -n "$id" ] || { sed -n '2,8p' "$0" >&2; exit 2; }
header="$(mktemp)"; chmod 600 "$header"; trap 'rm -f "$header"' EXIT
printf 'X-Api-Key: %s\n' "$FACEVERIFY_API_KEY" >"$header"
case "$command" in
  list) curl -fsS -G -H @"$header" --data-urlencode "candidateId=${2:-}" --data-urlencode "examId=${3:-}" \
          "$base/v1/verifications"; echo ;;
  read) curl -fsS -H @"$header" "$base/v1/verifications/$id"; echo ;;
  rerun)
    body="$(printf '{"policy":%s,"reason":"%s","requestedBy":"%s"}' \
      "$([ -n "${3:-}" ] && printf '"%s"' "$3" || echo null)" "${4:-admin request}" "${USER:-admin}")"
    curl -fsS -o /dev/null -w 'rerun: %{http_code}\n' -H @"$header" -H 'Content-Type: application/json' -d "$body" \
      "$base/v1/verifications/$id/rerun" ;;
  report)
    curl -fsS -H @"$header" -o "report-$id.html" "$base/v1/verifications/$id/report?lang=${3:-zh}"
    echo "report-$id.html" ;;
  *) echo "admin: unknown command $command" >&2; exit 2 ;;
esac
