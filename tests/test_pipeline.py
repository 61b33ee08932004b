"""The pipeline end to end on small hand-written input, with the hashing embedder."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from sample_story import STORY

from consistency import Options, check, ingest, query, stats
from consistency.cli import main
from consistency.store.database import Store

pytestmark = pytest.mark.slow  # spaCy parses every article



def corpus(tmp_path: Path, n_extra: int = 0) -> Path:
    rows = [{"id": f"a{i}", "outlet": o, "url": f"https://{i}.example/x", "title": "Summit",
             "published": d + "T08:00:00+00:00", "text": t} for i, (o, d, t) in enumerate(STORY)]
    for i in range(n_extra):
        rows.append({"id": f"x{i}", "outlet": f"Outlet {i % 7}", "url": f"https://x.example/{i}", "title": f"Item {i}",
                     "published": "2026-03-12", "text": f"Report number {i} says the council met {i} times in Kesk. "
                     f"The mayor said the vote on item {i} would take place on Friday."})
    path = tmp_path / "articles.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    return path


def opts(tmp_path: Path, **kw) -> Options:
    return Options(store=tmp_path / "store", embedder="hashing", **kw)


def test_pipeline_ingest_is_incremental(tmp_path):
    path = corpus(tmp_path)
    first = ingest([path], opts(tmp_path))
    assert (first.articles_new, first.articles_duplicate) == (3, 0)
    assert first.claims_new >= 5 and first.embedded > 0
    again = ingest([path], opts(tmp_path))
    assert (again.articles_new, again.articles_duplicate, again.embedded, again.claims_new) == (0, 3, 0, 0)
    counts = stats(opts(tmp_path))
    assert counts["articles"] == 3 and counts["claims"] == counts["indexed"] == first.claims_new


def test_pipeline_same_text_under_another_url_is_a_duplicate(tmp_path):
    path = corpus(tmp_path)
    ingest([path], opts(tmp_path))
    rec = json.loads(path.read_text().splitlines()[0]) | {"id": "copy", "url": "https://mirror.example/x"}
    copy = tmp_path / "copy.jsonl"
    copy.write_text(json.dumps(rec) + "\n")
    result = ingest([copy], opts(tmp_path))
    assert result.articles_duplicate == 1 and result.articles_new == 0


def test_pipeline_check_flags_the_date_conflict_and_query_finds_it(tmp_path):
    ingest([corpus(tmp_path)], opts(tmp_path))
    result = check(opts(tmp_path))
    timeline = [f for f in result.flags if f.type == "timeline"]
    assert len(timeline) == 1
    flag = timeline[0]
    assert set(flag.articles) == {"a0", "a1"}
    assert flag.values == {"Baltic Wire": "March 10", "Riga Post": "March 12"}
    assert "March 10" in flag.explanation and "Riga Post" in flag.explanation
    assert not [f for f in result.flags if f.type == "number"]  # the soldiers' figure agrees
    answer = query("Markin told a press briefing the first battery reached its position", opts(tmp_path), k=3)
    assert {m.outlet for m in answer.matches[:2]} == {"Baltic Wire", "Riga Post"}
    assert flag.id in answer.matches[0].flags
    statements = [s for f in answer.facts for s in f["statements"]]
    assert statements and {s["stance"] for s in statements} <= {"supports", "denies", "repeats"}
    assert "stances" not in answer.to_dict()  # one stance per statement, in the facts


def test_pipeline_check_twice_carries_flags_over(tmp_path):
    ingest([corpus(tmp_path)], opts(tmp_path))
    first = check(opts(tmp_path))
    second = check(opts(tmp_path))
    assert first.new and not second.new and sorted(second.carried) == sorted(first.new)


def test_pipeline_cli_contract(tmp_path):
    path = corpus(tmp_path)
    store = str(tmp_path / "store")
    runner = CliRunner()
    env = {"CONSISTENCY_EMBEDDER": "hashing"}
    out = runner.invoke(main, ["ingest", str(path), "--store", store, "--format", "json"], env=env)
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert set(data) >= {"articles_new", "articles_duplicate", "claims_new", "embedded", "rejected"}
    out = runner.invoke(main, ["check", "--store", store, "--format", "json"], env=env)
    flags = [json.loads(line) for line in out.output.splitlines()]
    assert flags and all(set(f) >= {"id", "type", "claims", "articles", "outlets", "values", "evidence",
                                     "confidence", "explanation"} for f in flags)
    out = runner.invoke(main, ["query", "press briefing battery", "--store", store, "--format", "json", "-k", "2"], env=env)
    match = json.loads(out.output)["matches"][0]
    assert set(match) >= {"claim_id", "text", "score", "outlet", "article_id", "published", "flags"}
    out = runner.invoke(main, ["stats", "--store", store, "--format", "json"], env=env)
    assert set(json.loads(out.output)) >= {"articles", "claims", "indexed", "flags"}


def test_pipeline_cli_ingest_exits_1_and_names_rejections(tmp_path):
    path = corpus(tmp_path)
    with open(path, "a") as fh:
        fh.write('{"outlet": "X", "url": "https://y.example", "title": "t", "published": "soon", "text": "t"}\n')
    out = CliRunner().invoke(main, ["ingest", str(path), "--store", str(tmp_path / "s"),
                                                    "--format", "json"], env={"CONSISTENCY_EMBEDDER": "hashing"})
    assert out.exit_code == 1
    assert json.loads(out.stdout)["articles_new"] == 3
    assert f"{path}:4: 'published' is not a date" in out.stderr


def test_pipeline_cli_review_persists(tmp_path):
    ingest([corpus(tmp_path)], opts(tmp_path))
    flag = check(opts(tmp_path)).flags[0]
    runner = CliRunner()
    out = runner.invoke(main, ["review", flag.id, "--dismiss", "--note", "same briefing", "--store",
                               str(tmp_path / "store"), "--format", "json"], env={"CONSISTENCY_EMBEDDER": "hashing"})
    assert out.exit_code == 0, out.output
    with Store(tmp_path / "store", model="hashing") as store:
        assert store.reviews()[flag.id]["verdict"] == "dismissed"
    bad = runner.invoke(main, ["review", "nope", "--confirm", "--store", str(tmp_path / "store")])
    assert bad.exit_code != 0 and "no flag with id" in bad.output


def _store_agrees(store_dir: Path) -> tuple[int, int]:
    db = sqlite3.connect(store_dir / "consistency.sqlite")
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    ids = db.execute("SELECT id FROM articles").fetchall()
    assert len(ids) == len(set(ids))
    db.close()
    with Store(store_dir, model="hashing") as store:
        held = np.sort(store.index.ids())
        rows = np.sort([r for r in store.claims()])
        assert np.array_equal(held, rows)
        return store.counts()["articles"], store.counts()["claims"]


def test_pipeline_survives_sigkill_during_ingest(tmp_path):
    path = corpus(tmp_path, n_extra=120)
    clean = opts(tmp_path / "clean")
    ingest([path], clean)
    expected = _store_agrees(clean.store)
    store_dir = tmp_path / "killed"
    code = (f"from consistency import Options, ingest; "
            f"ingest([{str(path)!r}], Options(store={str(store_dir)!r}, embedder='hashing', batch_size=4))")
    env = dict(os.environ, HF_HUB_OFFLINE="1")
    for delay in (2.0, 3.0, 4.0, 5.5):
        proc = subprocess.Popen([sys.executable, "-c", code], env=env)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        if (store_dir / "consistency.sqlite").exists():
            _store_agrees(store_dir)
    ingest([path], Options(store=store_dir, embedder="hashing"))
    assert _store_agrees(store_dir) == expected


def test_pipeline_check_min_confidence_hides_less_sure_flags(tmp_path):
    ingest([corpus(tmp_path)], opts(tmp_path))
    every = check(opts(tmp_path), full=True).flags
    assert every
    cut = sorted(f.confidence for f in every)[-1]
    shown = check(opts(tmp_path, min_confidence=cut), full=True).flags
    assert shown and all(f.confidence >= cut for f in shown)
    assert len(shown) == sum(1 for f in every if f.confidence >= cut)
    out = CliRunner().invoke(main, ["check", "--store", str(tmp_path / "store"), "--format", "json", "--full",
                                    "--min-confidence", "1.0"], env={"CONSISTENCY_EMBEDDER": "hashing"})
    assert out.exit_code == 0 and out.output.strip() == ""
