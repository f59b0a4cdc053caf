#!/usr/bin/env bash
# The whole test suite: unit, integration (SQLite, then a real PostgreSQL server started here) and
# browser tests (Debian's Chromium with axe-core). Installs what it needs when missing.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")"
root=$PWD

say() { printf '\n== %s\n' "$*"; }

# --- System packages -------------------------------------------------------------------------
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
command -v xmllint >/dev/null || missing+=(libxml2-utils)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
if [ ${#missing[@]} -gt 0 ]; then
  say "Installing ${missing[*]}"
  sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# --- axe-core from npm, for the browser tests ------------------------------------------------
browser_dir=tests/CooperaNet.Web.Tests/browser
if [ -f "$browser_dir/package.json" ] && [ ! -f "$browser_dir/node_modules/axe-core/axe.min.js" ]; then
  say "Installing axe-core"
  (cd "$browser_dir" && npm ci --no-audit --no-fund --silent)
fi

# --- A private PostgreSQL server on 127.0.0.1 ------------------------------------------------
pg_bin=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")
pg_dir=$(mktemp -d /tmp/cooperanet-pg.XXXXXX)
pg_port=${COOPERANET_PG_PORT:-55432}
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres "$pg_dir"
stop_pg() { as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$pg_dir"; }
trap stop_pg EXIT
say "Starting PostgreSQL ($("$pg_bin/postgres" --version)) on port $pg_port"
as_pg "$pg_bin/initdb" -D "$pg_dir/data" -U cooperanet -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
postgres_cs="Host=127.0.0.1;Port=$pg_port;Username=cooperanet;Database=postgres;Include Error Detail=true"

# --- Build once, then test -------------------------------------------------------------------
say "Building"
dotnet build CooperaNet.slnx -c Release -nologo -clp:ErrorsOnly

say "Tests on SQLite (unit, integration, command line, browser)"
dotnet test CooperaNet.slnx -c Release --no-build -nologo

say "Integration tests on PostgreSQL"
COOPERANET_TEST_POSTGRES="$postgres_cs" dotnet test tests/CooperaNet.Application.Tests -c Release --no-build -nologo
COOPERANET_TEST_POSTGRES="$postgres_cs" dotnet test tests/CooperaNet.Web.Tests -c Release --no-build -nologo --filter "FullyQualifiedName!~Browser"
COOPERANET_TEST_POSTGRES="$postgres_cs" dotnet test tests/CooperaNet.Cli.Tests -c Release --no-build -nologo --filter "FullyQualifiedName~BackupCommand"

say "Scale-out: nginx in front of two instances on PostgreSQL (deploy/run-local.sh)"
COOPERANET_DEPLOY_NO_BUILD=1 timeout -k 10 150 tests/deploy/scale-out.sh

say "Formatting (dotnet format --verify-no-changes)"
dotnet format CooperaNet.slnx --verify-no-changes --no-restore

say "All tests passed"
