"""The contradiction benchmark: injections on hand-written sentences, determinism, the scorer."""

from __future__ import annotations

import difflib
import random
import re
import sys
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

from bench.contrabench.build import Source, build, date_of_line  # noqa: E402
from bench.contrabench.inject import (  # noqa: E402
    StoryContext,
    inject_attribution,
    inject_channel,
    inject_name_variant,
    inject_number,
    inject_polarity,
    inject_timeline,
    inject_update,
    respell,
)
from bench.contrabench.safe import (  # noqa: E402
    inject_cue,
    inject_granularity,
    inject_hedge,
    inject_rounding,
    make_repetition,
)
from bench.contrabench.score import score  # noqa: E402
from consistency.records import Flag  # noqa: E402

CTX = StoryContext(persons=("Dana Okoro", "Marcus Feldhaus", "Lena Whitcombe"),
                   event_date=date(2011, 3, 14), orgs=("Harlow Transit",), places=("Brixley",))


def changes(a: str, b: str) -> list[tuple[str, str]]:
    """The word-level differences between two sentences."""
    wa, wb = re.findall(r"[\w'-]+|[^\w\s]", a), re.findall(r"[\w'-]+|[^\w\s]", b)
    sm = difflib.SequenceMatcher(a=wa, b=wb, autojunk=False)
    return [(" ".join(wa[i1:i2]), " ".join(wb[j1:j2]))
            for op, i1, i2, j1, j2 in sm.get_opcodes() if op != "equal"]


def test_make_contradiction_bench_timeline_changes_one_date() -> None:
    s = "The bridge in Brixley was closed on March 12 after inspectors found cracks."
    inj = inject_timeline(s, random.Random(3), CTX)
    assert inj is not None and inj.type == "timeline" and inj.a == s
    assert changes(inj.a, inj.b) == [(inj.detail["a"].split()[-1], inj.detail["b"].split()[-1])] or \
        len(changes(inj.a, inj.b)) == 1
    assert inj.detail["a"] != inj.detail["b"]


def test_make_contradiction_bench_timeline_adds_conflicting_clauses() -> None:
    s = "Workers closed the old bridge after inspectors found cracks."
    inj = inject_timeline(s, random.Random(0), CTX)
    assert inj is not None and inj.a != s
    assert len(changes(inj.a, inj.b)) == 1
    assert inj.detail["a"] in inj.a and inj.detail["b"] in inj.b


def test_make_contradiction_bench_attribution_swaps_the_speaker() -> None:
    s = "The line will reopen next week, Marcus Feldhaus said."
    inj = inject_attribution(s, random.Random(1), CTX)
    assert inj is not None and inj.detail["a"] == "Marcus Feldhaus"
    assert changes(inj.a, inj.b) == [("Marcus Feldhaus", inj.detail["b"])]


def test_make_contradiction_bench_attribution_adds_two_speakers() -> None:
    s = "Workers closed the old bridge after inspectors found cracks."
    inj = inject_attribution(s, random.Random(2), CTX)
    assert inj is not None
    assert inj.detail["a"] in inj.a and inj.detail["b"] in inj.b and inj.detail["a"] != inj.detail["b"]
    assert len(changes(inj.a, inj.b)) == 1


def test_make_contradiction_bench_channel_swaps_the_outlet() -> None:
    s = "The line will reopen next week, Dana Okoro told Reuters."
    inj = inject_channel(s, random.Random(0), CTX)
    assert inj is not None and inj.detail["a"] == "Reuters" and "Reuters" not in inj.b
    assert len(changes(inj.a, inj.b)) == 1


@pytest.mark.parametrize("seed", range(8))
def test_make_contradiction_bench_number_goes_beyond_rounding(seed: int) -> None:
    s = "Police said 41 people were hurt when the train left the rails."
    inj = inject_number(s, random.Random(seed), CTX)
    assert inj is not None
    new = float(inj.detail["b"].replace(",", ""))
    assert abs(new - 41) / 41 >= 0.25
    assert changes(inj.a, inj.b) == [("41", inj.detail["b"])]


def test_make_contradiction_bench_number_skips_years_and_dates() -> None:
    s = "The station opened on May 4, 2009, after a long delay."
    assert inject_number(s, random.Random(0), CTX) is None


