"""Hostile input: every bad record is one clear line naming file, line and field; the rest is kept."""

import csv
import io
import json
import os
import sys
import tempfile
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from consistency.errors import Rejection
from consistency.ingest.readers import MAX_TEXT_CHARS, read_paths

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

GOOD = {"id": "g1", "outlet": "Kesk Herald", "url": "https://kesk.example/a", "title": "Council",
        "published": "2026-03-10", "text": "The Kesk council met on Tuesday to vote on the harbour budget."}
FIELDS = ("id", "outlet", "url", "title", "published", "text")
HYPO = settings(max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _valid_article(a) -> None:
    for value in (a.id, a.outlet, a.url, a.title, a.text, a.language):
        value.encode("utf-8")  # no lone surrogates reach the store
    assert a.text.strip() and len(a.text) <= MAX_TEXT_CHARS and 1800 <= a.published.year <= 2200


def _one_line(rejection: Rejection) -> str:
    shown = str(rejection)
    assert "\n" not in shown and "\r" not in shown
    shown.encode("utf-8")
    return shown


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
                           lambda kids: st.lists(kids, max_size=3) | st.dictionaries(st.text(max_size=5), kids, max_size=3),
                           max_leaves=10)


@HYPO
@given(st.lists(st.dictionaries(st.sampled_from(FIELDS + ("language",)), json_values | st.text(), max_size=7),
                min_size=1, max_size=6))
def test_hostile_jsonl_records_each_become_an_article_or_one_rejection(tmp_path, records):
    path = tmp_path / "in.jsonl"
    lines = [json.dumps(r, ensure_ascii=True) for r in records] + [json.dumps(GOOD)]
    path.write_text("\n".join(lines) + "\n")
    result = read_paths([path])
    assert len(result.articles) + len(result.rejected) == len(lines)  # nothing dropped unseen
    assert result.articles[-1].id == "g1"
    for a in result.articles:
        _valid_article(a)
    for r in result.rejected:
        assert _one_line(r).startswith(f"{path}:")


@HYPO
@given(st.lists(st.binary(max_size=200), max_size=8))
def test_hostile_jsonl_arbitrary_bytes_never_raise(tmp_path, chunks):
    path = tmp_path / "in.jsonl"
    path.write_bytes(b"\n".join(chunks) + b"\n" + json.dumps(GOOD).encode() + b"\n")
    result = read_paths([path])
    assert result.articles and result.articles[-1].id == "g1"
    for a in result.articles:
        _valid_article(a)
    for r in result.rejected:
        _one_line(r)


@HYPO
@given(st.lists(st.fixed_dictionaries({k: st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)
                                        for k in FIELDS}), max_size=5))
def test_hostile_csv_written_rows_read_back_or_are_rejected_by_line(tmp_path, rows):
    buf = io.StringIO(newline="")
    writer = csv.DictWriter(buf, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows + [GOOD])
    path = tmp_path / "in.csv"
    path.write_text(buf.getvalue(), encoding="utf-8", newline="")
    result = read_paths([path])
    assert result.articles and result.articles[-1].id == "g1"
    assert len(result.articles) + len(result.rejected) >= len(rows) + 1 - sum(
        1 for r in rows if not any(v.strip() for v in r.values()))
    for a in result.articles:
        _valid_article(a)
    for r in result.rejected:
        assert _one_line(r).startswith(f"{path}:")


@HYPO
@given(st.binary(max_size=400))
def test_hostile_csv_arbitrary_bytes_keep_a_later_good_row(tmp_path, junk):
    good = 'g1,Kesk Herald,https://kesk.example/a,Council,2026-03-10,"The Kesk council met on Tuesday."\n'
    path = tmp_path / "in.csv"
    path.write_bytes(b"id,outlet,url,title,published,text\n" + junk.replace(b"\x00", b"") + b"\n" + good.encode())
    result = read_paths([path])
    for a in result.articles:
        _valid_article(a)
    for r in result.rejected:
        _one_line(r)
    if b'"' not in junk and b"\r" not in junk:  # without quotes a broken row cannot reach the good one
        assert any(a.id == "g1" for a in result.articles)


@HYPO
@given(st.binary(max_size=300), st.sampled_from([".txt", ".json", ".html"]))
def test_hostile_single_files_of_arbitrary_bytes_never_raise(tmp_path, data, suffix):
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    (folder / f"x{suffix}").write_bytes(data)
    result = read_paths([folder])
    assert len(result.articles) + len(result.rejected) == 1
    for a in result.articles:
        _valid_article(a)
    for r in result.rejected:
        _one_line(r)


@settings(database=None)
@given(st.text(max_size=30), st.integers(1, 10 ** 6) | st.none(), st.text(max_size=10) | st.none())
def test_hostile_rejection_is_one_printable_line(path, line, field):
    _one_line(Rejection(path, line, field, "msg"))


def test_hostile_csv_unclosed_quote_keeps_later_rows(tmp_path):
    path = tmp_path / "in.csv"
    path.write_text('id,outlet,url,title,published,text\n'
                    'bad,Riga Post,https://r.example/b,T,2026-03-11,"The harbour opened\n'
                    'c2,Kesk Herald,https://k.example/2,T,2026-03-11,"Ships waited, officials said."\n'
                    'c3,Kesk Herald,https://k.example/3,T,2026-03-11,Plain text here\n')
    result = read_paths([path])
    assert [a.id for a in result.articles] == ["c2", "c3"]
    assert [str(r) for r in result.rejected][0].startswith(f"{path}:2: opens a quoted field")


