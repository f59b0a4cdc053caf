#!/usr/bin/env bash
# Mixed load (issue 9): the public browsing and searching the catalog and reading entries and reference
# data, while focal points of six states write drafts through the API with their tokens. Two wrk
# processes run at once for the whole duration; a Kestrel hello-world is measured first, in the same run.
#
# Usage: bench/mixed.sh [sqlite|postgres] [seconds] [instances]
#   sqlite              one instance in Production mode on a fresh data folder with the demo catalog
#   postgres N          deploy/run-local.sh: PostgreSQL, N app instances (1 or 2) behind nginx
# Environment: MIXED_READ_CONNECTIONS (24), MIXED_READ_RATE (3000), MIXED_WRITE_CONNECTIONS (8),
#   MIXED_WRITE_RATE (0), MIXED_WARMUP (20 s), MIXED_HELLO_SECONDS (10), MIXED_ONLY (reads or writes: one
#   side alone, to know its capacity), MIXED_DIR (working folder, default a new one under /tmp, removed at
#   the end). A rate is the requests per second offered: each connection waits connections/rate between an
#   answer and its next request, as arriving users do; 0 sends the next request at once, and that side then
#   measures its capacity (MIXED_READ_RATE=0 MIXED_READ_CONNECTIONS=16 MIXED_WRITE_CONNECTIONS=16 is the
#   saturating run of docs/BENCHMARKS.md).
#
# Why these defaults: the machine has 2 cores, shared by wrk, the app (and nginx and PostgreSQL). One wrk
# thread per process (two processes, so two load threads in all) keeps the load generator to a fraction of
# the CPU. The public arrives at a rate (3,000 offered, over 24 connections), not as fast as the server can
# answer: an unpaced reader takes every idle cycle and measures only how the CPU is shared. Writes go as
# fast as eight focal points' connections can send them: SQLite has one writer, so every further connection
# only waits in the queue for its turn (the latency it adds is that queue, by Little's law, not the app).
# Everything listens on 127.0.0.1 only; every wait is bounded; the trap stops all that was started.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
root=$PWD
provider=${1:-sqlite}
duration=${2:-60}
instances=${3:-1}
case "$provider" in sqlite|postgres) ;; *) echo "usage: bench/mixed.sh [sqlite|postgres] [seconds] [instances]" >&2; exit 2 ;; esac
case "$instances" in 1|2) ;; *) echo "instances: 1 or 2" >&2; exit 2 ;; esac
[ "$provider" = sqlite ] && [ "$instances" != 1 ] && { echo "SQLite runs one instance (one writer process)" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
read_c=${MIXED_READ_CONNECTIONS:-24}
write_c=${MIXED_WRITE_CONNECTIONS:-8}
warmup=${MIXED_WARMUP:-20}
hello_seconds=${MIXED_HELLO_SECONDS:-10}
only=${MIXED_ONLY:-}
read_rate=${MIXED_READ_RATE:-3000} # offered reads per second (0: as fast as the connections go)
write_rate=${MIXED_WRITE_RATE:-0}  # offered writes per second (0: as fast as the connections go)
case "$only" in ""|reads|writes) ;; *) echo "MIXED_ONLY: reads or writes" >&2; exit 2 ;; esac
run_reads() { [ "$only" != writes ]; }
run_writes() { [ "$only" != reads ]; }
out=${MIXED_DIR:-$(mktemp -d /tmp/cooperanet-mixed.XXXXXX)}
mkdir -p "$out"; chmod 755 "$out"
app_port=5321; hello_port=5322
pids=()
say() { printf '== %s\n' "$*"; }

