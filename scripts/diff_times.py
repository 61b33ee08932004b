"""What a change to the time rules changes on news with no time gold: the expressions it adds,
drops or values differently, to be read one by one.

Usage:
    python3 scripts/diff_times.py dump OUT.json ARTICLES [ARTICLES ...]   (with PYTHONPATH of one checkout)
    python3 scripts/diff_times.py diff BEFORE.json AFTER.json

ARTICLES is a JSONL file in the ingest format (``text`` and ``published``), a JSONL file of dated
fact checks (``vclaim_id``, ``date`` as "26 May 2015", ``title``, ``subtitle``, ``vclaim``), a
Reuters-21578 SGML file (``reut2-*.sgm``: ``<DATE>``, ``<DATELINE>``, ``<BODY>``, id ``NEWID``) or a
folder of ``.txt`` or ``.sgm`` files, the ``.txt`` names carrying their publication date
(``outlet_2016-03-01_slug.txt``). Run ``dump`` once with the checkout before the change and once with
the one after, then ``diff`` the two dumps; ``diff --half A`` (or ``B``) keeps the articles of one
half of a fixed split by the MD5 of the article id, so rules read on one half are judged on the other.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import re
from datetime import date, datetime
from pathlib import Path

_REUTERS = re.compile(r"<REUTERS\b[^>]*\bNEWID=\"(\d+)\"[^>]*>(.*?)</REUTERS>", re.S)
_REUTERS_DATE = re.compile(r"<DATE>\s*(\d{1,2}-[A-Z]{3}-\d{4})")
_REUTERS_BODY = re.compile(r"<BODY>(.*?)(?:</BODY>|$)", re.S)
_REUTERS_DATELINE = re.compile(r"<DATELINE>(.*?)</DATELINE>", re.S)
_REUTERS_SIGN_OFF = re.compile(r"\s*Reuter\s*(?:&#3;)?\s*$")


def half_of(name: str) -> str:
    """The half ("A" or "B") an article id falls in: the first byte of its MD5, even or odd."""
    return "A" if hashlib.md5(name.encode("utf-8")).digest()[0] % 2 == 0 else "B"


def reuters_articles(text: str):
    """(id, text, publication date) of each dated story in a Reuters-21578 SGML file: its dateline
    and body, the sign-off dropped; stories with no body or no readable date are left out."""
    for m in _REUTERS.finditer(text):
        day, body = _REUTERS_DATE.search(m.group(2)), _REUTERS_BODY.search(m.group(2))
        if not (day and body):
            continue
        line = _REUTERS_DATELINE.search(m.group(2))
        story = (line.group(1).strip() + " " if line else "") + _REUTERS_SIGN_OFF.sub("", body.group(1))
        yield f"reuters-{m.group(1)}", html.unescape(story), datetime.strptime(day.group(1).title(), "%d-%b-%Y").date()


def _fact_check(a: dict):
    """(id, text, date) of a dated fact check, or None when its date does not read."""
    try:
        day = datetime.strptime(a["date"].strip(), "%d %B %Y").date()
    except (ValueError, AttributeError):
        return None
    text = "\n\n".join(x.strip() for x in (a.get("title"), a.get("subtitle"), a.get("vclaim")) if x and x.strip())
    return a["vclaim_id"], text, day


def _articles(path: Path):
    """(name, text, publication date) of every article under ``path``."""
    if path.is_dir():
        for p in sorted(path.glob("*.sgm")):
            yield from reuters_articles(p.read_text(encoding="latin-1"))
        for p in sorted(path.glob("*.txt")):
            m = re.search(r"(\d{4}-\d\d-\d\d)", p.name)
            if m:
                yield p.name, p.read_text(encoding="utf-8"), date.fromisoformat(m.group(1))
        return
    if path.suffix == ".sgm":
        yield from reuters_articles(path.read_text(encoding="latin-1"))
        return
    with path.open(encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            if "vclaim_id" in a:
                if (row := _fact_check(a)) is not None:
                    yield row
                continue
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


def diff(before: Path, after: Path, half: str | None = None) -> None:
    """Expressions dropped (-), added (+) or valued differently (~), and their counts; with ``half``,
    only the articles of that half."""
    a = json.loads(before.read_text(encoding="utf-8"))
    b = json.loads(after.read_text(encoding="utf-8"))
    counts = {"-": 0, "+": 0, "~": 0}
    for name in sorted(set(a) & set(b)):
        if half and half_of(name) != half:
            continue
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
            print(f"{mark} {name[:60]} {t!r}={v}{was} | {c}")
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
    f.add_argument("--half", choices=("A", "B"), help="only the articles of this half of the MD5 split")
    a = ap.parse_args()
    if a.cmd == "dump":
        dump(a.out, a.paths)
    else:
        diff(a.before, a.after, a.half)


if __name__ == "__main__":
    main()