def test_hostile_csv_unclosed_quote_at_the_end_is_rejected_not_swallowed(tmp_path):
    path = tmp_path / "in.csv"
    path.write_text('id,outlet,url,title,published,text\n'
                    'c1,Kesk Herald,https://k.example/1,T,2026-03-11,Plain text here\n'
                    'bad,Riga Post,https://r.example/b,T,2026-03-11,"The harbour opened\nand more\n')
    result = read_paths([path])
    assert [a.id for a in result.articles] == ["c1"]
    assert str(result.rejected[0]).startswith(f"{path}:3: opens a quoted field that is never closed")


def test_hostile_utf16_and_bom_inputs(tmp_path):
    (tmp_path / "a.csv").write_bytes("id,outlet,url,title,published,text\n".encode("utf-16"))
    (tmp_path / "b.jsonl").write_bytes(b"\xef\xbb\xbf" + json.dumps(GOOD).encode() + b"\n")
    result = read_paths([tmp_path / "a.csv", tmp_path / "b.jsonl"])
    assert [a.id for a in result.articles] == ["g1"]
    assert "UTF-16" in str(result.rejected[0]) and "header lacks" not in str(result.rejected[0])


def test_hostile_txt_crlf_header_is_read(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"Outlet: Kesk Herald\r\nURL: https://k.example/t\r\nTitle: T\r\n"
                                     b"Published: 2026-03-10\r\n\r\nThe council met on Tuesday.\r\n")
    result = read_paths([tmp_path])
    assert not result.rejected and result.articles[0].outlet == "Kesk Herald"


def test_hostile_html_without_text_says_so(tmp_path):
    (tmp_path / "a.html").write_text("<html><script>alert(1)</script></html>")
    result = read_paths([tmp_path])
    assert "no article text could be extracted" in str(result.rejected[0])


def test_hostile_sidecar_list_and_lone_surrogate_are_rejected(tmp_path):
    (tmp_path / "a.txt").write_text("Outlet: O\nURL: https://o.example/a\nPublished: 2026-03-10\n\nSome text here.\n")
    (tmp_path / "a.meta.json").write_text("[1, 2]")
    (tmp_path / "b.jsonl").write_text(json.dumps(dict(GOOD, outlet="O\ud800")) + "\n" + json.dumps(dict(GOOD, id="g2")) + "\n")
    result = read_paths([tmp_path])
    assert [a.id for a in result.articles] == ["g2"]
    shown = sorted(str(r) for r in result.rejected)
    assert "a.meta.json: must be a JSON object" in shown[0]
    assert "b.jsonl:1: 'outlet' holds a lone surrogate" in shown[1]


def test_hostile_deep_json_and_far_dates_are_rejected(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text("[" * 100_000 + "]" * 100_000 + "\n" + json.dumps(dict(GOOD, published="9999-12-31")) + "\n"
                    + json.dumps(dict(GOOD, id="g2", text="x" * (MAX_TEXT_CHARS + 1))) + "\n")
    result = read_paths([path])
    assert not result.articles
    shown = [str(r) for r in result.rejected]
    assert "nests too deeply" in shown[0] and "year 9999" in shown[1] and "split it into separate articles" in shown[2]


def test_hostile_fifo_device_and_dangling_link_are_rejected_without_reading(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(folder / "pipe.txt")
    os.symlink("/dev/zero", folder / "zero.jsonl")
    os.symlink(tmp_path / "missing.txt", folder / "gone.txt")
    done = []
    worker = threading.Thread(target=lambda: done.append(read_paths([folder])), daemon=True)
    worker.start()
    worker.join(timeout=20)
    assert done, "reading blocked on a pipe or a device"
    shown = sorted(str(r) for r in done[0].rejected)
    assert len(shown) == 3
    assert "gone.txt: is a link to a file that does not exist" in shown[0]
    assert "pipe.txt: is not a regular file" in shown[1] and "zero.jsonl: is not a regular file" in shown[2]


def test_hostile_oversized_file_is_refused_from_its_size(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:
        fh.truncate(1_500_000_000)  # sparse: nothing is written, and nothing must be read
    result = read_paths([big])
    assert "larger than 10 MB (1430 MB)" in str(result.rejected[0])


def test_hostile_file_name_with_newline_is_rejected_on_one_line(tmp_path):
    (tmp_path / "a\nb.txt").write_text("Outlet: O\nURL: https://o.example/a\nPublished: 2026-03-10\n\nSome text.\n")
    result = read_paths([tmp_path])
    assert "a\\nb.txt: the file name" in _one_line(result.rejected[0])


@pytest.mark.slow
def test_hostile_catalogue_has_no_crash_hang_or_loss(capsys):
    """Every case of scripts/hostile_inputs.py through the CLI: rejected cleanly or accepted."""
    from hostile_inputs import main

    assert main(["--json"]) == 0
    totals = json.loads(capsys.readouterr().out)["totals"]
    assert totals["inputs_tried"] >= 80 and totals["crashes"] == totals["hangs"] == totals["data_lost"] == 0


def test_hostile_unreadable_subfolder_is_rejected_not_skipped(tmp_path, monkeypatch):
    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "a.jsonl").write_text(json.dumps(GOOD) + "\n")
    (tmp_path / "locked").mkdir()
    real = os.scandir

    def scandir(path):  # permissions do not bind root, so the refusal is staged here
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = read_paths([tmp_path])
    assert [a.id for a in result.articles] == ["g1"]
    assert str(result.rejected[0]) == f"{tmp_path / 'locked'}: folder cannot be read (Permission denied); fix its permissions or leave it out"
