"""What a change to the time rules changes on news with no time gold: the expressions it adds,
drops or values differently, to be read one by one.

Usage:
    python3 scripts/diff_times.py dump OUT.json ARTICLES [ARTICLES ...]   (with PYTHONPATH of one checkout)
    python3 scripts/diff_times.py diff BEFORE.json AFTER.json

ARTICLES is a JSONL file in the ingest format (``text`` and ``published``) or a folder of ``.txt``
files whose names carry their publication date (``outlet_2016-03-01_slug.txt``). Run ``dump`` once
with the checkout before the change and once with the one after, then ``diff`` the two dumps.
"""

from __future__ import annotations

import argparse
import json
import re
from datetime import date
from pathlib import Path


def _articles(path: Path):
    """(name, text, publication date) of every article under ``path``."""
    if path.is_dir():
        for p in sorted(path.glob("*.txt")):
            m = re.search(r"(\d{4}-\d\d-\d\d)", p.name)
            if m:
                yield p.name, p.read_text(encoding="utf-8"), date.fromisoformat(m.group(1))
        return
    with path.open(encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            yield a["id"], a["text"], date.fromisoformat(a["published"][:10])


def dump(out: Path, paths: list[Path]) -> None:
    """Every expression ``find_times`` gives, with a little context, keyed by article."""
    from consistency.extract.time.extract import find_times

    res = {}
    for path in paths:
        for name, text, day in _articles(path):
            res[name] = [(t.start, t.end, t.text, t.value, text[max(0, t.start - 60):t.end + 40].replace("\n", " "))
                         for t in find_times(text, day)]
    out.write_text(json.dumps(res), encoding="utf-8")
    print(f"{len(res)} articles, {sum(len(v) for v in res.values())} expressions")


def diff(before: Path, after: Path) -> None:
    """Expressions dropped (-), added (+) or valued differently (~), and their counts."""
    a = json.loads(before.read_text(encoding="utf-8"))
    b = json.loads(after.read_text(encoding="utf-8"))
    counts = {"-": 0, "+": 0, "~": 0}
    for name in sorted(set(a) & set(b)):
        old = {(s, e): (t, v, c) for s, e, t, v, c in a[name]}
        new = {(s, e): (t, v, c) for s, e, t, v, c in b[name]}
        for span in sorted(set(old) | set(new)):
            x, y = old.get(span), new.get(span)
            if x and y and x[:2] == y[:2]:
                continue
            mark = "~" if x and y else "-" if x else "+"
            counts[mark] += 1
            t, v, c = y or x
            was = f" (was {x[1]})" if mark == "~" else ""
            print(f"{mark} {name[:40]} {t!r}={v}{was} | {c}")
    print(f"dropped {counts['-']}, added {counts['+']}, valued differently {counts['~']}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out", type=Path)
    d.add_argument("paths", nargs="+", type=Path)
    f = sub.add_parser("diff")
    f.add_argument("before", type=Path)
    f.add_argument("after", type=Path)
    a = ap.parse_args()
    if a.cmd == "dump":
        dump(a.out, a.paths)
    else:
        diff(a.before, a.after)


if __name__ == "__main__":
    main()
