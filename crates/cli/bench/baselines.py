"""What users would pick instead of slant, run on the same generated corpus.

    python baselines.py countvectorizer|counter CORPUS.jsonl

Reads the JSONL corpus (`slant synth` output), counts terms, and prints one line of JSON:
the tool, text bytes, distinct terms, and seconds spent in reading and counting. Peak memory is
measured from outside (/usr/bin/time). Not used by the tests.
"""
import collections
import json
import re
import sys
import time


def texts(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)["text"]


def main():
    tool, path = sys.argv[1], sys.argv[2]
    start = time.perf_counter()
    nbytes = 0
    if tool == "countvectorizer":
        from sklearn.feature_extraction.text import CountVectorizer

        docs = []
        for t in texts(path):
            nbytes += len(t.encode("utf-8"))
            docs.append(t)
        matrix = CountVectorizer().fit_transform(docs)
        terms = matrix.shape[1]
    elif tool == "counter":
        word = re.compile(r"\w+")
        counts = collections.Counter()
        for t in texts(path):
            nbytes += len(t.encode("utf-8"))
            counts.update(word.findall(t.lower()))
        terms = len(counts)
    else:
        raise SystemExit(f"unknown tool {tool}")
    seconds = time.perf_counter() - start
    print(json.dumps({"tool": tool, "bytes": nbytes, "terms": terms, "seconds": seconds}))


if __name__ == "__main__":
    main()
