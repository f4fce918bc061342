#!/usr/bin/env bash
# Runs every test project. Integration tests take PostgreSQL from PIB_TEST_DB, else Testcontainers
# when a Docker engine answers, else a throwaway local cluster that the tests remove afterwards.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/ensure-tools.sh
ensure_postgres_binaries
ensure_chromium
dotnet build DuoInburgering.sln -c Release -nologo -v quiet
set +e
dotnet test DuoInburgering.sln -c Release --no-build -nologo --logger "console;verbosity=normal" "$@" 2>&1 | tee .test-output.log
status=${PIPESTATUS[0]}
set -e
# The failed tests again at the end, each with its message and the head of its stack trace, so the
# last lines of a long run say what broke.
awk '/^  Failed [^ ]/ {n=40; print ""} /^  (Passed|Skipped) [^ ]/ {n=0} n > 0 {print; n--}' .test-output.log
# One closing line over all test projects, in the plain form CI reads: "N passed, N failed, N skipped".
awk '/^ +Passed: +[0-9]+$/ {p+=$2} /^ +Failed: +[0-9]+$/ {f+=$2} /^ +Skipped: +[0-9]+$/ {s+=$2}
     END {printf "%d passed, %d failed, %d skipped\n", p, f, s}' .test-output.log
rm -f .test-output.log
exit "$status"