def test_make_contradiction_bench_name_variant_is_consistent() -> None:
    s = "Marcus Feldhaus, who runs the depot, was not available for comment."
    inj = inject_name_variant(s, random.Random(4), CTX)
    assert inj is not None and inj.rename == ("Feldhaus", inj.detail["b"])
    assert changes(inj.a, inj.b) == [("Feldhaus", inj.detail["b"])]
    assert respell("Whitcombe", random.Random(0)) != "Whitcombe"


def test_make_contradiction_bench_update_says_the_figure_changed() -> None:
    s = "The crash injured 30 passengers on the morning service."
    inj = inject_update(s, random.Random(5), CTX)
    assert inj is not None and inj.type == "update" and inj.detail["b"] in inj.b
    assert re.search(r"risen|revised|climbed|updated|up from", inj.b)


def test_make_contradiction_bench_rounding_stays_within_five_percent() -> None:
    s = "The crash injured 41 passengers on the morning service."
    inj = inject_rounding(s, random.Random(0), CTX)
    assert inj is not None and inj.expect == "no_flag" and inj.detail["edit"] == "rounding"
    value = float(inj.detail["b"].split()[-1])
    assert 0 < abs(value - 41) / 41 <= 0.05
    assert len(changes(inj.a, inj.b)) == 1


@pytest.mark.parametrize("seed", range(6))
def test_make_contradiction_bench_hedge_is_consistent_with_the_figure(seed: int) -> None:
    s = "The crash injured 45 passengers on the morning service."
    inj = inject_hedge(s, random.Random(seed), CTX)
    assert inj is not None and inj.expect == "no_flag"
    hedge, bound = inj.detail["b"].rsplit(" ", 1)
    if hedge in ("at least", "more than", "over", "upwards of"):
        assert float(bound) < 45
    else:
        assert float(bound) > 45


def test_make_contradiction_bench_granularity_coarsens_the_date() -> None:
    s = "The bridge in Brixley was closed on March 12 after inspectors found cracks."
    inj = inject_granularity(s, random.Random(1), CTX)
    assert inj is not None and inj.expect == "no_flag" and inj.type == "timeline"
    assert "March" in inj.b and "12" not in inj.b


def test_make_contradiction_bench_cue_keeps_the_speaker() -> None:
    s = "The line will reopen next week, Dana Okoro said."
    inj = inject_cue(s, random.Random(0), CTX)
    assert inj is not None and inj.expect == "no_flag" and inj.type == "attribution"
    assert changes(inj.a, inj.b) == [("said", inj.detail["b"])] and "Dana Okoro" in inj.b


def test_make_contradiction_bench_repetition_copies_share_one_source() -> None:
    copies, detail = make_repetition(random.Random(7), CTX, 4)
    assert len(copies) == 4
    core = detail["claim"].rstrip(".").split()[:4]
    for c in copies:
        assert " ".join(core).lower() in c.lower()
        if detail["source"] != "none":
            assert detail["source"] in c


@pytest.mark.slow
def test_make_contradiction_bench_polarity_negates_the_main_verb() -> None:
    from consistency.extract.nlp import load_nlp

    ctx = StoryContext(CTX.persons, CTX.event_date, nlp=load_nlp())
    inj = inject_polarity("The driver was arrested at the scene.", random.Random(0), ctx)
    assert inj is not None and re.search(r"\b(not|never)\b|n't", inj.b)
    assert len(changes(inj.a, inj.b)) == 1
    inj = inject_polarity("The company confirmed that the line would close.", random.Random(0), ctx)
    assert inj is not None and "denied" in inj.b


def test_make_contradiction_bench_reads_datelines() -> None:
    assert date_of_line("June 6, 2013 3:05 PM EDT") == date(2013, 6, 6)
    assert date_of_line("06/06/13 07:05 PM ET EDT") == date(2013, 6, 6)
    assert date_of_line("THURSDAY, DECEMBER 3, 2009, 9:36 AM") == date(2009, 12, 3)
    assert date_of_line("Fri., May. 3, 2013 11:45 AM PDT") == date(2013, 5, 3)
    assert date_of_line("The bridge closed on June 6, 2013 after cracks were found.") is None


