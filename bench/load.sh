#!/usr/bin/env bash
# Load test of the public reference API beside a Kestrel hello-world, in the same run.
# Usage: bench/load.sh [seconds]   (needs wrk: apt-get install wrk)
# Prints requests/s for each URL with wrk -t2 -c64, and the cold start time to the first 200.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
duration=${1:-10}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
out=$(mktemp -d /tmp/cooperanet-bench.XXXXXX)
app_port=5301; hello_port=5302
cleanup() { kill "${app_pid:-}" "${hello_pid:-}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$out"; }
trap cleanup EXIT

dotnet build -c Release src/CooperaNet.Web -nologo -clp:ErrorsOnly >/dev/null
dotnet build -c Release bench/Hello -o "$out/hello" -nologo -clp:ErrorsOnly >/dev/null

# Cold start on a new, empty data folder: migrations and reference import included.
start=$(date +%s.%N)
CooperaNet__Database__DataDirectory="$out/data" ASPNETCORE_ENVIRONMENT=Production \
  dotnet src/CooperaNet.Web/bin/Release/net10.0/CooperaNet.Web.dll --urls "http://127.0.0.1:$app_port" \
  --contentRoot "$PWD/src/CooperaNet.Web" >"$out/app.log" 2>&1 &
app_pid=$!
until curl -fs -o /dev/null "http://127.0.0.1:$app_port/es/"; do
  kill -0 "$app_pid" 2>/dev/null || { echo "the app stopped:" >&2; tail -20 "$out/app.log" >&2; exit 1; }
  sleep 0.05
done
cold=$(echo "$(date +%s.%N) - $start" | bc)

dotnet "$out/hello/Hello.dll" --urls "http://127.0.0.1:$hello_port" >/dev/null 2>&1 &
hello_pid=$!
until curl -fs -o /dev/null "http://127.0.0.1:$hello_port/"; do sleep 0.05; done

rps() { wrk -t2 -c64 -d"${duration}s" "$1" | awk '/Requests\/sec/ {print int($2)}'; }
for url in "http://127.0.0.1:$hello_port/" "http://127.0.0.1:$app_port/api/v1/reference/sectors?lang=es" \
           "http://127.0.0.1:$app_port/api/v1/member-states/CO" "http://127.0.0.1:$app_port/es/"; do
  wrk -t2 -c64 -d3s "$url" >/dev/null   # warm-up: JIT and caches
  printf '%-60s %8s req/s\n' "${url#http://127.0.0.1:}" "$(rps "$url")"
done
home_bytes=$(curl -fs "http://127.0.0.1:$app_port/en/" | wc -c)
css=$(curl -fs "http://127.0.0.1:$app_port/en/" | grep -oE 'href="/css/[^"]+"' | head -1 | cut -d'"' -f2)
css_bytes=$(curl -fs "http://127.0.0.1:$app_port$css" | wc -c)
svg_bytes=$(curl -fs "http://127.0.0.1:$app_port$(curl -fs "http://127.0.0.1:$app_port/en/" | grep -oE 'src="/favicon[^"]+"' | head -1 | cut -d'"' -f2)" | wc -c)
printf 'cold start to first 200: %.2f s\n' "$cold"
printf 'home page /en/: html %d B + css %d B + svg %d B = %d B (uncompressed, no JS)\n' "$home_bytes" "$css_bytes" "$svg_bytes" $((home_bytes + css_bytes + svg_bytes))
