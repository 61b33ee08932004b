"""Feed `consistency ingest` a catalogue of hostile inputs and count what happens to each.

Every case puts one hostile input next to a good article in the same batch and runs the CLI
(in-process, hashing embedder, a fresh store per case). A case counts as

- a clean rejection: exit 1, one `rejected:` line naming the file, the good article stored;
- accepted: the input is fine after all (a UTF-8 BOM, CRLF lines) and its article is stored;
- a crash: a traceback or an exit status other than 0/1;
- a hang: no answer within the time limit;
- data lost: the good article is missing, or a bad record vanished without a rejection.

    python scripts/hostile_inputs.py            # a table and the totals
    python scripts/hostile_inputs.py --json     # the same as JSON
    python scripts/hostile_inputs.py -k csv     # only cases whose name holds 'csv'
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import sqlite3
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

GOOD = {"outlet": "Kesk Herald", "url": "https://kesk.example/good", "title": "Council meets",
        "published": "2026-03-10T08:00:00+00:00",
        "text": "The Kesk council met on Tuesday to vote on the harbour budget. "
                "The mayor said the vote would take place on Friday."}
REC = {"id": "hostile", "outlet": "Riga Post", "url": "https://riga.example/h", "title": "Harbour",
       "published": "2026-03-11T08:00:00+00:00",
       "text": "The harbour reopened on Monday after repairs, the port authority said. "
               "About 40 ships were waiting outside, officials told reporters."}
TIMEOUT = 120


@dataclass
class Case:
    name: str
    expect: str  # "reject": the input must be rejected by name; "accept": its article must be stored
    build: Callable[[Path], list[Path]]
    root_only_skip: bool = False  # permissions do not bind root: the case cannot be made there
    keep: tuple[str, ...] = ()  # good articles in the hostile file itself that must be stored too


def _jsonl(d: Path, lines: list, name: str = "in.jsonl") -> list[Path]:
    p = d / name
    p.write_bytes(b"".join((x if isinstance(x, bytes) else
                            (x if isinstance(x, str) else json.dumps(x)).encode("utf-8", "surrogatepass")) + b"\n"
                           for x in lines))
    return [p]


def _rec(**changes) -> dict:
    out = dict(REC, **changes)
    return {k: v for k, v in out.items() if v is not _DROP}


_DROP = object()


def _csv(d: Path, body: bytes, name: str = "in.csv") -> list[Path]:
    p = d / name
    p.write_bytes(body)
    return [p]


CSV_HEAD = b"id,outlet,url,title,published,text\n"
CSV_ROW = (b'hostile,Riga Post,https://riga.example/h,Harbour,2026-03-11,"The harbour reopened on Monday after '
           b'repairs, the port authority said."\n')
CSV_LATER = (b'later,Vilnius Daily,https://vd.example/l,Ships,2026-03-11,"About 40 ships were waiting outside '
             b'the harbour, officials told reporters on Monday."\n')

TXT = ("Outlet: Riga Post\nURL: https://riga.example/h\nTitle: Harbour\nPublished: 2026-03-11\n\n"
       + REC["text"] + "\n")


def _file(d: Path, name: str | bytes, data: bytes) -> list[Path]:
    folder = d / "folder"
    folder.mkdir(exist_ok=True)
    path = Path(os.fsdecode(os.path.join(os.fsencode(folder), name if isinstance(name, bytes) else name.encode())))
    path.write_bytes(data)
    return [folder]


def _long_text(n: int) -> str:
    para = ("The harbour authority said on Monday that {i} ships were waiting outside Kesk. "
            "\"We expect the repairs to finish in April,\" a spokesman told reporters.\n\n")
    out, i = [], 0
    while sum(map(len, out)) < n:
        out.append(para.format(i=i + 3))
        i += 1
    return "".join(out)[:n]


def _fifo(d: Path, direct: bool) -> list[Path]:
    folder = d / "folder"
    folder.mkdir()
    os.mkfifo(folder / "pipe.txt")
    return [folder / "pipe.txt"] if direct else [folder]


def _symlink(d: Path, target: str, name: str, direct: bool) -> list[Path]:
    folder = d / "folder"
    folder.mkdir()
    os.symlink(target, folder / name)
    return [folder / name] if direct else [folder]


def _sparse(d: Path, name: str, size: int) -> list[Path]:
    p = d / name
    with open(p, "wb") as fh:
        fh.truncate(size)
    return [p]


def _unreadable(d: Path, what: str) -> list[Path]:
    folder = d / "folder"
    sub = folder / "sub"
    sub.mkdir(parents=True)
    (sub / "a.txt").write_text(TXT)
    (sub / "a.txt").chmod(0)
    if what == "folder":
        sub.chmod(0)
    return [folder]


def _with_sidecar(d: Path, meta: bytes) -> list[Path]:
    paths = _file(d, "a.txt", TXT.encode())
    _w(d / "folder" / "a.meta.json", meta)
    return paths


def _loop(d: Path) -> list[Path]:
    folder = d / "folder"
    folder.mkdir()
    os.symlink(folder, folder / "again")
    (folder / "a.txt").write_text(TXT)
    return [folder]


CASES: list[Case] = [
    # JSONL records
    Case("jsonl: invalid JSON", "reject", lambda d: _jsonl(d, ['{"id": "hostile", "outlet": '])),
    Case("jsonl: a list, not an object", "reject", lambda d: _jsonl(d, [[REC]])),
    Case("jsonl: a string, not an object", "reject", lambda d: _jsonl(d, ['"just text"'])),
    Case("jsonl: deeply nested arrays", "reject", lambda d: _jsonl(d, ["[" * 100_000 + "]" * 100_000])),
    Case("jsonl: deeply nested in a field", "reject",
         lambda d: _jsonl(d, ['{"id": "hostile", "text": ' + "[" * 50_000 + "]" * 50_000 + "}"])),
    Case("jsonl: lone surrogate in text", "reject", lambda d: _jsonl(d, [_rec(text=REC["text"] + "\ud800")])),
    Case("jsonl: lone surrogate in outlet", "reject", lambda d: _jsonl(d, [_rec(outlet="Riga \udcff Post")])),
    Case("jsonl: lone surrogate in id", "reject", lambda d: _jsonl(d, [_rec(id="h\ud83d")])),
    Case("jsonl: invalid UTF-8 bytes", "reject",
         lambda d: _jsonl(d, [json.dumps(REC).replace("Riga Post", "Riga \x00").encode().replace(b"\\u0000", b"\xff\xfe")])),
    Case("jsonl: UTF-16 file", "reject", lambda d: [_w(d / "in.jsonl", (json.dumps(REC) + "\n").encode("utf-16"))]),
    Case("jsonl: UTF-8 BOM", "accept", lambda d: [_w(d / "in.jsonl", b"\xef\xbb\xbf" + json.dumps(REC).encode() + b"\n")]),
    Case("jsonl: CRLF line ends", "accept", lambda d: [_w(d / "in.jsonl", json.dumps(REC).encode() + b"\r\n")]),
    Case("jsonl: missing outlet", "reject", lambda d: _jsonl(d, [_rec(outlet=_DROP)])),
    Case("jsonl: missing url", "reject", lambda d: _jsonl(d, [_rec(url=_DROP)])),
    Case("jsonl: missing published", "reject", lambda d: _jsonl(d, [_rec(published=_DROP)])),
    Case("jsonl: missing text", "reject", lambda d: _jsonl(d, [_rec(text=_DROP)])),
    Case("jsonl: whitespace text", "reject", lambda d: _jsonl(d, [_rec(text=" \n\t ")])),
    Case("jsonl: text of NUL bytes only", "reject", lambda d: _jsonl(d, [_rec(text="\x00\x00\x00")])),
    Case("jsonl: text is a number", "reject", lambda d: _jsonl(d, [_rec(text=12345)])),
    Case("jsonl: outlet is an object", "reject", lambda d: _jsonl(d, [_rec(outlet={"name": "Riga Post"})])),
    Case("jsonl: id is a list", "reject", lambda d: _jsonl(d, [_rec(id=["a", "b"])])),
    Case("jsonl: title is a number", "reject", lambda d: _jsonl(d, [_rec(title=7)])),
    Case("jsonl: published 'yesterday'", "reject", lambda d: _jsonl(d, [_rec(published="yesterday")])),
    Case("jsonl: published is a number", "reject", lambda d: _jsonl(d, [_rec(published=1741680000)])),
    Case("jsonl: published month 13", "reject", lambda d: _jsonl(d, [_rec(published="2026-13-45")])),
    Case("jsonl: published 0001-01-01 with 'yesterday'", "reject",
         lambda d: _jsonl(d, [_rec(published="0001-01-01", text=REC["text"] + " It was announced yesterday.")])),
    Case("jsonl: published 9999-12-31 with 'tomorrow'", "reject",
         lambda d: _jsonl(d, [_rec(published="9999-12-31T23:59:59+00:00",
                                    text=REC["text"] + " It will be announced tomorrow.")])),
    Case("jsonl: published offset +25:00", "reject", lambda d: _jsonl(d, [_rec(published="2026-03-10T08:00:00+25:00")])),
    Case("jsonl: far-off times in the text", "accept",
         lambda d: _jsonl(d, [_rec(text=REC["text"] + " The council said in 9000 years, or in 100000 days, "
                                    "the year 9999 would end the day after December 31, 9999.")])),
    Case("jsonl: text over 1,000,000 characters", "reject", lambda d: _jsonl(d, [_rec(text=_long_text(1_100_000))])),
    Case("jsonl: text of 900,000 characters", "reject", lambda d: _jsonl(d, [_rec(text=_long_text(900_000))])),
    Case("jsonl: text of 60,000 characters (parsed in parts)", "accept", lambda d: _jsonl(d, [_rec(text=_long_text(60_000))])),
    Case("jsonl: line over 10 MB", "reject", lambda d: _jsonl(d, [_rec(text="x " * 5_300_000)])),
    Case("jsonl: duplicate id in the batch", "reject",
         lambda d: _jsonl(d, [_rec(id="dup"), _rec(id="dup", url="https://riga.example/other",
                                                    text="A different article about the harbour said on Monday that ships waited.")]),
         keep=("dup",)),
    Case("jsonl: NaN as text", "reject", lambda d: _jsonl(d, ['{"id": "hostile", "outlet": "O", "url": "https://o.example/n", '
                                                          '"published": "2026-03-11", "text": NaN}'])),
    Case("jsonl: id of 5000 digits", "reject", lambda d: _jsonl(d, ['{"id": ' + "9" * 5000 + ', "outlet": "O"}'])),
    Case("jsonl: a lone carriage return line", "none", lambda d: [_w(d / "in.jsonl", b"\r\n")]),
    Case("jsonl: NUL bytes inside text", "accept", lambda d: _jsonl(d, [_rec(text=REC["text"].replace(" ", "\x00 ", 3))])),
    Case("jsonl: bidi override and control chars in outlet", "accept", lambda d: _jsonl(d, [_rec(outlet="Riga\u202e Post\x07")])),
    Case("jsonl: javascript: URL", "accept", lambda d: _jsonl(d, [_rec(url="javascript:alert(1)")])),
    Case("jsonl: unparseable URL host", "accept", lambda d: _jsonl(d, [_rec(url="http://[::1/x")])),
    Case("jsonl: spreadsheet formula in text and outlet", "accept",
         lambda d: _jsonl(d, [_rec(outlet="=HYPERLINK(\"http://x.example\")", text="=cmd|' /C calc'!A0 " + REC["text"])])),
    Case("jsonl: HTML and script in the text", "accept",
         lambda d: _jsonl(d, [_rec(text="<script>alert(1)</script> " + REC["text"])])),
    Case("jsonl: extra unknown fields", "accept", lambda d: _jsonl(d, [_rec(extra={"a": [1, 2]}, lang="lv")])),
    Case("jsonl: empty file", "none", lambda d: [_w(d / "in.jsonl", b"")]),
    # CSV
    Case("csv: unterminated quote swallows later rows", "reject",
         lambda d: _csv(d, CSV_HEAD + b'bad,Riga Post,https://riga.example/b,T,2026-03-11,"The harbour opened\n' + CSV_LATER),
         keep=("later",)),
    Case("csv: unterminated quote in the last row", "reject",
         lambda d: _csv(d, CSV_HEAD + CSV_LATER + b'bad,Riga Post,https://riga.example/b,T,2026-03-11,"The harbour\n'
                           b'opened on Monday, officials said.\n'), keep=("later",)),
    Case("csv: stray quote in a multi-line field", "reject",
         lambda d: _csv(d, CSV_HEAD + b'bad,Riga Post,https://riga.example/b,T,2026-03-11,"The harbour "opened"\n'
                           b'on Monday."\n' + CSV_LATER), keep=("later",)),
    Case("csv: header only", "none", lambda d: _csv(d, CSV_HEAD)),
    Case("csv: UTF-16 file", "reject", lambda d: _csv(d, (CSV_HEAD + CSV_ROW).decode().encode("utf-16"))),
    Case("csv: header lacks columns", "reject", lambda d: _csv(d, b"a,b\n1,2\n")),
    Case("csv: empty file", "reject", lambda d: _csv(d, b"")),
    Case("csv: more fields than the header", "reject", lambda d: _csv(d, CSV_HEAD + CSV_ROW.rstrip(b"\n") + b",extra\n")),
    Case("csv: invalid UTF-8 in a field", "reject", lambda d: _csv(d, CSV_HEAD + CSV_ROW.replace(b"Riga", b"R\xffga"))),
    Case("csv: bad date", "reject", lambda d: _csv(d, CSV_HEAD + CSV_ROW.replace(b"2026-03-11", b"soon"))),
    Case("csv: UTF-8 BOM", "accept", lambda d: _csv(d, b"\xef\xbb\xbf" + CSV_HEAD + CSV_ROW)),
    Case("csv: CRLF line ends", "accept", lambda d: _csv(d, (CSV_HEAD + CSV_ROW).replace(b"\n", b"\r\n"))),
    Case("csv: stray quote inside a field", "accept", lambda d: _csv(d, CSV_HEAD + CSV_ROW.replace(b"Harbour,", b'Har"bour,'))),
    Case("csv: NUL byte in a field", "accept", lambda d: _csv(d, CSV_HEAD + CSV_ROW.replace(b"Monday", b"Mon\x00day"))),
    Case("csv: formula cells", "accept", lambda d: _csv(d, CSV_HEAD + CSV_ROW.replace(b"Riga Post", b"=1+2").replace(b"Harbour,", b"@SUM(A1),"))),
    Case("csv: line over 10 MB", "reject", lambda d: _csv(d, CSV_HEAD + b"big,O,https://o.example/b,T,2026-03-11," + b"x" * 11_000_000 + b"\n" + CSV_LATER)),
    # files in folders
    Case("txt: CRLF header", "accept", lambda d: _file(d, "a.txt", TXT.replace("\n", "\r\n").encode())),
    Case("txt: no header", "reject", lambda d: _file(d, "a.txt", REC["text"].encode())),
    Case("txt: not UTF-8", "reject", lambda d: _file(d, "a.txt", TXT.encode("latin-1") + b"\xff\xfe\xfa")),
    Case("txt: UTF-16", "reject", lambda d: _file(d, "a.txt", TXT.encode("utf-16"))),
    Case("txt: UTF-8 BOM", "accept", lambda d: _file(d, "a.txt", b"\xef\xbb\xbf" + TXT.encode())),
    Case("txt: published 9999-12-31, text says tomorrow", "reject",
         lambda d: _file(d, "a.txt", TXT.replace("2026-03-11", "9999-12-31").replace("Monday", "tomorrow").encode())),
    Case("txt: 0.9 MB article", "reject", lambda d: _file(d, "a.txt", (TXT + _long_text(900_000)).encode())),
    Case("txt: 11 MB file", "reject", lambda d: _file(d, "a.txt", TXT.encode() + b"x " * 5_600_000)),
    Case("txt: 1.5 GB sparse file given directly", "reject", lambda d: _sparse(d, "big.txt", 1_500_000_000)),
    Case("jsonl: 300 MB file of NULs without a newline", "reject", lambda d: _sparse(d, "big.jsonl", 300_000_000)),
    Case("txt: file name with a newline", "reject", lambda d: _file(d, "a\nb.txt", TXT.encode())),
    Case("txt: file name not UTF-8", "reject", lambda d: _file(d, b"a\xff.txt", TXT.encode())),
    Case("txt: sidecar is a JSON list", "reject",
         lambda d: _with_sidecar(d, b"[1, 2]")),
    Case("txt: sidecar is not JSON", "reject",
         lambda d: _with_sidecar(d, b"{oops")),
    Case("html: no extractable text", "reject", lambda d: _file(d, "a.html", b"<html><body><nav>Home</nav></body></html>")),
    Case("html: script only", "reject", lambda d: _file(d, "a.html", b"<html><script>alert(1)</script></html>")),
    Case("html: deeply nested tags", "reject", lambda d: _file(d, "a.html", b"<div>" * 200_000 + b"x" + b"</div>" * 200_000)),
    Case("html: not HTML at all", "reject", lambda d: _file(d, "a.html", bytes(range(256)) * 50)),
    Case("json: a list", "reject", lambda d: _file(d, "a.json", json.dumps([REC]).encode())),
    Case("json: deeply nested", "reject", lambda d: _file(d, "a.json", b"[" * 100_000 + b"]" * 100_000)),
    Case("json: good record", "accept", lambda d: _file(d, "a.json", json.dumps(REC).encode())),
    Case("folder: dangling symlink", "reject", lambda d: _symlink(d, "/nonexistent/a.txt", "gone.txt", False)),
    Case("folder: symlink to /dev/zero", "reject", lambda d: _symlink(d, "/dev/zero", "zero.txt", False)),
    Case("direct: symlink to /dev/zero as .jsonl", "reject", lambda d: _symlink(d, "/dev/zero", "zero.jsonl", True)),
    Case("direct: symlink to /dev/zero as .txt", "reject", lambda d: _symlink(d, "/dev/zero", "zero.txt", True)),
    Case("folder: FIFO named .txt", "reject", lambda d: _fifo(d, False)),
    Case("direct: FIFO named .txt", "reject", lambda d: _fifo(d, True)),
    Case("direct: dangling symlink", "reject", lambda d: _symlink(d, "/nonexistent/a.jsonl", "gone.jsonl", True)),
    Case("direct: unknown extension", "reject", lambda d: [_w(d / "a.docx", b"PK\x03\x04")]),
    Case("folder: symlink loop", "accept", _loop),
    Case("folder: unreadable subfolder", "reject", lambda d: _unreadable(d, "folder"), root_only_skip=True),
    Case("folder: unreadable file", "reject", lambda d: _unreadable(d, "file"), root_only_skip=True),
]


def _w(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


class _Timeout(Exception):
    pass


def _alarm(signum, frame):
    raise _Timeout()


def run_case(case: Case, tmp: Path) -> dict:
    """Run one case through the CLI and classify the outcome."""
    from click.testing import CliRunner

    from consistency.cli import main

    good = _jsonl(tmp, [dict(GOOD, id="good")], name="good.jsonl")[0]
    inputs = case.build(tmp)
    store = tmp / "store"
    args = ["ingest", str(good), *map(str, inputs), "--store", str(store), "--embedder", "hashing", "--format", "json"]
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(TIMEOUT)
    t0 = time.perf_counter()
    try:
        result = CliRunner().invoke(main, args, catch_exceptions=True)
    except _Timeout:
        return {"name": case.name, "outcome": "hang", "seconds": TIMEOUT, "detail": f"no answer in {TIMEOUT}s"}
    finally:
        signal.alarm(0)
    seconds = round(time.perf_counter() - t0, 2)
    stderr = result.stderr
    rejected = [ln for ln in stderr.splitlines() if ln.startswith("rejected: ")]
    ids = set()
    if (store / "consistency.sqlite").exists():
        with sqlite3.connect(store / "consistency.sqlite") as db:
            ids = {r[0] for r in db.execute("SELECT id FROM articles")}
    out = {"name": case.name, "exit": result.exit_code, "seconds": seconds, "rejected": rejected[:3]}
    exc = result.exception
    if isinstance(exc, _Timeout):
        return dict(out, outcome="hang", detail=f"no answer in {TIMEOUT}s")
    if (exc is not None and not isinstance(exc, SystemExit)) or "Traceback" in stderr:
        return dict(out, outcome="crash", detail=f"{type(exc).__name__}: {str(exc)[:200]}")
    if result.exit_code not in (0, 1):
        return dict(out, outcome="crash", detail=stderr.strip()[-300:])
    if "good" not in ids:
        return dict(out, outcome="data lost", detail="the good article in the same batch was not stored")
    if set(case.keep) - ids:
        return dict(out, outcome="data lost", detail=f"good records in the same file were lost: {set(case.keep) - ids}")
    if case.expect == "accept":
        stored = ids - {"good", *case.keep}
        if not stored:
            return dict(out, outcome="data lost", detail="a valid input was not stored: " + "; ".join(rejected)[:300])
        return dict(out, outcome="accepted")
    if case.expect == "none":
        return dict(out, outcome="accepted" if result.exit_code == 0 else "unclear")
    if result.exit_code != 1 or not rejected:
        return dict(out, outcome="data lost", detail="exit 0 and nothing rejected: the bad input vanished silently")
    names = {os.path.basename(str(p)) for p in inputs}
    shown = all(any(n.encode("unicode_escape").decode() in ln or n in ln for n in names) or "/" in ln for ln in rejected)
    if not shown:
        return dict(out, outcome="unclear", detail="a rejection does not name the file")
    return dict(out, outcome="clean rejection")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("-k", default="", help="only cases whose name contains this text")
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    root = os.geteuid() == 0
    results = []
    for case in CASES:
        if args.k and args.k.lower() not in case.name.lower():
            continue
        if case.root_only_skip and root:
            results.append({"name": case.name, "outcome": "skipped", "detail": "permissions do not bind root"})
            continue
        with tempfile.TemporaryDirectory(prefix="hostile-") as tmp:
            try:
                results.append(run_case(case, Path(tmp)))
            finally:
                for p in Path(tmp).rglob("*"):  # let the cleanup remove what the case locked away
                    try:
                        p.chmod(0o700)
                    except OSError:
                        pass
        if not args.json:
            r = results[-1]
            print(f"{r['outcome']:16} {r.get('seconds', 0):7.2f}s  {r['name']}"
                  + (f"  -- {r['detail']}" if r.get("detail") else ""), flush=True)
            for line in r.get("rejected", [])[:1]:
                print(f"{'':27}{line[:160]}")
    tried = [r for r in results if r["outcome"] != "skipped"]
    totals = {
        "inputs_tried": len(tried),
        "clean_rejections": sum(r["outcome"] == "clean rejection" for r in tried),
        "accepted": sum(r["outcome"] == "accepted" for r in tried),
        "crashes": sum(r["outcome"] == "crash" for r in tried),
        "hangs": sum(r["outcome"] == "hang" for r in tried),
        "data_lost": sum(r["outcome"] == "data lost" for r in tried),
        "unclear": sum(r["outcome"] == "unclear" for r in tried),
        "skipped": len(results) - len(tried),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
    }
    if args.json:
        print(json.dumps({"totals": totals, "cases": results}, indent=1))
    else:
        print(", ".join(f"{k.replace('_', ' ')}: {v}" for k, v in totals.items()))
    bad = totals["crashes"] + totals["hangs"] + totals["data_lost"] + totals["unclear"]
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
