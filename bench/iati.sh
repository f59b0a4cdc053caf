#!/usr/bin/env bash
# IATI exchange (issue 8): export of the 100,000-entry catalog of bench/catalog.sh, import of the real
# files in tests/data/iati-activities, and import of a synthetic ~100 MB file, each timed with its peak
# memory (GNU time's maximum resident set size).
# Usage: bench/iati.sh     (needs bench/catalog.sh sqlite run once before, for the export)
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
count=${CATALOG_ENTRIES:-100000}
source_data=/tmp/cooperanet-catalog-sqlite-$count
data=/tmp/cooperanet-iati-sqlite-$count
fresh=$(mktemp -d /tmp/cooperanet-iati-fresh.XXXXXX)
out=$(mktemp -d /tmp/cooperanet-iati-out.XXXXXX)
trap 'rm -rf "$fresh" "$out"' EXIT
command -v /usr/bin/time >/dev/null || { echo "needs GNU time: apt-get install -y time" >&2; exit 2; }

dotnet build -c Release src/CooperaNet.Cli -nologo -clp:ErrorsOnly >/dev/null
cli=src/CooperaNet.Cli/bin/Release/net10.0/cooperanet.dll
measure() { # label, then the command; prints wall seconds and peak MB
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$out/time" "$@" >"$out/stdout" 2>"$out/stderr" || { cat "$out/stderr" >&2; return 1; }
  read -r wall kb <"$out/time"
  printf '%-44s %8.2f s %8.0f MB   %s\n' "$label" "$wall" "$((kb / 1024))" "$(grep -v '^\.\.\.' "$out/stderr" | tail -1)"
}

echo "== Import of the real files (empty database, SQLite)"
export CooperaNet__Database__Provider=Sqlite CooperaNet__Database__DataDirectory="$fresh"
dotnet "$cli" migrate >/dev/null
measure "all nine files, one process" dotnet "$cli" iati import tests/data/iati-activities/*.xml
grep -v '^\.\.\.' "$out/stderr"
measure "all nine again (nothing changes)" dotnet "$cli" iati import tests/data/iati-activities/*.xml

echo "== Import of a synthetic ~100 MB file (the real activities repeated with new identifiers)"
python3 - "$out/big.xml" <<'PY'
import glob, re, sys
activities = []
for path in sorted(glob.glob("tests/data/iati-activities/*.xml")):
    text = open(path, encoding="utf-8").read()
    activities += re.findall(r"<iati-activity[ >].*?</iati-activity>", text, re.S)
with open(sys.argv[1], "w", encoding="utf-8") as out:
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03" generated-datetime="2026-01-01T00:00:00Z" xmlns:usg="http://www.usglobalhealth.gov/iati">\n')
    size, n = 0, 0
    while size < 100 * 1024 * 1024:
        for a in activities:
            n += 1
            a2 = re.sub(r"<iati-identifier>\s*([^<]*?)\s*</iati-identifier>", lambda m: f"<iati-identifier>{m.group(1)}-copy{n}</iati-identifier>", a, count=1)
            out.write(a2 + "\n")
            size += len(a2.encode("utf-8"))
    out.write("</iati-activities>\n")
print(f"{n} activities, {size / 1048576:.0f} MB", file=sys.stderr)
PY
ls -l "$out/big.xml" | awk '{printf "file: %.0f MB\n", $5/1048576}'
measure "big.xml --dry-run" dotnet "$cli" iati import "$out/big.xml" --dry-run

echo "== Export of the $count-entry catalog"
if [ -f "$source_data/generated" ]; then
  [ -f "$data/cooperanet.db" ] || { mkdir -p "$data"; cp --reflink=auto "$source_data/cooperanet.db" "$data/cooperanet.db"; }
  export CooperaNet__Database__DataDirectory="$data"
  dotnet "$cli" migrate >/dev/null
  measure "iati export ($count entries)" dotnet "$cli" iati export --out "$out/export.xml" --base-url https://cooperanet.example.org
  ls -l "$out/export.xml" | awk '{printf "file: %.0f MB\n", $5/1048576}'
else
  echo "skipped: run bench/catalog.sh sqlite first: it generates $source_data"
fi
