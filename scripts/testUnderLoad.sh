#!/usr/bin/env bash
# Runs a test command several times in a row while stress-ng keeps every core busy, to find races that
# only show on a loaded machine. Stops at the first failing run and keeps each run's output.
#   bash scripts/testUnderLoad.sh [RUNS] [COMMAND...]     (defaults: 10 runs of `npm test`)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-10}"
shift || true
command=("$@")
if [ ${#command[@]} -eq 0 ]; then
	command=(npm test)
fi
if ! command -v stress-ng >/dev/null 2>&1; then
	echo "stress-ng is not installed (Debian: apt-get install stress-ng)" >&2
	exit 2
fi
logs="$(mktemp -d "${TMPDIR:-/tmp}/event-writeup-load-XXXXXX")"
stress-ng --cpu "$(nproc)" --quiet &
hog=$!
trap 'kill "$hog" 2>/dev/null || true; wait "$hog" 2>/dev/null || true' EXIT
for run in $(seq 1 "$runs"); do
	log="$logs/run-$run.log"
	if "${command[@]}" >"$log" 2>&1; then
		echo "run $run/$runs: passed ($(grep -E '[0-9]+ passed, [0-9]+ failed' "$log" | tail -1))"
	else
		echo "run $run/$runs: FAILED, output in $log"
		exit 1
	fi
done
echo "$runs runs passed under load; outputs in $logs"
