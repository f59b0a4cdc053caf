#!/usr/bin/env bash
# The production shape on one machine, without systemd or containers: a private PostgreSQL cluster,
# the migration step, TWO app instances and nginx in front of them, all on 127.0.0.1.
#
#   deploy/run-local.sh          start everything in the background, print the address, return
#   deploy/run-local.sh stop     stop everything this script started (and delete its directory)
#
# Environment (all optional):
#   COOPERANET_DEPLOY_DIR         working directory (database cluster, app, logs, nginx.conf), default /tmp/cooperanet-deploy
#   COOPERANET_DEPLOY_PORT        nginx's port, default a free one
#   COOPERANET_DEPLOY_APP_PORTS   the two instances' ports ("5001 5002"), default free ones
#   COOPERANET_DEPLOY_PG_PORT     PostgreSQL's port, default a free one
#   COOPERANET_DEPLOY_NO_BUILD=1  publish what `dotnet build -c Release` already built (./test.sh does)
#   COOPERANET_DEPLOY_INSTANCES   1 or 2 app instances behind nginx, default 2 (bench/mixed.sh compares them)
# Other CooperaNet__* variables in the environment reach both instances (e.g. CooperaNet__Email__PollInterval).
# nginx listens on plain http here, so the __Host- cookie prefix (Production's default) is off unless
# CooperaNet__Security__HostPrefixCookies=true is set (for a TLS terminator in front of nginx).
# Run as root on Debian 12 (installs nginx and postgresql with apt-get when missing) or as a user
# who already has them.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
root=$PWD
dir=${COOPERANET_DEPLOY_DIR:-/tmp/cooperanet-deploy}

as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pg_bin() { dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)"; }

stop() {
  [ -d "$dir" ] || { echo "Nothing running in $dir"; return 0; }
  for name in nginx app-b app-a; do
    if [ -f "$dir/$name.pid" ]; then
      pid=$(cat "$dir/$name.pid")
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
    fi
  done
  [ -d "$dir/pg/data" ] && as_pg "$(pg_bin)/pg_ctl" -D "$dir/pg/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$dir"
  echo "Stopped; removed $dir"
}

if [ "${1:-start}" = stop ]; then
  stop
  exit 0
fi
[ "${1:-start}" = start ] || { echo "usage: $0 [start|stop]" >&2; exit 2; }

say() { printf '== %s\n' "$*"; }
fail() { echo "run-local: $*" >&2; exit 1; }

# A port nobody listens on, from a random start so that two runs at once rarely pick the same one.
free_port() {
  local port=$((20000 + RANDOM % 30000))
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}

wait_http() { # url seconds [pid that must stay alive]
  for _ in $(seq $(($2 * 5))); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    [ -z "${3:-}" ] || kill -0 "$3" 2>/dev/null || return 1
    sleep 0.2
  done
  return 1
}

[ -e "$dir/pg" ] && fail "$dir is in use: run '$0 stop' first, or set COOPERANET_DEPLOY_DIR"

missing=()
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
command -v curl >/dev/null || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" -eq 0 ] || fail "missing ${missing[*]}: install them (apt-get install ${missing[*]})"
  say "Installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

