#!/usr/bin/env bash
# The cleaner on pages it was never tuned on: the news pages that newspaper4k (an article
# extractor for Python, MIT licence) ships with its tests, each with the article text its
# authors expect. They are dumped to text with w3m, as scraped pages arrive, and scored as
# `shared/eval/score_clean.py` scores pages-dev: 4-word shingles, precision and recall per page,
# averaged. Pages in Chinese, Japanese, Korean, Thai, Burmese and Arabic are left out, as word
# shingles do not measure them. The expected texts are newspaper4k's own output and not always
# right (one leaves out its article's first paragraph), so read the page-by-page figures too.
#
# Usage, from the project root after `cargo build --release`:
#     bash crates/cli/bench/other_pages.sh [path/to/slant]
# Needs network access to PyPI and w3m (`apt-get install w3m`); nothing here is used by the tests.
set -euo pipefail
exe=$(realpath "${1:-target/release/slant}")
work=${WORK:-target/bench/other-pages}
mkdir -p "$work"
cd "$work"
if [ ! -d newspaper4k-0.9.6 ]; then
    pip download --quiet --no-deps --no-binary :all: newspaper4k==0.9.6 -d .
    tar xzf newspaper4k-0.9.6.tar.gz
fi
data=newspaper4k-0.9.6/tests/data
rm -rf text gold && mkdir -p text gold
for t in "$data"/txt/*.txt; do
    n=$(basename "$t" .txt)
    case "$n" in
        arabic*|burmese*|chinese*|japanese*|korean*|thai*|yna_co_kr|bengali*|hindi*|nepali*) continue ;;
    esac
    [ -f "$data/html/$n.html" ] || continue
    w3m -dump -cols 4000 -T text/html -I UTF-8 -O UTF-8 "$data/html/$n.html" > "text/$n.txt"
    cp "$t" "gold/$n.txt"
done
"$exe" ingest text -o cleaned.jsonl
python3 - <<'EOF'
import json, os, re, unicodedata

def shingles(s, k=4):
    w = re.findall(r"\w+(?:'\w+)?", unicodedata.normalize("NFKC", s).lower().replace("’", "'"))
    return {tuple(w[i:i + k]) for i in range(max(0, len(w) - k + 1))}

got = {}
for line in open("cleaned.jsonl", encoding="utf-8"):
    d = json.loads(line)
    got[d["id"]] = d.get("text") or ""
rows = []
for name in sorted(os.listdir("gold")):
    gold = shingles(open(os.path.join("gold", name), encoding="utf-8").read())
    pred = shingles(got.get(name[:-4], ""))
    if gold:
        hit = len(gold & pred)
        rows.append((name[:-4], hit / len(pred) if pred else 0.0, hit / len(gold)))
for key, p, r in rows:
    print(f"  {key:<24} P={p:.2f} R={r:.2f}")
p = sum(x[1] for x in rows) / len(rows)
r = sum(x[2] for x in rows) / len(rows)
print(f"newspaper4k test pages: P={p:.3f} R={r:.3f} F1={2 * p * r / (p + r):.3f} over {len(rows)} pages")
EOF
