#!/usr/bin/env bash
# Fault scenarios, not part of the test suite (results in docs/BENCHMARKS.md, "Faults"):
#  1. SQLite in WAL mode: kill -9 of the app during a stream of acknowledged API writes, restart,
#     check every acknowledged write is there and PRAGMA integrity_check says ok. A backup of the demo
#     database is taken during the writes and timed.
#  2. PostgreSQL restarted during a mixed load (4 readers, 1 writer using Idempotency-Key and retrying
#     the same key until it gets an answer): 503s while it is down, time to recover, writes applied once.
# Usage: bench/faults.sh [seconds-of-writes]   (needs python3, sqlite3 and the PostgreSQL server package)
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
root=$PWD
seconds=${1:-8}
out=$(mktemp -d /tmp/cooperanet-faults.XXXXXX); chmod 755 "$out"
app_port=5311
base="http://127.0.0.1:$app_port"
pg_bin=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")
pg_port=${COOPERANET_FAULTS_PG_PORT:-55473}
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  [ -n "${app_pid:-}" ] && kill -9 "$app_pid" 2>/dev/null || true
  [ -d "$out/pg" ] && as_pg "$pg_bin/pg_ctl" -D "$out/pg/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$out"
}
trap cleanup EXIT

dotnet build -c Release src/CooperaNet.Web -nologo -clp:ErrorsOnly >/dev/null
dotnet build -c Release src/CooperaNet.Cli -nologo -clp:ErrorsOnly >/dev/null
cli() { dotnet src/CooperaNet.Cli/bin/Release/net10.0/cooperanet.dll "$@"; }

start_app() {
  ASPNETCORE_ENVIRONMENT=Production dotnet src/CooperaNet.Web/bin/Release/net10.0/CooperaNet.Web.dll \
    --urls "$base" --contentRoot "$root/src/CooperaNet.Web" >>"$out/app.log" 2>&1 &
  app_pid=$!
  until curl -fs -o /dev/null "$base/health/live"; do
    kill -0 "$app_pid" 2>/dev/null || { echo "the app stopped:" >&2; tail -20 "$out/app.log" >&2; exit 1; }
    sleep 0.1
  done
}

make_token() {
  printf '%s\n' 'Faults-test-passphrase-42' | cli users create --email "faults-$1@example.org" --role focal-point --state CO --password-stdin >/dev/null
  cli tokens create --email "faults-$1@example.org" --name faults 2>/dev/null
}

echo "== 1. SQLite (WAL): kill -9 during acknowledged writes"
export CooperaNet__Database__Provider=Sqlite CooperaNet__Database__DataDirectory="$out/sqlite"
cli migrate >/dev/null
cli demo seed >/dev/null   # the demo database: ~500 published offers and demands
db="$out/sqlite/cooperanet.db"
sqlite3 "$db" 'PRAGMA journal_mode=WAL;' >/dev/null
token=$(make_token sqlite)
start_app
: >"$out/acked"
python3 bench/faults.py writes "$base" "$token" 60 "$out/acked" &
writer=$!
sleep "$((seconds / 2))"
backup_line=$(cli backup --out "$out/during-load.backup")
sleep "$((seconds / 2))"
kill -9 "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=
wait "$writer" || true
acked=$(wc -l <"$out/acked")
start_app
# Ids are GUIDs; SQLite stores them as upper-case text.
missing=$(python3 - "$db" "$out/acked" <<'PY'
import sqlite3, sys
rows = {r[0].lower() for r in sqlite3.connect(sys.argv[1]).execute('SELECT "Id" FROM "Entries"')}
print(sum(1 for line in open(sys.argv[2]) if line.strip().lower() not in rows))
PY
)
kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=
integrity=$(sqlite3 "$db" 'PRAGMA integrity_check;')
echo "acknowledged writes: $acked; missing after kill -9 and restart: $missing; integrity_check: $integrity"
echo "backup during the writes: $backup_line"
unset CooperaNet__Database__DataDirectory

echo "== 2. PostgreSQL restarted during load"
mkdir -p "$out/pg"; [ "$(id -u)" -eq 0 ] && chown postgres "$out/pg"
as_pg "$pg_bin/initdb" -D "$out/pg/data" -U cooperanet -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
pg_start() { as_pg "$pg_bin/pg_ctl" -D "$out/pg/data" -l "$out/pg/server.log" -w -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $out/pg" start >/dev/null; }
pg_start
export CooperaNet__Database__Provider=PostgreSql CooperaNet__Database__ConnectionString="Host=127.0.0.1;Port=$pg_port;Username=cooperanet;Database=cooperanet"
as_pg "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U cooperanet cooperanet
cli migrate >/dev/null
token=$(make_token pg)
start_app
load_seconds=$((seconds + 10))
python3 bench/faults.py mixed "$base" "$token" "$load_seconds" "$out/mixed.json" &
load=$!
sleep 3
down_at=$(date +%s.%N)
as_pg "$pg_bin/pg_ctl" -D "$out/pg/data" -m fast stop >/dev/null
sleep 5
pg_start
up_at=$(date +%s.%N)
wait "$load"
kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=
python3 - "$out/mixed.json" "$down_at" "$up_at" "$pg_port" <<'PY'
import json, subprocess, sys
data = json.load(open(sys.argv[1])); down, up = float(sys.argv[2]), float(sys.argv[3])
log = data["log"]
during = [s for t, _, s in log if down <= t <= up]
after = [(t, s) for t, _, s in log if t > up]
statuses = {}
for _, _, s in log: statuses[str(s)] = statuses.get(str(s), 0) + 1
first_ok = next((t for t, s in after if s in (200, 201)), None)
writes = data["writes"]
ids = [w["id"] for w in writes if w["id"]]
rows = subprocess.run(["psql", "-h", "127.0.0.1", "-p", sys.argv[4], "-U", "cooperanet", "-d", "cooperanet", "-tAc",
    "SELECT lower(\"Id\"::text) FROM \"Entries\""], capture_output=True, text=True).stdout.split()
applied = {i: rows.count(i.lower()) for i in ids}
print(f"requests: {len(log)}; by status: {statuses}")
print(f"down {up - down:.1f} s: {during.count(503)} answers 503, {sum(1 for s in during if s not in (503, 200, 201))} other failures while down")
print(f"5xx other than 503 in the whole run: {sum(v for k, v in statuses.items() if k.isdigit() and int(k) >= 500 and k != '503')}")
print(f"recovered {first_ok - up:.2f} s after the server was back" if first_ok else "did not recover")
print(f"writes acknowledged: {len(ids)}; retried before an answer: {sum(1 for w in writes if w['tries'] > 1)}; "
      f"answered from a stored response: {sum(1 for w in writes if w.get('replayed'))}; unanswered: {sum(1 for w in writes if not w['id'])}")
print(f"rows per acknowledged write: {sorted(set(applied.values()))} (1 = applied once); entries in the table: {len(rows)}")
PY
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $(uname -sr); PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}')"