cleanup() {
  local code=$?
  [ -n "${sampler_pid:-}" ] && kill "$sampler_pid" 2>/dev/null
  [ -n "${hello_pid:-}" ] && kill "$hello_pid" 2>/dev/null
  if [ "$provider" = postgres ]; then
    COOPERANET_DEPLOY_DIR="$out/deploy" deploy/run-local.sh stop >/dev/null 2>&1 || true
  elif [ -n "${app_pid:-}" ]; then
    kill "$app_pid" 2>/dev/null
  fi
  wait 2>/dev/null || true
  if [ "$code" != 0 ]; then
    echo "mixed: failed ($code); logs:" >&2
    for log in "$out"/*.log "$out"/deploy/logs/app-*.log; do [ -s "$log" ] && { echo "--- $log" >&2; tail -n 15 "$log" >&2; }; done
  fi
  [ -z "${MIXED_DIR:-}" ] && rm -rf "$out"
  exit "$code"
}
trap cleanup EXIT
trap 'exit 143' TERM INT

say "Building (Release)"
timeout 900 dotnet build -c Release src/CooperaNet.Web -nologo -clp:ErrorsOnly >/dev/null
timeout 900 dotnet build -c Release src/CooperaNet.Cli -nologo -clp:ErrorsOnly >/dev/null
timeout 900 dotnet build -c Release bench/Hello -o "$out/hello" -nologo -clp:ErrorsOnly >/dev/null

wait_http() { # url seconds [pid that must stay alive]
  for _ in $(seq $(($2 * 10))); do
    curl -fs -o /dev/null --max-time 2 "$1" && return 0
    [ -z "${3:-}" ] || kill -0 "$3" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}

# --- The app and its database, with the demo catalog ---------------------------------------------
if [ "$provider" = sqlite ]; then
  export CooperaNet__Database__Provider=Sqlite CooperaNet__Database__DataDirectory="$out/data"
  export CooperaNet__Email__PickupDirectory="$out/data/mail"
  cli() { timeout 300 dotnet src/CooperaNet.Cli/bin/Release/net10.0/cooperanet.dll "$@"; }
  say "SQLite: migrate and seed the demo catalog in $out/data"
  cli migrate >/dev/null
  cli demo seed >/dev/null
  cli pairs recompute >/dev/null   # the crossing of the demo catalog, done before the app starts
  ASPNETCORE_ENVIRONMENT=Production dotnet src/CooperaNet.Web/bin/Release/net10.0/CooperaNet.Web.dll \
    --urls "http://127.0.0.1:$app_port" --contentRoot "$root/src/CooperaNet.Web" >"$out/app.log" 2>&1 &
  app_pid=$!
  pids=("$app_pid")
  base="http://127.0.0.1:$app_port"
  wait_http "$base/health/ready" 120 "$app_pid" || { echo "the app did not become ready" >&2; exit 1; }
else
  say "PostgreSQL: deploy/run-local.sh with $instances instance(s) behind nginx"
  COOPERANET_DEPLOY_DIR="$out/deploy" COOPERANET_DEPLOY_INSTANCES="$instances" COOPERANET_DEPLOY_NO_BUILD=1 \
    timeout 600 deploy/run-local.sh start >"$out/deploy.log" 2>&1
  # shellcheck source=/dev/null
  source "$out/deploy/env.sh"
  cli() { timeout 300 dotnet "$COOPERANET_DEPLOY_CLI" "$@"; }
  cli demo seed >/dev/null
  pids=("$(cat "$out/deploy/app-a.pid")")
  [ "$instances" = 2 ] && pids+=("$(cat "$out/deploy/app-b.pid")")
  base=$COOPERANET_DEPLOY_URL
fi

# --- Focal points of six states, each with an API token and 24 drafts of its own (so that no draft is
# changed by two requests at once: the writes take the 144 drafts in turn) --------------
say "Focal points and their drafts"
drafts=()
for state in CO MX AR BR CL PE; do
  email="mixed-$(echo "$state" | tr 'A-Z' 'a-z')@example.org"
  printf '%s\n' 'Mixed-load-passphrase-42' | cli users create --email "$email" --role focal-point --state "$state" --password-stdin >/dev/null
  token=$(cli tokens create --email "$email" --name mixed-load 2>/dev/null)
  for n in $(seq 24); do
    id=$(curl -fsS --max-time 10 -H "Authorization: Bearer $token" -H 'Content-Type: application/json' "$base/api/v1/offers" \
      --data "{\"language\":\"es\",\"title\":\"Borrador de carga $state $n\",\"summary\":\"Acompanamiento a operadores comunitarios de agua.\",\"description\":\"Visitas tecnicas y formacion.\",\"sectors\":[\"14030\"],\"sdgs\":[\"6\"],\"modality\":\"technical-assistance\",\"workingLanguages\":[\"es\"],\"openTo\":[\"South America\"],\"institution\":\"Agencia de cooperacion\",\"contactName\":\"Ana Perez\",\"contactEmail\":\"ana.perez@example.org\",\"startsOn\":\"2027-02-01\",\"endsOn\":\"2027-06-30\",\"costSharing\":\"Compartidos.\",\"expiresOn\":\"2027-12-31\"}" \
      | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
    [ -n "$id" ] || { echo "creating a draft for $state failed" >&2; exit 1; }
    drafts+=("$token:$id")
  done
done

# Published entries for the reads: twelve offers and eight demands from the demo catalog.
entries=()
for kind in offer demand; do
  count=$([ $kind = offer ] && echo 12 || echo 8)
  while read -r id; do entries+=("$kind:$id"); done < <(curl -fsS --max-time 10 "$base/api/v1/${kind}s?pageSize=$count" | grep -oE '"id":"[0-9a-f-]{36}"' | cut -d'"' -f4 | head -"$count")
done
[ "${#entries[@]}" -ge 10 ] || { echo "the demo catalog has too few entries (${#entries[@]})" >&2; exit 1; }

# --- Kestrel hello-world, the machine's ceiling, in the same run ---------------------------------
dotnet "$out/hello/Hello.dll" --urls "http://127.0.0.1:$hello_port" >/dev/null 2>&1 &
hello_pid=$!
wait_http "http://127.0.0.1:$hello_port/" 30 "$hello_pid" || { echo "hello did not start" >&2; exit 1; }
say "Kestrel hello-world, wrk -t1 -c$read_c, ${hello_seconds}s"
timeout 60 wrk -t1 -c"$read_c" -d3s "http://127.0.0.1:$hello_port/" >/dev/null
hello_line=$(timeout $((hello_seconds + 60)) wrk -t1 -c"$read_c" -d"${hello_seconds}s" --timeout 5s --latency -s bench/mixed/reads.lua "http://127.0.0.1:$hello_port/" | grep '^RESULT' || true)
kill "$hello_pid"; wait "$hello_pid" 2>/dev/null || true; hello_pid=

# --- RSS of every instance, sampled each second ---------------------------------------------------
sample_rss() {
  while true; do
    for pid in "${pids[@]}"; do
      rss=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
      peak=$(cat "$out/rss-$pid" 2>/dev/null || echo 0)
      [ "${rss:-0}" -gt "$peak" ] && echo "$rss" >"$out/rss-$pid"
    done
    sleep 1
  done
}

# --- The load: warm-up, then reads and writes at once ----------------------------------------------
pause_of() { # connections rate: the wait of each connection in ms, as wrk's first script argument
  [ "$2" -gt 0 ] && echo "pause=$(( $1 * 1000 / $2 ))" || echo "pause=0"
}
read_args=("$(pause_of "$read_c" "$read_rate")" "${entries[@]}")
write_args=("$(pause_of "$write_c" "$write_rate")" "${drafts[@]}")
say "Warm-up ${warmup}s"
warm=()
if run_reads; then
  timeout $((warmup + 60)) wrk -t1 -c"$read_c" -d"${warmup}s" --timeout 5s -s bench/mixed/reads.lua "$base/" -- "${read_args[@]}" >/dev/null &
  warm+=($!)
fi
if run_writes; then
  timeout $((warmup + 60)) wrk -t1 -c"$write_c" -d"${warmup}s" --timeout 5s -s bench/mixed/writes.lua "$base/" -- "${write_args[@]}" >/dev/null &
  warm+=($!)
fi
wait "${warm[@]}" || true
for pid in "${pids[@]}"; do awk '/^VmRSS/ {print $2}' "/proc/$pid/status" >"$out/rss-$pid"; done
sample_rss &
sampler_pid=$!
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
say "Mixed load ${duration}s: reads wrk -t1 -c$read_c (offered: ${read_rate/#0/all they can}/s), writes wrk -t1 -c$write_c (offered: ${write_rate/#0/all they can}/s), at once${only:+ (only the $only)}"
running=()
if run_reads; then
  timeout $((duration + 120)) wrk -t1 -c"$read_c" -d"${duration}s" --timeout 5s --latency -s bench/mixed/reads.lua "$base/" -- "${read_args[@]}" >"$out/reads.txt" &
  running+=($!)
fi
if run_writes; then
  timeout $((duration + 120)) wrk -t1 -c"$write_c" -d"${duration}s" --timeout 5s --latency -s bench/mixed/writes.lua "$base/" -- "${write_args[@]}" >"$out/writes.txt" &
  running+=($!)
fi
wait "${running[@]}" || true
kill "$sampler_pid" 2>/dev/null; wait "$sampler_pid" 2>/dev/null || true; sampler_pid=
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
for pid in "${pids[@]}"; do
  kill -0 "$pid" 2>/dev/null || { echo "instance $pid stopped during the load" >&2; exit 1; }
done

# --- Summary -------------------------------------------------------------------------------------
row() { # label RESULT-line target-rps target-p99
  local line=${2#RESULT }
  [ -n "$line" ] || { printf '%-22s %s\n' "$1" "no result (see $out)"; return; }
  local requests rps p50 p99 max non2xx3xx socket
  eval "$(echo "$line" | tr ' ' '\n' | grep -E '^[a-z0-9]+=[0-9.]+$')"
  printf '%-22s %9s %8s %8s %8s %8s %9s %7s %s\n' "$1" "$requests" "$rps" "$p50" "$p99" "$max" "$non2xx3xx" "$socket" "${3:-}"
}
echo
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $(uname -sr); $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "provider=$provider instances=$instances duration=${duration}s${only:+ only=$only}; connections reads $read_c, writes $write_c; offered reads/s ${read_rate/#0/unpaced}, writes/s ${write_rate/#0/unpaced}; load average before $load_before, after $load_after"
printf '%-22s %9s %8s %8s %8s %8s %9s %7s %s\n' process requests req/s p50_ms p99_ms max_ms non-2xx/3xx socket target
row "hello-world (${hello_seconds}s)" "$hello_line"
run_reads && row "reads" "$(grep '^RESULT' "$out/reads.txt" || true)" "(>= 2000 req/s, p99 < 25 ms, 0 errors)"
run_writes && row "writes" "$(grep '^RESULT' "$out/writes.txt" || true)" "(>= 800 req/s, p99 < 20 ms, 0 errors)"
run_writes && grep '^REFUSED' "$out/writes.txt" | sed 's/^REFUSED /  writes answered /' || true
for pid in "${pids[@]}"; do
  hwm=$(awk '/^VmHWM/ {print $2}' "/proc/$pid/status")
  printf 'instance %-8s peak RSS sampled each second %4d MB, VmHWM %4d MB (target < 400 MB)\n' "$pid" $(( $(cat "$out/rss-$pid") / 1024 )) $((hwm / 1024))
done
if [ "$provider" = sqlite ]; then
  echo "database: $(du -sh "$out/data" | cut -f1) in $out/data; journal_mode=$(sqlite3 "$out/data/cooperanet.db" 'PRAGMA journal_mode;' 2>/dev/null || echo '?')"
fi
