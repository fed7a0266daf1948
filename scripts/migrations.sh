#!/usr/bin/env bash
# Adds a migration to both providers: scripts/migrations.sh AddComplaints
# (While nothing is released, scripts/migrations.sh --reset Initial rebuilds the one initial migration.)
set -euo pipefail
cd "$(dirname "$0")/.."
export NUGET_CERT_REVOCATION_MODE=offline
dotnet tool restore >/dev/null
if [ "${1:-}" = "--reset" ]; then
  shift
  # EF writes the model snapshots under AfterSales/Web/… (from their namespace); a reset that kept them would diff to an empty migration.
  rm -rf src/AfterSales.Web/Persistence/Migrations src/AfterSales.Web/AfterSales
fi
name=${1:?migration name}
dotnet build src/AfterSales.Web -c Release -v q -nologo
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" --no-build --configuration Release --project src/AfterSales.Web \
    --context "${provider}AfterSalesDb" --output-dir "Persistence/Migrations/$provider"
done
dotnet build src/AfterSales.Web -c Release -v q -nologo >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations has-pending-model-changes --no-build --configuration Release --project src/AfterSales.Web --context "${provider}AfterSalesDb"
done
