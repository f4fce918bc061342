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
passed=$(grep -Eo 'Passed: +[0-9]+' .test-output.log | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' .test-output.log | awk '{s+=$2} END {print s+0}')
skipped=$(grep -Eo 'Skipped: +[0-9]+' .test-output.log | awk '{s+=$2} END {print s+0}')
rm -f .test-output.log
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$status"
