import sqlite3
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

from bench_nightly import dump_tables  # noqa: E402


def _store(path: Path, flags: list[tuple]) -> Path:
    path.mkdir()
    db = sqlite3.connect(path / "consistency.sqlite")
    db.executescript("""
        create table flags (id text, type text, status text, first_run int, last_run int, confidence real,
                            story_id text, evidence_hash text);
        create table pairs (a int, b int, score real, quiet int, outcome text);
        create table articles (id text, story_id text);
        create table stories (id text, thread_id text);
    """)
    db.executemany("insert into flags values (?, ?, ?, ?, ?, ?, ?, ?)", flags)
    db.executemany("insert into pairs values (?, ?, ?, ?, ?)", [(2, 3, 0.5, 0, None), (1, 4, 0.91, 1, "x")])
    db.execute("insert into articles values ('a1', 's1')")
    db.execute("insert into stories values ('s1', 't1')")
    db.commit()
    db.close()
    return path


def test_dump_tables_writes_sorted_rows_so_two_nights_compare_line_by_line(tmp_path):
    flag_b = ("num-b", "number", "open", 2, 2, 0.8, "s1", "h2")
    flag_a = ("att-a", "attribution", "open", 1, 2, 0.7, "s1", "h1")
    dump_tables(_store(tmp_path / "one", [flag_b, flag_a]), tmp_path / "out1")
    dump_tables(_store(tmp_path / "two", [flag_a, flag_b]), tmp_path / "out2")
    for name in ("flags.tsv", "pairs.tsv", "stories.tsv"):
        assert (tmp_path / "out1" / name).read_text() == (tmp_path / "out2" / name).read_text()
    assert (tmp_path / "out1" / "flags.tsv").read_text().splitlines()[0].startswith("att-a\tattribution")
    assert (tmp_path / "out1" / "pairs.tsv").read_text().splitlines() == ["1\t4\t0.91\t1\tx", "2\t3\t0.5\t0\tNone"]
    assert (tmp_path / "out1" / "stories.tsv").read_text().splitlines() == ["a1\ts1", "S\ts1\tt1"]


def test_dump_tables_shows_a_flag_that_differs(tmp_path):
    flag = ("att-a", "attribution", "open", 1, 2, 0.7, "s1", "h1")
    dump_tables(_store(tmp_path / "one", [flag]), tmp_path / "out1")
    dump_tables(_store(tmp_path / "two", [flag[:5] + (0.71,) + flag[6:]]), tmp_path / "out2")
    assert (tmp_path / "out1" / "flags.tsv").read_text() != (tmp_path / "out2" / "flags.tsv").read_text()
