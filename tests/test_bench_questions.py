"""The answer benchmark's questions load, each answer span still holds its hash, and the fresh check set stays apart.

Only loading and checking: no engine runs and nothing is scored.
"""

from __future__ import annotations

import collections
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from bench.realcoverage import event_part  # noqa: E402
from bench_answers import read_questions  # noqa: E402

QUESTIONS = ROOT / "bench" / "questions" / "basil.jsonl"
CORPORA = [Path(os.environ["BASIL_DIR"])] if os.environ.get("BASIL_DIR") else [
    ROOT.parent / "shared" / "bench" / "real-coverage" / "basil"]


def _rows() -> list[dict]:
    return [json.loads(line) for line in QUESTIONS.read_text().splitlines() if line.strip()]


def test_rows_are_well_formed():
    rows = _rows()
    assert len({r["id"] for r in rows}) == len(rows)
    assert {r.get("split", "tune") for r in rows} == {"tune", "held", "fresh"}
    for r in rows:
        assert r["question"].strip() and r["answers"]
        for a in r["answers"]:
            assert a["article"].startswith(f"basil-{r['event']}_")
            assert 0 <= a["start"] < a["end"] and len(a["sha1"]) == 12


def test_fresh_questions_come_from_the_tuning_half():
    fresh = [r for r in _rows() if r["split"] == "fresh"]
    assert len(fresh) >= 30
    assert all(event_part(r["event"]) == "tune" for r in fresh)
    assert max(collections.Counter(r["event"] for r in fresh).values()) <= 3


def test_every_answer_span_holds_its_hash():
    corpus = next((c for c in CORPORA if (c / "articles.jsonl").exists()), None)
    if corpus is None:
        pytest.skip("the BASIL corpus is not on this machine (set BASIL_DIR)")
    articles = {}
    with open(corpus / "articles.jsonl") as fh:
        for line in fh:
            rec = json.loads(line)
            articles[rec["id"]] = rec["text"]
    questions = read_questions(QUESTIONS, articles)  # exits on a missing article or a changed span
    assert len(questions) == len(_rows())


@pytest.mark.parametrize("split", ["fresh", "held", "all"])
def test_grid_tunes_on_tune_only(split, tmp_path):
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "bench_answers.py"), str(tmp_path), str(QUESTIONS),
                          "--store", str(tmp_path / "store"), "--grid", "--split", split],
                         capture_output=True, text=True)
    assert run.returncode == 2 and "--split tune" in run.stderr
