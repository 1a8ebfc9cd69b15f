"""Documents of unusual shape, each at two sizes, through `slant report`: the time should grow
with the size (about 4x for 4x the text), not with its square.

    python3 crates/cli/bench/pathological.py [path/to/slant] [N]

Each shape is one document of N units (default 20,000; the second run takes 4N): thousands of
short quotations, one sentence a page long, thousands of speakers with their surnames (or
all with one surname), a transcript of "Name: “…”" lines on one line, and so on. Prints, per shape, the text's size, the
seconds at N and 4N and their ratio, and flags a ratio above 6 (when the larger run takes a
second or more). Nothing here is used by the tests; timings belong in benchmarks.
"""
import json
import os
import subprocess
import sys
import tempfile
import time

FIRST = ["John", "Mary", "Ilham", "Vladimir", "Hikmet", "Anna", "Peter", "Olga", "Elmar", "Sara"]


def name(i):
    return f"{FIRST[i % 10]} Surname{i}"


def disguise(text):
    """UTF-8 read as Windows-1252, the bytes it leaves undefined read as C1 controls."""
    out = []
    for b in text.encode("utf-8"):
        try:
            out.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(b))
    return "".join(out)


SHAPES = {
    # thousands of two-word scare quotes in one paragraph
    "short quotations": lambda n: " ".join(f"“word{i} thing{i}”" for i in range(n)),
    # each speaker's quotation, then its words again as a scare quote
    "echoes": lambda n: "\n\n".join(
        f"“The crash over Grozny was caused by missile number {i},” {name(i)} said. "
        f"Critics called it “the crash over Grozny”." for i in range(n)),
    # reported speech holding a scare quote, paragraph after paragraph
    "reported speech": lambda n: "\n\n".join(
        f"{name(i)} said that the plane was hit and that there was “no evidence number {i}” yet."
        for i in range(n)),
    # thousands of speakers, each named in full and then by surname
    "speakers": lambda n: "\n\n".join(
        f"“We will respond to the attack number {i},” {name(i)} said. "
        f"Surname{i} added: “We will not forget it.”" for i in range(n)),
    # thousands of speakers sharing one surname, each then quoted by it alone
    "one surname": lambda n: "\n\n".join(
        f"“We will respond to attack number {i},” Given{i} Smith said. "
        f"Smith added: “We will not forget it.”" for i in range(n)),
    # the same on one line, with no paragraph breaks
    "one line": lambda n: " ".join(
        f"“We will respond to the attack number {i},” {name(i)} said, adding that "
        f"“the crash was a crime”." for i in range(n)),
    # labels after "as" in one sentence a page long
    "one sentence": lambda n: " ".join(
        f"Aliyev described Putin as a “strong leader number {i}” and a “weak man {i}”,"
        for i in range(n)) + ".",
    # a transcript's "Name: “…”" on one line
    "transcript": lambda n: " ".join(f"Name{i}: “We said {i} things today.”" for i in range(n)),
    # quotations inside quotations
    "nested": lambda n: " ".join(f"He said “she said ‘they said “no {i}”’”" for i in range(n)),
    # quotation marks never closed
    "unclosed": lambda n: " ".join(f"“Unclosed quote number {i} said Putin" for i in range(n)),
    # pronouns for speakers
    "pronouns": lambda n: "\n\n".join(
        f"“We will respond to the attack number {i},” he said. “We will not forget it,” she said."
        for i in range(n)),
    # one sentence of lexicon hits (loaded words, hedges), each with its context
    "lexicon hits": lambda n: " ".join(
        "the regime allegedly slammed" for _ in range(n)) + ".",
    # elided words and years in one paragraph, never marks (session 43)
    "elisions": lambda n: " ".join(
        f"the ‘90s and rock ‘n’ roll of band {i} isn ‘t ‘em," for i in range(n)) + ".",
    # reporting verbs whose adverbials run on in one sentence (session 43)
    "adverbials": lambda n: ", ".join(
        f"peace number {i} will never die, singer {i} said at the show on Friday night in "
        f"front of fans" for i in range(n)) + ".",
    # quotations in mojibake, every character to mend, once and three times over (session 66)
    "mojibake": lambda n: disguise(" ".join(
        f"“Москва’s café {i},” Łukasz said." for i in range(n))),
    "mojibake x3": lambda n: disguise(disguise(disguise(" ".join(
        f"“Café {i},” he said." for i in range(n))))),
    # halves of disguised letters with a control between, joined only once it is removed
    "mojibake controls": lambda n: "â€™ " + "Ð\u0001¿".join("x" for _ in range(n)),
    # a run of full stops, then a quotation
    "full stops": lambda n: "A" + "." * (n * 100) + " “quoted words here now,” he said.",
}

# HTML pages, read with --clean so that they are laid out as text first (session 55).
HTML = "<!DOCTYPE html><html><head><title>t</title></head><body>{}</body></html>"
HTML_SHAPES = {
    # lists nested thousands deep, an item in each
    "html nested lists": lambda n: HTML.format("<ul><li>item words here" * n),
    # blocks nested thousands deep around one paragraph
    "html nested divs": lambda n: HTML.format("<div>" * n + "<p>The plane was hit.</p>"),
    # one tag with thousands of attributes
    "html attributes": lambda n: HTML.format(
        "<p " + " ".join(f'data-a{i}="v{i}"' for i in range(n)) + ">The plane was hit.</p>"),
    # paragraphs of linked words with entities, thousands of them
    "html paragraphs": lambda n: HTML.format("".join(
        f"<p>Officials said &ldquo;<a href='/x{i}'>number {i}</a>&rdquo; &amp; more.</p>"
        for i in range(n))),
    # byline marks thousands deep, and thousands of them that name no one (session 56)
    "html nested bylines": lambda n: HTML.format("<div class=author>Jane Doe " * n + "<p>x</p>"),
    "html author marks": lambda n: HTML.format(
        "<p><span class=author>Updated</span> The plane was hit.</p>" * n),
    # a JSON-LD block of thousands of authors
    "html json-ld": lambda n: HTML.format(
        '<script type="application/ld+json">{"@type":"NewsArticle","author":['
        + ",".join(f'{{"name":"Author {i}"}}' for i in range(n)) + "]}</script><p>x</p>"),
}


def run(exe, text, work, extra=()):
    corpus = os.path.join(work, "doc.jsonl")
    with open(corpus, "w", encoding="utf-8") as f:
        f.write(json.dumps({"id": "doc", "outlet": "X", "text": text}) + "\n")
    start = time.perf_counter()
    subprocess.run([exe, "report", corpus, "-o", os.path.join(work, "out"), "-q", *extra],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main():
    exe = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "target/release/slant")
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 20_000
    print(f"{'shape':<19} {'MB at 4N':>8} {'s at N':>7} {'s at 4N':>8} {'ratio':>6}")
    with tempfile.TemporaryDirectory() as work:
        shapes = [(k, v, ()) for k, v in SHAPES.items()]
        shapes += [(k, v, ("--clean",)) for k, v in HTML_SHAPES.items()]
        for shape, make, extra in shapes:
            small, big = make(n), make(4 * n)
            a, b = run(exe, small, work, extra), run(exe, big, work, extra)
            flag = "  superlinear" if b / max(a, 0.01) > 6 and b >= 1 else ""
            mb = len(big.encode()) / 1e6
            print(f"{shape:<19} {mb:>8.1f} {a:>7.2f} {b:>8.2f} {b / max(a, 0.01):>6.1f}{flag}")


if __name__ == "__main__":
    main()