def _sources() -> list[Source]:
    lines = [
        "Workers closed the Harlow Transit bridge in Brixley after inspectors found cracks.",
        "Dana Okoro said 41 people were stranded when the last train was cancelled.",
        "Marcus Feldhaus told Reuters that repairs would take at least two weeks.",
        "The bridge was closed on March 12 and traffic was diverted through the town centre.",
        "Lena Whitcombe, who leads the council, confirmed that 30 buses were hired.",
        "Commuters waited for hours as the replacement buses arrived late.",
        "The council approved an emergency budget of 2 million pounds for the repairs.",
    ]
    out = []
    for story in ("1_ecb", "2_ecb"):
        for i in range(6):
            rng = random.Random(f"{story}{i}")
            out.append(Source(f"{story}-{i}", story, f"Bridge closed in Brixley ({i})",
                              rng.sample(lines, 6)))
    return out


@pytest.mark.slow
def test_make_contradiction_bench_is_deterministic_by_seed() -> None:
    from consistency.extract.nlp import load_nlp

    nlp = load_nlp()
    first = build(_sources(), 7, nlp)
    again = build(_sources(), 7, nlp)
    other = build(_sources(), 8, nlp)
    assert first == again
    assert first[0] != other[0]
    articles, gold, manifest = first
    ids = {a["id"] for a in articles}
    assert gold and all(set(g["articles"]) <= ids for g in gold)
    assert 0 < manifest["untouched_articles"] < len(articles)


def _flag(type_: str, *articles: str, confidence: float = 0.5) -> Flag:
    return Flag(id=f"{type_}-{'-'.join(articles)}", type=type_, claims=(), articles=articles,
                outlets=(), confidence=confidence)


def test_make_contradiction_bench_scores_hand_made_flags() -> None:
    gold = [
        {"type": "number", "articles": ["a", "b"], "expect": "flag", "detail": {}},
        {"type": "timeline", "articles": ["c", "d"], "expect": "flag", "detail": {}},
        {"type": "number", "articles": ["c", "b"], "expect": "no_flag", "detail": {}},
        {"type": "unsupported_repetition", "articles": ["a", "b", "c", "d"], "expect": "flag",
         "detail": {}},
        {"type": "name_variant", "articles": ["a", "d"], "expect": "flag",
         "detail": {"others": ["a", "e"]}},
    ]
    flags = [
        _flag("number", "b", "a"),            # tp (pair is unordered)
        _flag("number", "a", "b"),            # duplicate
        _flag("number", "b", "c"),            # fp and a no_flag violation
        _flag("timeline", "c", "e"),          # fp touching untouched article e
        _flag("unsupported_repetition", "a", "b", "x"),  # tp: half of the gold list
        _flag("name_variant", "e", "d"),      # tp through the original spelling in e
        _flag("polarity", "e", "f"),          # fp on untouched articles
    ]
    result = score(flags, gold, ["a", "b", "c", "d", "e", "f", "x"])
    pt = result.per_type
    assert (pt["number"]["tp"], pt["number"]["fp"], pt["number"]["fn"]) == (1, 1, 0)
    assert pt["number"]["precision"] == 0.5 and pt["number"]["recall"] == 1.0
    assert (pt["timeline"]["tp"], pt["timeline"]["fp"], pt["timeline"]["fn"]) == (0, 1, 1)
    assert pt["unsupported_repetition"]["tp"] == 1 and pt["name_variant"]["tp"] == 1
    assert pt["polarity"]["precision"] == 0.0 and pt["polarity"]["recall"] is None
    assert result.no_flag_violations == {"number": 1}
    assert result.duplicates == 1
    # untouched: e, f, x; false flags: timeline (c, e) and polarity (e, f)
    assert result.untouched_articles == 3 and result.false_flags == 2
    assert result.false_flags_per_100 == pytest.approx(66.67, abs=0.01)


def test_make_contradiction_bench_repetition_needs_half_the_list() -> None:
    gold = [{"type": "unsupported_repetition", "articles": ["a", "b", "c", "d"], "expect": "flag",
             "detail": {}}]
    result = score([_flag("unsupported_repetition", "a", "x", "y")], gold, list("abcdxy"))
    assert result.per_type["unsupported_repetition"]["tp"] == 0
    assert result.per_type["unsupported_repetition"]["fp"] == 1
