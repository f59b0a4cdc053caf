#!/usr/bin/env bash
# The production shape proven end to end: deploy/run-local.sh starts PostgreSQL, the migration step, two
# instances and nginx; this script signs in THROUGH nginx, uses that cookie on each instance, writes
# through one instance and reads through the other, checks the forwarded scheme, has both instances
# compete for a batch of e-mail in the outbox, checks that the instances run as the app role behind
# row-level security, and checks that an instance refuses a database with pending migrations. Prints
# PASS/FAIL lines; exits non-zero on any failure.
#
# COOPERANET_DEPLOY_NO_BUILD=1 (./test.sh sets it) publishes the Release build already made.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/../.."
root=$PWD

dir=$(mktemp -d /tmp/cooperanet-scale-out.XXXXXX)
export COOPERANET_DEPLOY_DIR=$dir
export CooperaNet__Email__PollInterval=00:00:01
failures=0
finish() {
  "$root/deploy/run-local.sh" stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap finish EXIT
trap 'echo "FAIL: stopped (time limit or interrupt)"; exit 124' TERM INT

pass() { echo "PASS: $*"; }
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
check() { # description, then a command that must succeed
  local what=$1; shift
  if "$@"; then pass "$what"; else fail "$what"; fi
}

started=$(date +%s)
"$root/deploy/run-local.sh" start
# shellcheck source=/dev/null
source "$dir/env.sh"
nginx=$COOPERANET_DEPLOY_URL a=$COOPERANET_DEPLOY_A b=$COOPERANET_DEPLOY_B
echo "   started in $(($(date +%s) - started)) s"

# --- A focal point of Colombia, created with the command line on the same database -----------------
email=focal.point@scale-out.example.org
password="scale-out $(head -c 12 /dev/urandom | base64)"
printf '%s\n' "$password" | dotnet "$COOPERANET_DEPLOY_CLI" users create --email "$email" --role focal-point \
  --state CO --name "Scale-out focal point" --password-stdin >"$dir/logs/users.log" 2>&1 \
  || { cat "$dir/logs/users.log"; fail "create a user with the command line"; exit 1; }

# --- Sign in through nginx: the page, its antiforgery token, the form, the cookie --------------------
jar=$dir/cookies
page=$(curl -fsS -c "$jar" -b "$jar" "$nginx/en/account/sign-in")
token=$(grep -o 'name="__RequestVerificationToken"[^>]*' <<<"$page" | sed -n 's/.*value="\([^"]*\)".*/\1/p' | head -1)
[ -n "$token" ] || { fail "the sign-in page through nginx has an antiforgery token"; exit 1; }
signed_in=$(curl -sS -o /dev/null -D - -c "$jar" -b "$jar" "$nginx/en/account/sign-in" \
  --data-urlencode "Input.Email=$email" --data-urlencode "Input.Password=$password" \
  --data-urlencode "__RequestVerificationToken=$token")
check "signing in through nginx sets the session cookie" grep -qi '^set-cookie: cooperanet=' <<<"$signed_in"
check "a session cookie over plain http is not marked Secure" bash -c '! grep -i "^set-cookie: cooperanet=" <<<"$1" | grep -qi "; secure"' _ "$signed_in"

status() { curl -sS -o /dev/null -w '%{http_code}' -b "$jar" "$@"; }
# The profile page answers 200 to a signed-in user and redirects anyone else to the sign-in page.
check "the cookie nginx's instance issued is accepted by instance A" [ "$(status "$a/en/account/profile")" = 200 ]
check "the cookie nginx's instance issued is accepted by instance B" [ "$(status "$b/en/account/profile")" = 200 ]
check "without the cookie instance B sends to the sign-in page" [ "$(curl -sS -o /dev/null -w '%{http_code}' "$b/en/account/profile")" = 302 ]

# --- Write through A, read through B and through nginx -----------------------------------------------
title="Scale-out offer $(date +%s%N)"
created=$(curl -sS -b "$jar" -H 'Content-Type: application/json' -w '\n%{http_code}' "$a/api/v1/offers" --data @- <<EOF
{"language":"es","title":"$title","summary":"Written through instance A.","sectors":["22040"],"modality":"training-course","institution":"MICITT","contactName":"Ana","contactEmail":"ana@example.org"}
EOF
)
id=$(head -n -1 <<<"$created" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
code=$(tail -n 1 <<<"$created")
check "a draft offer is created through instance A (201 with its id)" [ "$code" = 201 -a -n "$id" ]
check "instance B reads the offer written through A" bash -c 'curl -fsS -b "$1" "$2/api/v1/offers/$3" | grep -qF "$4"' _ "$jar" "$b" "$id" "$title"
check "nginx reads the offer written through A" bash -c 'curl -fsS -b "$1" "$2/api/v1/offers/$3" | grep -qF "$4"' _ "$jar" "$nginx" "$id" "$title"

# --- Row-level security: the instances are the app role, which cannot write another state's rows ----
as_app() { psql -X -At -v ON_ERROR_STOP=1 "$COOPERANET_DEPLOY_PG_APP" "$@"; }
check "the instances connect as cooperanet_app" \
  [ "$(psql -X -At "$COOPERANET_DEPLOY_PG_ADMIN" -c "SELECT count(*) > 0 FROM pg_stat_activity WHERE usename = 'cooperanet_app' AND datname = 'cooperanet'")" = t ]
check "cooperanet_app owns no table" [ "$(as_app -c "SELECT count(*) FROM pg_tables WHERE tableowner = current_user")" = 0 ]
rls_update() { # actor state: how many rows a raw update of the Colombian offer changes
  as_app -c "SELECT set_config('cooperanet.actor', '$1', false), set_config('cooperanet.state', '$2', false)" \
    -c "WITH changed AS (UPDATE \"Entries\" SET \"Institution\" = \"Institution\" WHERE \"Id\" = '$id' RETURNING 1) SELECT count(*) FROM changed" | tail -n 1
}
check "as cooperanet_app with Brazil's focal point context, a raw update of the Colombian offer changes nothing" [ "$(rls_update focal-point BR)" = 0 ]
check "and with Colombia's, it changes the row" [ "$(rls_update focal-point CO)" = 1 ]

# --- Forwarded headers: the proxy's scheme is believed, so the cookie is Secure behind TLS ----------
jar2=$dir/cookies-https
page=$(curl -fsS -c "$jar2" -b "$jar2" -H 'X-Forwarded-Proto: https' "$a/en/account/sign-in")
token=$(grep -o 'name="__RequestVerificationToken"[^>]*' <<<"$page" | sed -n 's/.*value="\([^"]*\)".*/\1/p' | head -1)
forwarded=$(curl -sS -o /dev/null -D - -c "$jar2" -b "$jar2" -H 'X-Forwarded-Proto: https' "$a/en/account/sign-in" \
  --data-urlencode "Input.Email=$email" --data-urlencode "Input.Password=$password" \
  --data-urlencode "__RequestVerificationToken=$token")
check "behind a proxy that says https, the session cookie is Secure" bash -c 'grep -i "^set-cookie: cooperanet=" <<<"$1" | grep -qi "; secure"' _ "$forwarded"

# --- Both instances compete for the outbox: each message is sent exactly once ------------------------
count=40
psql -X -q -v ON_ERROR_STOP=1 "$COOPERANET_DEPLOY_PG" -c "INSERT INTO \"Outbox\" (\"Id\", \"Attempts\", \"CreatedAt\", \"Subject\", \"TextBody\", \"To\")
  SELECT gen_random_uuid(), 0, now(), 'Scale-out ' || g, 'Queued while both instances run.', 'person' || g || '@scale-out.example.org'
  FROM generate_series(1, $count) g"
waiting=$count
for _ in $(seq 150); do
  waiting=$(psql -X -At "$COOPERANET_DEPLOY_PG" -c "SELECT count(*) FROM \"Outbox\" WHERE \"Subject\" LIKE 'Scale-out %' AND \"SentAt\" IS NULL")
  [ "$waiting" = 0 ] && break
  sleep 0.2
done
check "all $count queued e-mails were sent" [ "$waiting" = 0 ]
psql -X -At "$COOPERANET_DEPLOY_PG" -c "SELECT \"Id\" FROM \"Outbox\" WHERE \"Subject\" LIKE 'Scale-out %'" >"$dir/ids"
sent_by() { grep -hoE 'Sent outbox message [0-9a-f-]{36}' "$dir/logs/$1.log" | awk '{print $4}' | sort; }
sent_by app-a >"$dir/sent-a"
sent_by app-b >"$dir/sent-b"
twice=$(sort "$dir/sent-a" "$dir/sent-b" | uniq -d | grep -cFf "$dir/ids" || true)
once=$(sort -u "$dir/sent-a" "$dir/sent-b" | grep -cFf "$dir/ids" || true)
echo "   instance A sent $(grep -cFf "$dir/ids" "$dir/sent-a" || true), instance B $(grep -cFf "$dir/ids" "$dir/sent-b" || true)"
check "each of the $count e-mails was sent by exactly one instance, once" [ "$once" = "$count" -a "$twice" = 0 ]

# --- Migrations are a deployment step: an instance refuses a database with pending ones ---------------
psql -X -q "$COOPERANET_DEPLOY_PG_ADMIN" -c 'CREATE DATABASE cooperanet_empty OWNER cooperanet'
set +e
(cd "$dir/app" && CooperaNet__Database__ConnectionString="${CooperaNet__Database__ConnectionString/Database=cooperanet;/Database=cooperanet_empty;}" \
  CooperaNet__Database__MigrateOnStart=false ASPNETCORE_URLS=http://127.0.0.1:0 ASPNETCORE_ENVIRONMENT=Production \
  timeout 60 dotnet CooperaNet.Web.dll >"$dir/logs/refused.log" 2>&1)
refused=$?
set -e
check "with migrations pending and MigrateOnStart off, an instance exits with a non-zero code ($refused)" [ "$refused" != 0 -a "$refused" != 124 ]
check "and says why" grep -q 'pending migrations' "$dir/logs/refused.log"
tables=$(psql -X -At "${COOPERANET_DEPLOY_PG/dbname=cooperanet /dbname=cooperanet_empty }" -c "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
check "and leaves that database untouched" [ "$tables" = 0 ]

echo "   $(($(date +%s) - started)) s in all"
if [ "$failures" -gt 0 ]; then
  echo "FAIL: $failures check(s) failed; logs were in $dir/logs:"
  tail -n 30 "$dir"/logs/app-*.log
  exit 1
fi
echo "PASS: scale-out"
