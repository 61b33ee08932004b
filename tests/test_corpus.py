"""The sample corpus end to end with the real models: every planted case, nothing it must not flag."""

import json
from pathlib import Path

import pytest

from consistency import Options, check, ingest

CORPUS = Path(__file__).resolve().parent.parent / "corpora" / "sample"
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def findings(tmp_path_factory):
    opts = Options(store=tmp_path_factory.mktemp("store"), embedder="minilm")
    first = ingest([CORPUS / "articles.jsonl", CORPUS / "more"], opts)
    again = ingest([CORPUS / "articles.jsonl", CORPUS / "more"], opts)
    return first, again, check(opts)


def gold(expect: str) -> list[dict]:
    rows = [json.loads(line) for line in (CORPUS / "gold.jsonl").read_text().splitlines() if line.strip()]
    return [r for r in rows if r["expect"] == expect]


def matches(flag, case) -> bool:
    if flag.type != case["type"]:
        return False
    if case["type"] == "unsupported_repetition":
        return len(set(flag.articles) & set(case["articles"])) * 2 >= len(case["articles"])
    return set(flag.articles) == set(case["articles"])


def test_corpus_ingests_everything_once(findings):
    first, again, _ = findings
    assert first.rejected == [] and first.articles_new >= 20
    assert again.articles_new == 0 and again.embedded == 0 and again.articles_duplicate == first.articles_new


@pytest.mark.parametrize("case", gold("flag"), ids=lambda c: f"{c['type']}:{'+'.join(c['articles'])}")
def test_corpus_finds_planted_case(findings, case):
    flags = findings[2].flags
    assert any(matches(f, case) for f in flags), case["note"]


@pytest.mark.parametrize("case", gold("no_flag"), ids=lambda c: f"{c['type']}:{'+'.join(c['articles'])}")
def test_corpus_does_not_flag(findings, case):
    flags = findings[2].flags
    wrong = [f.explanation for f in flags if matches(f, case)]
    assert not wrong, case["note"]


def test_corpus_raises_nothing_outside_the_gold_file(findings):
    planted = gold("flag")
    extra = [f for f in findings[2].flags if not any(matches(f, c) for c in planted)]
    assert not extra, "\n".join(f"{f.type} {f.articles}: {f.explanation}" for f in extra)


def test_corpus_flags_carry_evidence_and_explanations(findings):
    for f in findings[2].flags:
        assert len(f.evidence) >= 2 and all(e.text for e in f.evidence)
        assert f.explanation and 0 < f.confidence <= 1
        assert len(set(f.outlets)) >= 2
