#!/usr/bin/env bash
# The cleaner on pages from elsewhere than pages-dev, dumped to text with w3m as scraped pages
# arrive, and scored as `shared/eval/score_clean.py` scores pages-dev (4-word shingles,
# precision and recall per page, averaged):
# - newspaper4k's test pages (an article extractor for Python, MIT licence): 14 news pages,
#   each with the article text its authors expect. Those texts are newspaper4k's own output
#   and not always right (one leaves out its article's first paragraph).
# - Mozilla Readability's test pages (Apache licence), as the readability-rust crate packages
#   them: 48 pages of news sites, magazines and blogs, each with the article Readability finds.
# Pages in Chinese, Japanese, Korean, Thai, Burmese, Arabic and Hebrew are left out, as word
# shingles do not measure them. Titles, authors and dates are scored against those the sets
# state for each page (a title or author is right when it shares what the scorer says below).
# Each set is read twice: as w3m's text dumps, and as the HTML pages themselves (which slant
# lays out as text and whose markup states metadata), both scored against the same gold text.
#
# Usage, from the project root after `cargo build --release` (SHOW=1 lists every page):
#     bash crates/cli/bench/other_pages.sh [path/to/slant]
# Needs network access to PyPI and crates.io, and w3m (`apt-get install w3m`). Nothing here is
# used by the tests.
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
rm -rf newspaper4k mozilla && mkdir -p newspaper4k/text newspaper4k/gold newspaper4k/html \
    mozilla/text mozilla/gold mozilla/html
dump() { w3m -dump -cols 4000 -T text/html -I UTF-8 -O UTF-8 "$1"; }
for t in "$data"/txt/*.txt; do
    n=$(basename "$t" .txt)
    case "$n" in
        arabic*|burmese*|chinese*|japanese*|korean*|thai*|yna_co_kr|bengali*|hindi*|nepali*) continue ;;
    esac
    [ -f "$data/html/$n.html" ] || continue
    dump "$data/html/$n.html" > "newspaper4k/text/$n.txt"
    cp "$data/html/$n.html" "newspaper4k/html/$n.html"
    cp "$t" "newspaper4k/gold/$n.txt"
done
# Mozilla Readability's test pages, as the readability-rust crate packages them: each a saved
# page and the article Readability finds in it. Of its 130 pages, the 48 from news sites,
# magazines and blogs; left out are the pages made to test one feature ("001",
# "replace-brs", ...) and those in Chinese, Japanese, Arabic and Hebrew.
if [ ! -d readability-rust-0.1.0 ]; then
    curl -sSfL https://static.crates.io/crates/readability-rust/readability-rust-0.1.0.crate | tar xz
fi
pages=readability-rust-0.1.0/mozzilla-readability/test/test-pages
for n in aclu aktualne ars-1 bbc-1 breitbart buzzfeed-1 citylab-1 cnet cnn engadget folha \
    guardian-1 heise herald-sun-1 la-nacion lemonde-1 liberation-1 medicalnewstoday msn \
    nytimes-1 nytimes-2 nytimes-3 nytimes-4 nytimes-5 quanta-1 salon-1 seattletimes-1 \
    telegraph theverge tmz-1 wapo-1 wapo-2 yahoo-1 yahoo-2 yahoo-3 webmd-1 webmd-2 \
    ehow-1 ehow-2 lifehacker-working medium-1 medium-2 medium-3 iab-1 simplyfound-1 \
    spiceworks topicseed-1 youth; do
    dump "$pages/$n/source.html" > "mozilla/text/$n.txt"
    cp "$pages/$n/source.html" "mozilla/html/$n.html"
    dump "$pages/$n/expected.html" > "mozilla/gold/$n.txt"
done
for set in newspaper4k mozilla; do
  for form in text html; do
    "$exe" ingest "$set/$form" -o "$set/cleaned-$form.jsonl" 2>/dev/null
    SET=$set FORM=$form python3 - <<'EOF'
import json, os, re, unicodedata

titles = {
    "newspaper4k": "newspaper4k-0.9.6/tests/data/metadata/{}.json",
    "mozilla": "readability-rust-0.1.0/mozzilla-readability/test/test-pages/{}/expected-metadata.json",
}[os.environ["SET"]]
# Each set's names for the stated author(s) and date.
author_key, date_key = {"newspaper4k": ("authors", "publish_date"), "mozilla": ("byline", "publishedTime")}[os.environ["SET"]]


def folded(s):
    return re.sub(r"\W+", " ", (s or "").lower()).strip()

def shingles(s, k=4):
    w = re.findall(r"\w+(?:'\w+)?", unicodedata.normalize("NFKC", s).lower().replace("’", "'"))
    return {tuple(w[i:i + k]) for i in range(max(0, len(w) - k + 1))}

got, title, author, date = {}, {}, {}, {}
for line in open(os.path.join(os.environ["SET"], f"cleaned-{os.environ['FORM']}.jsonl"), encoding="utf-8"):
    d = json.loads(line)
    got[d["id"]] = d.get("text") or ""
    title[d["id"]] = d.get("title") or ""
    author[d["id"]] = d.get("author") or ""
    date[d["id"]] = d.get("published") or ""
rows = []
for name in sorted(os.listdir(os.path.join(os.environ["SET"], "gold"))):
    gold = shingles(open(os.path.join(os.environ["SET"], "gold", name), encoding="utf-8").read())
    pred = shingles(got.get(name[:-4], ""))
    if gold:
        hit = len(gold & pred)
        rows.append((name[:-4], hit / len(pred) if pred else 0.0, hit / len(gold)))
if os.environ.get("SHOW"):
    for key, p, r in rows:
        print(f"  {key:<24} P={p:.2f} R={r:.2f}")
p = sum(x[1] for x in rows) / len(rows)
r = sum(x[2] for x in rows) / len(rows)
# A title is right when one of it and the stated title contains the other, case and marks
# folded (Mozilla's are the pages' <title>, which often adds the site's name); an author when
# it shares a word with the stated byline; a date when it is the stated one's day.
right = {"titles": [0, 0], "authors": [0, 0], "dates": [0, 0]}
for key in got:
    path = titles.format(key)
    stated = json.load(open(path, encoding="utf-8")) if os.path.exists(path) else {}
    want_author = stated.get(author_key) or ""
    want_author = "; ".join(want_author) if isinstance(want_author, list) else want_author
    for field, want, have in (("titles", stated.get("title"), title[key]),
                              ("authors", want_author, author[key]),
                              ("dates", (stated.get(date_key) or "")[:10], date[key])):
        if not isinstance(want, str) or not want:
            continue
        right[field][1] += 1
        g, w = folded(have), folded(want)
        if field == "titles":
            right[field][0] += bool(g) and (g in w or w in g)
        elif field == "authors":
            right[field][0] += bool(set(g.split()) & set(w.split()))
        else:
            right[field][0] += have == want
print(f"{os.environ['SET']} test pages as {os.environ['FORM']}: P={p:.3f} R={r:.3f} F1={2 * p * r / (p + r):.3f} over {len(rows)} pages; "
      + ", ".join(f"{k} right {a} of {b}" for k, (a, b) in right.items()))
EOF
  done
done
