#!/usr/bin/env bash
# Starts the portal at http://localhost:5080 with demo data. Without ConnectionStrings__Pib the portal
# starts its own PostgreSQL cluster under .data/pg in this checkout; Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/ensure-tools.sh
ensure_postgres_binaries
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://localhost:5080}"
dotnet build src/DuoInburgering.Web -c Release -v quiet -nologo
exec dotnet run --no-build -c Release --no-launch-profile --project src/DuoInburgering.Web -- "$@"
