#!/usr/bin/env bash
# Time to compute the priority areas (issue 7) on the 100,000-entry catalog of bench/catalog.sh.
# Usage: bench/priorities.sh [runs]     (needs bench/catalog.sh sqlite run once before)
# The catalog's database is copied once beside it, so these runs never touch the original.
# Prints, per dimension, the time the command reports for the computation (queries and ranking, the
# process's .NET start and migrations check left out) and the wall time of the whole process, with medians.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
runs=${1:-5}
count=${CATALOG_ENTRIES:-100000}
source_data=/tmp/cooperanet-catalog-sqlite-$count
data=/tmp/cooperanet-priorities-sqlite-$count
[ -f "$source_data/generated" ] || { echo "run bench/catalog.sh sqlite first: it generates $source_data" >&2; exit 2; }
if [ ! -f "$data/cooperanet.db" ]; then
  mkdir -p "$data"
  cp --reflink=auto "$source_data/cooperanet.db" "$data/cooperanet.db"
fi
# The generated catalog has no pairs: give the copy five per demand with scores spread over 0.05-0.94,
# a tenth of them agreed, so the calculation reads pairs as it would in use.
python3 - "$data/cooperanet.db" <<'SQL'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
if db.execute("select count(*) from Pairs").fetchone()[0] == 0:
    db.executescript("""
    WITH d AS (SELECT Id, StateCode, PublishedAt, ROW_NUMBER() OVER (ORDER BY Id) AS rn FROM Entries WHERE Kind = 'Demand'),
         o AS (SELECT Id, StateCode, PublishedAt, ROW_NUMBER() OVER (ORDER BY Id) AS rn FROM Entries WHERE Kind = 'Offer'),
         n AS (SELECT count(*) AS c FROM o),
         k(j) AS (VALUES (1), (2), (3), (4), (5)),
         p AS (SELECT o.Id AS OfferId, d.Id AS DemandId, o.StateCode AS OfferState, d.StateCode AS DemandState,
                      max(o.PublishedAt, d.PublishedAt) + 864000000000 AS Created, (d.rn + k.j) % 10 AS Answer,
                      0.05 + ((d.rn * 31 + k.j * 17) % 90) / 100.0 AS Score
               FROM d CROSS JOIN k CROSS JOIN n JOIN o ON o.rn = ((d.rn * 7919 + k.j * 104729) % n.c) + 1
               WHERE o.StateCode <> d.StateCode)
    INSERT OR IGNORE INTO Pairs (Id, OfferId, DemandId, OfferState, DemandState, Score, Reasons, ScoredAt, CreatedAt, IsCurrent,
                       OfferInterest, OfferAnsweredAt, DemandInterest, DemandAnsweredAt, DeclineReason, AgreedAt, InitiativeId, BrokeredAt, Version)
    SELECT upper(substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-4' || substr(h, 14, 3) || '-8' || substr(h, 18, 3) || '-' || substr(h, 21, 12)),
           OfferId, DemandId, OfferState, DemandState, Score, '[]', Created, Created, 1,
           CASE WHEN Answer <= 3 THEN 'Interested' WHEN Answer = 4 THEN 'Declined' ELSE 'Pending' END,
           CASE WHEN Answer <= 4 THEN Created + 5 * 864000000000 END,
           CASE WHEN Answer = 0 THEN 'Interested' ELSE 'Pending' END,
           CASE WHEN Answer = 0 THEN Created + 20 * 864000000000 END,
           CASE WHEN Answer = 4 THEN 'Fuera de plazo' END,
           CASE WHEN Answer = 0 THEN Created + 20 * 864000000000 END,
           NULL, NULL, 0
    FROM (SELECT *, hex(randomblob(16)) AS h FROM p);
    """)
    db.commit()
print("pairs:", db.execute("select count(*) from Pairs").fetchone()[0], file=sys.stderr)
SQL

dotnet build -c Release src/CooperaNet.Cli -nologo -clp:ErrorsOnly >/dev/null
cli=src/CooperaNet.Cli/bin/Release/net10.0/cooperanet.dll
export CooperaNet__Database__Provider=Sqlite CooperaNet__Database__DataDirectory="$data"
dotnet "$cli" migrate >/dev/null
echo "$count entries, $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for dimension in category sector sdg subregion language; do
  times=(); inner=(); said=""
  for _ in $(seq "$runs"); do
    start=$(date +%s%N)
    said=$(dotnet "$cli" priorities --lang es --dimension "$dimension" --top 10 2>&1 >/dev/null)
    times+=($(( ($(date +%s%N) - start) / 1000000 )))
    inner+=($(echo "$said" | sed -n 's/.*computed in \([0-9]*\) ms\./\1/p'))
  done
  echo "$dimension: computed ${inner[*]} ms (median $(median "${inner[@]}")); process ${times[*]} ms (median $(median "${times[@]}")); ${said%%;*}"
done
