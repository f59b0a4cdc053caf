#!/usr/bin/env bash
# Load test of the participation page and its API (issue 6) on the 100,000-entry catalog of bench/catalog.sh.
# Usage: bench/participation.sh [seconds]     (needs wrk, and bench/catalog.sh run once before)
#   CATALOG_CACHE_SECONDS=0   turn the list and page caches off, to measure the database path alone
# The catalog's database is copied once beside it, so this app's migrations never touch the original.
# Prints, per URL: requests/s and p50/p95/p99 latency from wrk -t2 -c32 --latency.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
duration=${1:-10}
count=${CATALOG_ENTRIES:-100000}
source_data=/tmp/cooperanet-catalog-sqlite-$count
data=/tmp/cooperanet-participation-sqlite-$count
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
[ -f "$source_data/generated" ] || { echo "run bench/catalog.sh sqlite first: it generates $source_data" >&2; exit 2; }
if [ ! -f "$data/cooperanet.db" ]; then
  mkdir -p "$data"
  cp --reflink=auto "$source_data/cooperanet.db" "$data/cooperanet.db"
fi
app_port=5312
log=$(mktemp /tmp/cooperanet-participation-app.XXXXXX.log)
cleanup() {
  kill "${app_pid:-}" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -f "$log"
}
trap cleanup EXIT

dotnet build -c Release src/CooperaNet.Web -nologo -clp:ErrorsOnly >/dev/null
ASPNETCORE_ENVIRONMENT=Production CooperaNet__Database__Provider=Sqlite CooperaNet__Database__DataDirectory="$data" \
  CooperaNet__Email__PickupDirectory="$data/mail" CooperaNet__Catalog__ListCacheSeconds="${CATALOG_CACHE_SECONDS:-5}" \
  dotnet src/CooperaNet.Web/bin/Release/net10.0/CooperaNet.Web.dll --urls "http://127.0.0.1:$app_port" \
  --contentRoot "$PWD/src/CooperaNet.Web" >"$log" 2>&1 &
app_pid=$!
until curl -fs -o /dev/null "http://127.0.0.1:$app_port/health/ready"; do
  kill -0 "$app_pid" 2>/dev/null || { echo "the app stopped:" >&2; tail -20 "$log" >&2; exit 1; }
  sleep 0.1
done

base="http://127.0.0.1:$app_port"
echo "machine: $(nproc) vCPU, load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "entries=$count list cache=${CATALOG_CACHE_SECONDS:-5}s wrk -t2 -c32 -d${duration}s --latency"
echo "headline: $(curl -fs "$base/api/v1/participation" | grep -o '"active":[0-9]*,"total":[0-9]*')"
printf '%-40s %8s %8s %8s %8s %6s\n' url req/s p50_ms p95_ms p99_ms errors
for url in /en/participation /es/participation /api/v1/participation; do
  wrk -t2 -c32 -d3s -s bench/catalog.lua "$base$url" >/dev/null   # warm-up: JIT, connection pool, caches
  line=$(wrk -t2 -c32 -d"${duration}s" --timeout 30s --latency -s bench/catalog.lua "$base$url" | grep '^RESULT')
  eval "$(echo "${line#RESULT }" | tr ' ' '\n' | sed 's/^/r_/')"
  printf '%-40s %8s %8s %8s %8s %6s\n' "$url" "$r_rps" "$r_p50" "$r_p95" "$r_p99" "$r_errors"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
