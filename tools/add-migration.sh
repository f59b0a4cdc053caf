#!/usr/bin/env bash
# Adds a migration for both database providers: tools/add-migration.sh NameOfChange
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: tools/add-migration.sh NameOfChange}
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  folder=$([ "$provider" = Sqlite ] && echo Sqlite || echo PostgreSql)
  dotnet ef migrations add "$name" --project src/CooperaNet.Application --startup-project src/CooperaNet.Application \
    --context "${provider}CooperaNetDbContext" --output-dir "Data/Migrations/$folder"
done
