"""Keep hand-made real-coverage gold without the articles' text, and rebuild it from the articles.

Gold lines (``bench/realcoverage.py``) quote each article exactly. The articles come from a public
corpus that ``make_real_coverage.py`` converts, so the repository keeps only where each quote lies:

    python3 scripts/real_coverage_gold.py pack DIR OUT.jsonl      # quotes -> spans (start, end, sha1)
    python3 scripts/real_coverage_gold.py unpack PACKED DIR       # spans -> DIR/gold.jsonl

``unpack`` reads ``DIR/articles.jsonl`` (made by ``make_real_coverage.py``) and writes ``DIR/gold.jsonl``
with the lines whose events are in ``DIR/events.json``; it stops with the line number when a span no
longer holds its quote (the articles changed), so a changed corpus is never scored with shifted gold.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

RUN = 8  # a note or value sharing this many words in a row with its articles would copy them
_WORD = re.compile(r"[^\W_]+")


def _sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _articles(folder: Path) -> dict[str, str]:
    with open(folder / "articles.jsonl", encoding="utf-8") as f:
        return {a["id"]: a["text"] for a in map(json.loads, f)}


def _runs(text: str) -> set[tuple[str, ...]]:
    words = [w.casefold() for w in _WORD.findall(text)]
    return {tuple(words[i:i + RUN]) for i in range(len(words) - RUN + 1)}


def pack_line(line: dict, texts: dict[str, str]) -> dict:
    """One gold line with each quote replaced by its span in its article.

    A note or value that repeats a run of its articles' words is left out, so the packed file
    holds the labeller's words only.
    """
    out = {k: v for k, v in line.items() if k != "quotes"}
    copied = set().union(*(_runs(texts[a]) for a in line.get("articles", []) if a in texts))
    if _runs(str(out.get("note", ""))) & copied:
        out["note"] = "(left out: it repeated the article's words)"
    if isinstance(out.get("values"), dict):
        out["values"] = {a: ("(left out)" if _runs(str(v)) & copied else v)
                         for a, v in out["values"].items()}
    if "quotes" in line:
        spans = {}
        for article, quote in line["quotes"].items():
            start = texts[article].find(quote)
            if start < 0:
                raise ValueError(f"quote of {article} is not in its article: {quote[:60]!r}")
            spans[article] = {"start": start, "end": start + len(quote), "sha1": _sha1(quote)}
        out["spans"] = spans
    return out


def unpack_line(line: dict, texts: dict[str, str]) -> dict:
    """One packed line with its quotes read back from the articles."""
    out = {k: v for k, v in line.items() if k != "spans"}
    if "spans" in line:
        quotes = {}
        for article, span in line["spans"].items():
            quote = texts.get(article, "")[span["start"]:span["end"]]
            if _sha1(quote) != span["sha1"]:
                raise ValueError(f"article {article} no longer holds the quoted span "
                                 f"{span['start']}-{span['end']}: rebuild the corpus with the same "
                                 "make_real_coverage.py arguments")
            quotes[article] = quote
        out["quotes"] = quotes
    return out


def events_with_gold(packed: Path) -> set[str]:
    """The events a packed gold file holds lines for (none when the file does not exist)."""
    if not packed.exists():
        return set()
    with open(packed, encoding="utf-8") as f:
        return {json.loads(line)["event"] for line in f if line.strip()}


def unpack_into(packed: Path, folder: Path, keys: list[str]) -> int:
    """Unpack the gold of a set's events ``keys`` into ``folder``, or write an empty ``gold.jsonl`` when none of
    them has gold; returns how many have gold. Stops when a span no longer holds its quote, so a stale gold file
    is never left in place of the new one."""
    labelled = len(events_with_gold(packed) & set(keys))
    if not labelled:
        (folder / "gold.jsonl").write_text("", encoding="utf-8")
    elif main(["unpack", str(packed), str(folder)]) != 0:
        raise SystemExit(f"{packed}: its gold no longer fits the articles in {folder}")
    return labelled


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("pack", help="DIR/gold.jsonl -> packed lines (spans, no text)")
    p.add_argument("dir", type=Path)
    p.add_argument("out", type=Path)
    u = sub.add_parser("unpack", help="packed lines -> DIR/gold.jsonl for DIR's events")
    u.add_argument("packed", type=Path)
    u.add_argument("dir", type=Path)
    args = parser.parse_args(argv)

    folder = args.dir
    texts = _articles(folder)
    if args.command == "pack":
        source, target = folder / "gold.jsonl", args.out
        convert = pack_line
        keep = None
    else:
        source, target = args.packed, folder / "gold.jsonl"
        convert = unpack_line
        keep = set(json.loads((folder / "events.json").read_text(encoding="utf-8")))
    lines = []
    with open(source, encoding="utf-8") as f:
        for number, raw in enumerate(f, 1):
            if not raw.strip():
                continue
            line = json.loads(raw)
            if keep is not None and line.get("event") not in keep:
                continue
            try:
                lines.append(convert(line, texts))
            except (ValueError, KeyError) as e:
                print(f"{source}:{number}: {e}", file=sys.stderr)
                return 1
    with open(target, "w", encoding="utf-8") as f:
        for line in lines:
            f.write(json.dumps(line, ensure_ascii=False) + "\n")
    print(f"{len(lines)} lines -> {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
