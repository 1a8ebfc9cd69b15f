#!/usr/bin/env bash
# The whole-run benchmark: slant against what users would pick instead, on the same generated
# corpora (`slant synth`, seed 1, 40 outlets), at each size given (default 10k, 100k, 1M).
#
#   bash crates/cli/bench/scale.sh [ARTICLES...]        e.g. bash crates/cli/bench/scale.sh 10000 100000
#
# Per size it measures, with /usr/bin/time for wall time and peak RSS:
#   - slant ingest (JSONL → Parquet, cleaning on) and slant report (the full report, all cores);
#   - scikit-learn's CountVectorizer and a Python Counter over \w+ (up to PY_MAX articles,
#     default 100k: CountVectorizer holds the whole corpus and its matrix in memory);
#   - a one-core scan with unicode_words() and with slant's word_indices.
# scikit-learn is installed with pip into target/bench/venv; the tests never need it.
# Results: a Markdown table on stdout, raw lines in target/bench/results.jsonl.
set -euo pipefail
cd "$(dirname "$0")/../../.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000 1000000)
py_max=${PY_MAX:-100000}
out=target/bench
mkdir -p "$out"
cargo build --release --quiet
cargo build --release --quiet -p slant-corpus --example unicode_words_scan
slant=target/release/slant
scan=target/release/examples/unicode_words_scan
if [ ! -x "$out/venv/bin/python" ]; then
  python3 -m venv "$out/venv"
  "$out/venv/bin/pip" install --quiet scikit-learn
fi
py="$out/venv/bin/python"
results="$out/results.jsonl"
: > "$results"

# Runs a command under /usr/bin/time; appends {"name","n","bytes","seconds","rss_mb"} to results.
measure() {
  local name=$1 n=$2 bytes=$3
  shift 3
  /usr/bin/time -f "%e %M" -o "$out/time.txt" "$@" > "$out/stdout.txt" 2> "$out/stderr.txt" || {
    echo "failed: $*" >&2; cat "$out/stderr.txt" >&2; return 1; }
  read -r secs kb < <(tail -1 "$out/time.txt")
  printf '{"name":"%s","n":%s,"bytes":%s,"seconds":%s,"rss_mb":%s}\n' \
    "$name" "$n" "$bytes" "$secs" "$((kb / 1024))" >> "$results"
}

for n in "${sizes[@]}"; do
  corpus="$out/synth-$n.jsonl"
  [ -s "$corpus" ] || "$slant" synth -n "$n" --outlets 40 --seed 1 -o "$corpus" -q
  bytes=$(stat -c %s "$corpus")
  measure "slant ingest (clean, to Parquet)" "$n" "$bytes" "$slant" ingest "$corpus" -o "$out/ingest-$n.parquet" --clean -q
  measure "slant report (full)" "$n" "$bytes" "$slant" report "$corpus" -o "$out/report-$n" -q
  cp "$out/report-$n/run.json" "$out/report-$n.run.json"
  if [ "$n" -le "$py_max" ]; then
    measure "CountVectorizer (scikit-learn)" "$n" "$bytes" "$py" crates/cli/bench/baselines.py countvectorizer "$corpus"
    measure "Counter over \\\\w+ (Python)" "$n" "$bytes" "$py" crates/cli/bench/baselines.py counter "$corpus"
  fi
  "$scan" "$corpus" | sed "s/^{/{\"n\":$n,/" >> "$results"
done

# The table: MB/s over the corpus file's bytes, articles/s, peak RSS.
python3 - "$results" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
print("| tool | articles | MB | seconds | MB/s | articles/s | peak RSS MB |")
print("|---|---:|---:|---:|---:|---:|---:|")
for r in rows:
    name = r.get("name") or r["tool"] + " (1 core, scan only)"
    mb = r["bytes"] / 1e6
    s = max(float(r["seconds"]), 1e-9)
    rss = r.get("rss_mb", "")
    print(f"| {name} | {r['n']:,} | {mb:,.0f} | {s:,.1f} | {mb / s:,.1f} | {r['n'] / s:,.0f} | {rss} |")
PY
