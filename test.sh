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
stop_pg() {
  jobs -p | xargs -r kill 2>/dev/null || true
  as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir" "${logs:-}"
}
trap stop_pg EXIT
say "Starting PostgreSQL ($("$pg_bin/postgres" --version)) on port $pg_port"
as_pg "$pg_bin/initdb" -D "$pg_dir/data" -U cooperanet -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
postgres_cs="Host=127.0.0.1;Port=$pg_port;Username=cooperanet;Database=postgres;Include Error Detail=true"

# --- Build once, then test -------------------------------------------------------------------
say "Building"
dotnet build CooperaNet.slnx -c Release -nologo -clp:ErrorsOnly

# The PostgreSQL integration tests of the application layer run beside the SQLite run, whose browser tests
# spend much of their time waiting on Chromium; their output follows the SQLite run's.
logs=$(mktemp -d /tmp/cooperanet-test-logs.XXXXXX)
declare -A background_pids=()
background() { # name, command...: runs the command in the background with its output in $logs/name
  local name=$1; shift
  "$@" >"$logs/$name" 2>&1 &
  background_pids[$name]=$!
}
finish() { # name, title: waits for the background command, prints its output, fails when it failed
  local rc=0
  wait "${background_pids[$1]}" || rc=$?
  say "$2"
  cat "$logs/$1"
  [ "$rc" -eq 0 ] || { echo "$2: failed (exit code $rc)" >&2; exit 1; }
}
background pg-application env COOPERANET_TEST_POSTGRES="$postgres_cs" sh -c '
  dotnet test tests/CooperaNet.Application.Tests -c Release --no-build -nologo &&
  dotnet test tests/CooperaNet.Cli.Tests -c Release --no-build -nologo --filter "FullyQualifiedName~BackupCommand"'

say "Tests on SQLite (unit, integration, command line, browser)"
dotnet test CooperaNet.slnx -c Release --no-build -nologo

finish pg-application "Integration tests on PostgreSQL: application layer and backup round trip"

say "Integration tests on PostgreSQL: web (API and pages)"
COOPERANET_TEST_POSTGRES="$postgres_cs" dotnet test tests/CooperaNet.Web.Tests -c Release --no-build -nologo --filter "FullyQualifiedName!~Browser"

# The formatting check reads the sources while the scale-out test mostly waits on its instances.
background format dotnet format CooperaNet.slnx --verify-no-changes --no-restore

say "Scale-out: nginx in front of two instances on PostgreSQL (deploy/run-local.sh)"
COOPERANET_DEPLOY_NO_BUILD=1 timeout -k 10 150 tests/deploy/scale-out.sh

finish format "Formatting (dotnet format --verify-no-changes)"

say "All tests passed"
