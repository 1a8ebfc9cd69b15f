#!/usr/bin/env python3
"""A second corpus generator, independent of `slant synth`, so that the whole-run comparison
is not measured only on text slant's own generator shapes.

    python3 crates/cli/bench/other_corpus.py ARTICLES VOCABULARY OUT.jsonl [SEED]

Pseudo-words built from syllables, drawn from a Zipfian distribution (exponent 1.05) over
VOCABULARY ranks (the commonest ranks are English function words), in sentences of 8 to 28
words, 2 to 5 sentences a paragraph and 4 to 10 paragraphs an article, 40 outlets; a tenth of
the sentences are quotations with "X said.", one in twenty ends with a scare-quoted word.
It shares no code, vocabulary or layout with `slant synth` (no bylines, datelines or
boilerplate). Deterministic for a given seed. Bench only: the tests never run it."""
import bisect, json, random, sys

n, vocab, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
rnd = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 7)
syllables = "ka to mi ra ne lo su vi de ba ri po an el or us gr st th ch".split()
common = "the of and to a in that is was for on with as by at from he she it said they have has not be".split()


def word(rank):
    r = random.Random(rank * 7919 + 13)
    return "".join(r.choice(syllables) for _ in range(2 + r.randint(0, 3)))


cumulative, total = [], 0.0
for rank in range(vocab):
    total += 1.0 / (rank + 1) ** 1.05
    cumulative.append(total)
outlets = [f"Outlet {chr(65 + i % 26)}{i // 26}" for i in range(40)]
names = ["John Smith", "Maria Lopez", "Ahmed Khan", "Olga Petrova", "Li Wei", "Sarah Brown"]


def token():
    rank = bisect.bisect_left(cumulative, rnd.random() * total)
    return common[rank] if rank < len(common) else word(rank)


with open(out, "w", encoding="utf-8") as f:
    for a in range(n):
        paragraphs = []
        for _ in range(rnd.randint(4, 10)):
            sentences = []
            for _ in range(rnd.randint(2, 5)):
                words = [token() for _ in range(rnd.randint(8, 28))]
                s = " ".join(words)
                s = s[0].upper() + s[1:]
                c = rnd.random()
                if c < 0.1:
                    s = f"“{s},” {rnd.choice(names)} said."
                elif c < 0.15:
                    s += f" the “{rnd.choice(words)}”."
                else:
                    s += "."
                sentences.append(s)
            paragraphs.append(" ".join(sentences))
        doc = {"id": f"g{a}", "outlet": rnd.choice(outlets), "title": "T", "text": "\n\n".join(paragraphs)}
        f.write(json.dumps(doc, ensure_ascii=False) + "\n")
