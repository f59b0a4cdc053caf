#!/usr/bin/env bash
# Load test of the catalog search API on a database of published entries (issue 3).
# Usage: bench/catalog.sh [sqlite|postgres] [seconds]     (needs wrk; PostgreSQL 15+ for "postgres")
#   CATALOG_ENTRIES=100000   entries to generate (once per provider and count, kept in /tmp)
#   CATALOG_FRESH=1          throw the kept database away and generate it again
#   CATALOG_CACHE_SECONDS=0  turn the app's list cache off, to measure the database path alone
# Prints, per URL: requests/s, p50/p95/p99 latency from wrk -t2 -c32 --latency, and the app's peak RSS.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
root=$PWD
provider=${1:-sqlite}
duration=${2:-10}
count=${CATALOG_ENTRIES:-100000}
case "$provider" in sqlite|postgres) ;; *) echo "usage: bench/catalog.sh [sqlite|postgres] [seconds]" >&2; exit 2 ;; esac
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
data=/tmp/cooperanet-catalog-$provider-$count
[ "${CATALOG_FRESH:-0}" = 1 ] && rm -rf "$data"
mkdir -p "$data"
app_port=5311
log=$(mktemp /tmp/cooperanet-catalog-app.XXXXXX.log)

# --- The database ------------------------------------------------------------------------------
if [ "$provider" = postgres ]; then
  pg_bin=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")
  pg_port=${COOPERANET_PG_PORT:-55442}
  as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
  [ "$(id -u)" -eq 0 ] && chown postgres "$data"
  [ -d "$data/pg" ] || as_pg "$pg_bin/initdb" -D "$data/pg" -U cooperanet -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  # fsync off only speeds up generating the data; the load test itself only reads.
  as_pg "$pg_bin/pg_ctl" -D "$data/pg" -l "$data/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $data -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
  export CooperaNet__Database__Provider=PostgreSql
  export CooperaNet__Database__ConnectionString="Host=127.0.0.1;Port=$pg_port;Username=cooperanet;Database=postgres"
else
  export CooperaNet__Database__Provider=Sqlite
  export CooperaNet__Database__DataDirectory="$data"
fi

cleanup() {
  kill "${sampler_pid:-}" "${app_pid:-}" 2>/dev/null || true
  wait 2>/dev/null || true
  [ "$provider" = postgres ] && as_pg "$pg_bin/pg_ctl" -D "$data/pg" -m fast stop >/dev/null 2>&1
  rm -f "$log"
}
trap cleanup EXIT

dotnet build -c Release src/CooperaNet.Web -nologo -clp:ErrorsOnly >/dev/null
dotnet build -c Release bench/CatalogData -nologo -clp:ErrorsOnly >/dev/null
if [ ! -f "$data/generated" ]; then
  echo "Generating $count entries on $provider into $data"
  (cd "$data" && dotnet "$root/bench/CatalogData/bin/Release/net10.0/CatalogData.dll" "$count")
  touch "$data/generated"
fi

# --- The app -------------------------------------------------------------------------------------
ASPNETCORE_ENVIRONMENT=Production CooperaNet__Email__PickupDirectory="$data/mail" \
  CooperaNet__Catalog__ListCacheSeconds="${CATALOG_CACHE_SECONDS:-5}" \
  dotnet src/CooperaNet.Web/bin/Release/net10.0/CooperaNet.Web.dll --urls "http://127.0.0.1:$app_port" \
  --contentRoot "$root/src/CooperaNet.Web" >"$log" 2>&1 &
app_pid=$!
until curl -fs -o /dev/null "http://127.0.0.1:$app_port/health/ready"; do
  kill -0 "$app_pid" 2>/dev/null || { echo "the app stopped:" >&2; tail -20 "$log" >&2; exit 1; }
  sleep 0.1
done

base="http://127.0.0.1:$app_port"
urls=(
  "/api/v1/offers?q=agua&modality=technical-assistance&category=140"
  "/api/v1/offers?q=disaster%20risk&state=JM&modality=technical-assistance&lang=en"
  "/api/v1/demands?state=CO&sdg=6"
  "mixed"
)
[ "$(curl -s -o /dev/null -w '%{http_code}' "$base/es/catalog")" = 200 ] && urls+=("/es/catalog?q=agua&modality=technical-assistance")

rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$app_pid/status"; }
echo "machine: $(nproc) vCPU, load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "provider=$provider entries=$count list cache=${CATALOG_CACHE_SECONDS:-5}s wrk -t2 -c32 -d${duration}s --latency; RSS after start: $(( $(rss_kb) / 1024 )) MB"
printf '%-80s %8s %8s %8s %8s %6s %9s\n' url req/s p50_ms p95_ms p99_ms errors total
for url in "${urls[@]}"; do
  if [ "$url" = mixed ]; then
    # 400 different searches in turn (see bench/catalog.lua): mostly cache misses.
    target=("$base/" -- mixed); total=-; label="mixed: 400 searches, word + modality + state"
  else
    target=("$base$url"); total=$(curl -fs "$base$url" | grep -o '"total":[0-9]*' | cut -d: -f2 || true); label=$url
  fi
  wrk -t2 -c32 -d3s -s bench/catalog.lua "${target[@]}" >/dev/null   # warm-up: JIT, connection pool, caches
  line=$(wrk -t2 -c32 -d"${duration}s" --timeout 30s --latency -s bench/catalog.lua "${target[@]}" | grep '^RESULT')
  eval "$(echo "${line#RESULT }" | tr ' ' '\n' | sed 's/^/r_/')"
  printf '%-80s %8s %8s %8s %8s %6s %9s\n' "$label" "$r_rps" "$r_p50" "$r_p95" "$r_p99" "$r_errors" "${total:-?}"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "app peak RSS (VmHWM): $(( $(awk '/^VmHWM/ {print $2}' "/proc/$app_pid/status") / 1024 )) MB, now $(( $(rss_kb) / 1024 )) MB"