mkdir -p "$dir"/{pg,logs,data,nginx}
chmod 755 "$dir"
started=0
on_exit() {
  [ "$started" = 1 ] && return
  echo "run-local: start-up failed; the last lines of each log:" >&2
  for log in "$dir"/logs/*.log "$dir/pg/server.log"; do
    [ -s "$log" ] && { echo "--- $log" >&2; tail -n 15 "$log" >&2; }
  done
  stop >/dev/null
}
trap on_exit EXIT
trap 'exit 143' TERM INT  # so that on_exit cleans up

pg_port=${COOPERANET_DEPLOY_PG_PORT:-$(free_port)}
http_port=${COOPERANET_DEPLOY_PORT:-$(free_port)}
instances=${COOPERANET_DEPLOY_INSTANCES:-2}
case "$instances" in 1|2) ;; *) fail "COOPERANET_DEPLOY_INSTANCES must be 1 or 2" ;; esac
read -r port_a port_b <<<"${COOPERANET_DEPLOY_APP_PORTS:-$(free_port) $(free_port)}"
[ "$port_a" != "$port_b" ] || port_b=$(free_port)

# --- PostgreSQL: a private cluster, then the application's role and database --------------------
say "PostgreSQL on 127.0.0.1:$pg_port"
[ "$(id -u)" -eq 0 ] && chown postgres "$dir/pg"
as_pg "$(pg_bin)/initdb" -D "$dir/pg/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$(pg_bin)/pg_ctl" -D "$dir/pg/data" -l "$dir/pg/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $dir/pg" start >/dev/null
password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
app_password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
psql_admin() { psql -X -q -v ON_ERROR_STOP=1 "host=127.0.0.1 port=$pg_port user=postgres dbname=postgres" "$@"; }
# Two roles: cooperanet owns the tables and runs `cooperanet migrate`; the instances connect as
# cooperanet_app, which owns nothing, so row-level security binds it (docs/OPERATIONS.md).
psql_admin -c "CREATE ROLE cooperanet LOGIN PASSWORD '$password'"
psql_admin -c "CREATE ROLE cooperanet_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD '$app_password'"
psql_admin -c "CREATE DATABASE cooperanet OWNER cooperanet ENCODING 'UTF8'"
connection="Host=127.0.0.1;Port=$pg_port;Database=cooperanet;Username=cooperanet;Password=$password"
app_connection="Host=127.0.0.1;Port=$pg_port;Database=cooperanet;Username=cooperanet_app;Password=$app_password"

# What the instances and the command line share; `source $dir/env.sh` to use ./cooperanet on this database
# (as the owner; the instances replace the connection string with the app role's).
cat >"$dir/env.sh" <<EOF
export CooperaNet__Database__Provider=PostgreSql
export CooperaNet__Database__ConnectionString='$connection'
export CooperaNet__Database__AppRole=cooperanet_app
export CooperaNet__Database__DataDirectory='$dir/data'
export CooperaNet__Email__PickupDirectory='$dir/data/mail'
export CooperaNet__Email__PublicBaseUrl='http://127.0.0.1:$http_port'
export COOPERANET_DEPLOY_URL='http://127.0.0.1:$http_port'
export COOPERANET_DEPLOY_A='http://127.0.0.1:$port_a'
export COOPERANET_DEPLOY_B='http://127.0.0.1:$port_b'
export COOPERANET_DEPLOY_PG='host=127.0.0.1 port=$pg_port user=cooperanet dbname=cooperanet password=$password'
export COOPERANET_DEPLOY_PG_APP='host=127.0.0.1 port=$pg_port user=cooperanet_app dbname=cooperanet password=$app_password'
export COOPERANET_DEPLOY_APP_CONNECTION='$app_connection'
export COOPERANET_DEPLOY_PG_ADMIN='host=127.0.0.1 port=$pg_port user=postgres dbname=postgres'
export COOPERANET_DEPLOY_CLI='$dir/cli/cooperanet.dll'
EOF
# shellcheck source=/dev/null
source "$dir/env.sh"

# --- The application, published once (Release), and the migration step --------------------------
build_flag=(); [ "${COOPERANET_DEPLOY_NO_BUILD:-0}" = 1 ] && build_flag=(--no-build)
say "Publishing (Release${build_flag:+, no build})"
dotnet publish src/CooperaNet.Web -c Release -o "$dir/app" -nologo -v quiet "${build_flag[@]}" >"$dir/logs/publish.log" 2>&1 \
  || fail "publishing the web app failed"
dotnet publish src/CooperaNet.Cli -c Release -o "$dir/cli" -nologo -v quiet "${build_flag[@]}" >>"$dir/logs/publish.log" 2>&1 \
  || fail "publishing the command line failed"

say "Migrating (cooperanet migrate)"
dotnet "$dir/cli/cooperanet.dll" migrate >"$dir/logs/migrate.log" 2>&1 || fail "cooperanet migrate failed"

# --- Two instances as the app role, migrations off: each refuses to start if one were pending -----
start_instance() { # name port
  (cd "$dir/app" && ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$2" \
    CooperaNet__Database__MigrateOnStart=false CooperaNet__Database__ConnectionString="$app_connection" \
    CooperaNet__Security__HostPrefixCookies="${CooperaNet__Security__HostPrefixCookies:-false}" \
    exec dotnet CooperaNet.Web.dll >"$dir/logs/$1.log" 2>&1) &
  echo $! >"$dir/$1.pid"
}
names=(app-a); [ "$instances" = 2 ] && names+=(app-b)
say "Instances on 127.0.0.1:$port_a$([ "$instances" = 2 ] && echo " and 127.0.0.1:$port_b")"
start_instance app-a "$port_a"
[ "$instances" = 2 ] && start_instance app-b "$port_b"
second_server=""; [ "$instances" = 2 ] && second_server="server 127.0.0.1:$port_b;"

# --- nginx in front, from deploy/nginx.conf's shape ----------------------------------------------
mkdir -p "$dir/nginx/tmp"
cat >"$dir/nginx/nginx.conf" <<EOF
# Generated by deploy/run-local.sh from deploy/nginx.conf.
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/logs/nginx-error.log warn;
events { worker_connections 256; }
http {
    access_log $dir/logs/nginx-access.log;
    client_body_temp_path $dir/nginx/tmp/body;
    proxy_temp_path $dir/nginx/tmp/proxy;
    fastcgi_temp_path $dir/nginx/tmp/fastcgi;
    uwsgi_temp_path $dir/nginx/tmp/uwsgi;
    scgi_temp_path $dir/nginx/tmp/scgi;
    include /etc/nginx/mime.types;
    client_max_body_size 110m;

    upstream cooperanet {
        server 127.0.0.1:$port_a;
        $second_server
        keepalive 32;
    }

    server {
        listen 127.0.0.1:$http_port;
        server_name _;

        gzip on;
        gzip_types text/css application/json application/problem+json image/svg+xml;

        location / {
            proxy_pass http://cooperanet;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host \$http_host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto \$scheme;
        }
    }
}
EOF
chmod -R a+rwx "$dir/nginx/tmp"  # nginx's workers run as an unprivileged user
"$nginx_bin" -t -q -e "$dir/logs/nginx-error.log" -c "$dir/nginx/nginx.conf" 2>"$dir/logs/nginx-test.log" \
  || fail "nginx refused its configuration: $(cat "$dir/logs/nginx-test.log")"
"$nginx_bin" -e "$dir/logs/nginx-error.log" -c "$dir/nginx/nginx.conf"

for name in "${names[@]}"; do
  port=$([ $name = app-a ] && echo "$port_a" || echo "$port_b")
  wait_http "http://127.0.0.1:$port/health/ready" 60 "$(cat "$dir/$name.pid")" || fail "$name did not become ready on port $port"
done
wait_http "http://127.0.0.1:$http_port/health/ready" 10 || fail "nginx does not answer on port $http_port"
started=1

say "CooperaNet at http://127.0.0.1:$http_port/ (instances :$port_a and :$port_b, PostgreSQL :$pg_port)"
echo "   logs in $dir/logs; 'source $dir/env.sh' to run the command line on this database; '$0 stop' to stop"
